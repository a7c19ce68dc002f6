import { useState } from 'react';
import { restingHeartRateBpm } from '../../../shared/journal/body-check.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import '../../styles/journal.css';
import { AgreementsView } from './agreements-view.tsx';
import { EntryEditor } from './entry-editor.tsx';
import { EntryEditScreen, EntryView } from './entry-view.tsx';
import { JournalDataProvider } from './journal-data.tsx';
import { JournalList } from './journal-list.tsx';
import { parseJournalPath, useJournalHash } from './journal-path.ts';
import { PromptsView } from './prompts-view.tsx';
import { RepairFlow, type BodyReading } from './repair-flow.tsx';
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

const BASELINE_LOOKBACK_MS = 365 * 24 * 3600 * 1000;

/** The repair flow fed from the app's heart-rate source and the same resting heart rate the check uses. */
function LiveRepairFlow() {
  const heart = useHeartRate();
  const { state } = useSettings();
  const [openedAtMs] = useState(() => Date.now());
  const sessions = useIpcQuery('session.list', { fromMs: Math.max(0, openedAtMs - BASELINE_LOOKBACK_MS), toMs: openedAtMs + 1 });
  if (sessions.status === 'loading' || state.status === 'loading') return <p className="journal-count">Getting ready…</p>;
  const baseline = sessions.status === 'ready' ? restingHeartRateBpm(sessions.value) : null;
  const physiology = state.status === 'ready' ? state.settings.physiology : { calmAboveBaselineBpm: 5, sustainSec: 30 };
  const body: BodyReading = { connected: heart.status.phase === 'connected', bpm: heart.bpm };
  return <RepairFlow body={body} calmLineBpm={baseline === null ? null : baseline + physiology.calmAboveBaselineBpm} sustainMs={physiology.sustainSec * 1000} />;
}
