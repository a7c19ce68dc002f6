import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';
import { writeTrendsData } from '../../../support/trends-data.ts';

describe('trends.timeline over the real router and records store', () => {
  let app: InProcessApi | null = null;
  let dir: ReturnType<typeof makeTempDir> | null = null;
  afterEach(async () => {
    await app?.close();
    dir?.cleanup();
  });

  async function call<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  it('returns every finished session, the entries as markers and the weekly signs, oldest first', async () => {
    dir = makeTempDir('attune-trends-');
    const nowMs = Date.parse('2026-03-01T12:00:00Z');
    const set = await writeTrendsData({ userDataDir: dir.path, nowMs, days: 42 });
    app = createInProcessApi({ dataDir: dir.path });
    const timeline = await call(app.api.invoke('trends.timeline'));
    expect(timeline.sessions).toHaveLength(set.sessionCount);
    expect(timeline.entries).toHaveLength(set.entryCount);
    expect(timeline.signs).toHaveLength(set.signsCount);
    expect(timeline.signs.every((s) => s.rating.length === 5)).toBe(true);
    const times = timeline.sessions.map((s) => s.startedAtMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(timeline.sessions.every((s) => s.startHrBpm !== null && s.endHrBpm !== null)).toBe(true);
    const partner = timeline.entries.find((e) => e.id === set.partnerEntry.id)!;
    expect(partner).toMatchObject({ firstLine: set.partnerEntry.firstLine, tags: ['partner'] });
    expect(timeline.sessions.find((s) => s.id === partner.sessionIds[0])?.journalEntryIds).toContain(partner.id);

    // A rating changed later is read again; a trashed entry leaves the timeline.
    const signsId = timeline.signs[0]!.entryId;
    await call(app.api.invoke('journal.update', { id: signsId, patch: { signsRating: [5, 5, 5, 5, 5] } }));
    await call(app.api.invoke('journal.delete', { id: partner.id }));
    const again = await call(app.api.invoke('trends.timeline'));
    expect(again.signs.find((s) => s.entryId === signsId)?.rating).toEqual([5, 5, 5, 5, 5]);
    expect(again.entries.some((e) => e.id === partner.id)).toBe(false);
  });
});
