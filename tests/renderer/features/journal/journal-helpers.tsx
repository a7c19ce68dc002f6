import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import type { Beat } from '../../../../shared/model/session.ts';

// Shared steps for the journal's component tests: the real services with a clock the test
// can move (sessions are stamped by it), and sessions with a plausible heart: stirred up
// first, then settling to rest.

export type TestMain = InProcessApi & { clock: { ms: number | null } };

/** Real services whose clock follows the real time unless a test pins it. */
export function journalMain(): TestMain {
  const clock = { ms: null as number | null };
  const main = createInProcessApi({ now: () => new Date(clock.ms ?? Date.now()) });
  return Object.assign(main, { clock });
}

export function settlingBeats(highSec = 120, lowSec = 240): Beat[] {
  const beats: Beat[] = [];
  let tMs = 0;
  while (tMs < (highSec + lowSec) * 1000) {
    const rrMs = tMs < highSec * 1000 ? 600 : 960; // 100 bpm, then 62.5 bpm
    tMs += rrMs;
    beats.push({ tMs, rrMs });
  }
  return beats;
}

/** A finished session that started `startAgoMs` before now and lasted `lengthMs`. */
export async function seedSession(main: TestMain, startAgoMs: number, lengthMs = 6 * 60_000, kind: 'check' | 'breathing' = 'check'): Promise<string> {
  const startMs = Date.now() - startAgoMs;
  main.clock.ms = startMs;
  const store = await main.services.records.store();
  const session = await store.startSession({
    kind,
    source: { kind: 'demo' },
    baselineHrBpm: 60,
    breathingPattern: { preset: 'long-exhale-4-6', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 },
  });
  await store.appendBeats(session.id, settlingBeats());
  main.clock.ms = startMs + lengthMs;
  await store.finishSession(session.id);
  main.clock.ms = null;
  return session.id;
}

export function openAt(hash: string): void {
  window.location.hash = hash;
}

/** Opens the entry form's "More details" (title, moment, kind, prompt). */
export async function openDetails(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'More details' }));
}
