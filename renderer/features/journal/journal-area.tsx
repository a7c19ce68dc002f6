import { useEffect, useState } from 'react';
import { DEFAULT_PHYSIOLOGY_SETTINGS } from '../../../shared/model/settings.ts';
import { baselineHrForRules } from '../../../shared/signal/baseline.ts';
import { calmLineBpm } from '../../../shared/signal/regulation-rules.ts';
import { useApi } from '../../app/attune.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import type { HeartRateSource } from '../../sensors/heart-rate-source.ts';
import { startBodyRecording, type BodyRecording, type BodyRecordingDeps } from '../check/body-recording.ts';
import { useRestingBaseline } from '../check/resting-baseline.ts';
import '../../styles/journal.css';
import { AgreementsView } from './agreements-view.tsx';
import { EntryEditor } from './entry-editor.tsx';
import { EntryEditScreen, EntryView } from './entry-view.tsx';
import { JournalDataProvider } from './journal-data.tsx';
import { JournalList } from './journal-list.tsx';
import { parseJournalPath, useJournalHash } from './journal-path.ts';
import { PromptsView } from './prompts-view.tsx';
import { RepairFlow, type BodyCheckRecording, type BodyReading } from './repair-flow.tsx';
import { SessionView } from './session-view.tsx';

// Everything inside the Journal area, loaded on demand (journal-screen.tsx lazy-loads this
// module) so the window's first paint does not carry it.

export default function JournalArea() {
  const hash = useJournalHash();
  const path = parseJournalPath(hash);
  return (
    <JournalDataProvider>
      {path.view === 'list' && <JournalList />}
      {path.view === 'new' && <EntryEditor key={hash} mode="new" options={path} />}
      {path.view === 'entry' && <EntryView key={path.id} id={path.id} />}
      {path.view === 'edit' && <EntryEditScreen key={path.id} id={path.id} />}
      {path.view === 'prompts' && <PromptsView />}
      {path.view === 'session' && <SessionView key={path.id} id={path.id} />}
      {path.view === 'repair' && <LiveRepairFlow />}
      {path.view === 'agreements' && <AgreementsView key={path.id ?? ''} focusId={path.id} />}
    </JournalDataProvider>
  );
}

/** The repair flow fed from the app's heart-rate source, judged against the check's own baseline and calm line. */
function LiveRepairFlow() {
  const api = useApi();
  const heart = useHeartRate();
  const { state } = useSettings();
  const resting = useRestingBaseline();
  const [recording] = useState(() => createBodyCheckRecording({ api, subscribeMeasurements: heart.subscribe }));
  const connected = heart.status.phase === 'connected';
  const baselineHrBpm = resting.status === 'ready' ? baselineHrForRules(resting.baseline) : null;
  const source = connected ? heart.source : null;
  useEffect(() => recording.update(source, baselineHrBpm), [recording, source, baselineHrBpm]);
  if (resting.status === 'loading' || state.status === 'loading') return <p className="journal-count">Getting ready…</p>;
  const physiology = state.status === 'ready' ? state.settings.physiology : DEFAULT_PHYSIOLOGY_SETTINGS;
  const body: BodyReading = { connected, bpm: heart.bpm, offSkin: heart.quality.contact === 'no' };
  return <RepairFlow body={body} recording={recording} calmLineBpm={calmLineBpm(baselineHrBpm, physiology)} sustainMs={physiology.sustainSec * 1000} />;
}

/**
 * The repair's body check recorded as a 'repair' session from when it shows with a source
 * connected until the user goes on to the steps, leaves, or the source goes away (going back
 * to it records another stretch). The end waits one microtask, so React's development-time
 * unmount and remount keeps the stretch; a real leaving ends and saves it.
 */
function createBodyCheckRecording(deps: BodyRecordingDeps): BodyCheckRecording & { update(source: HeartRateSource | null, baselineHrBpm: number | null): void } {
  let showing = false;
  let source: HeartRateSource | null = null;
  let baselineHrBpm: number | null = null;
  let current: { recording: BodyRecording; source: HeartRateSource } | null = null;
  const ended: Promise<string | null>[] = [];

  function reconcile(): void {
    const wanted = showing && source !== null;
    if (current !== null && (!wanted || current.source !== source)) {
      ended.push(current.recording.end());
      current = null;
    }
    if (wanted && current === null && source !== null) current = { recording: startBodyRecording(deps, { kind: 'repair', source, baselineHrBpm }), source };
  }

  return {
    update(nextSource, nextBaseline) {
      source = nextSource;
      baselineHrBpm = nextBaseline;
      reconcile();
    },
    showing(next) {
      showing = next;
      if (next) reconcile();
      else
        queueMicrotask(() => {
          if (!showing) reconcile();
        });
    },
    async sessionIds() {
      reconcile();
      const ids = await Promise.all(ended);
      return ids.filter((id): id is string => id !== null);
    },
  };
}
