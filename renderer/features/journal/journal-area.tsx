import { DEFAULT_PHYSIOLOGY_SETTINGS } from '../../../shared/model/settings.ts';
import { baselineHrForRules } from '../../../shared/signal/baseline.ts';
import { calmLineBpm } from '../../../shared/signal/regulation-rules.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import { useRestingBaseline } from '../check/resting-baseline.ts';
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

/** The repair flow fed from the app's heart-rate source, judged against the check's own baseline and calm line. */
function LiveRepairFlow() {
  const heart = useHeartRate();
  const { state } = useSettings();
  const resting = useRestingBaseline();
  if (resting.status === 'loading' || state.status === 'loading') return <p className="journal-count">Getting ready…</p>;
  const baselineHrBpm = resting.status === 'ready' ? baselineHrForRules(resting.baseline) : null;
  const physiology = state.status === 'ready' ? state.settings.physiology : DEFAULT_PHYSIOLOGY_SETTINGS;
  const body: BodyReading = { connected: heart.status.phase === 'connected', bpm: heart.bpm, offSkin: heart.quality.contact === 'no' };
  return <RepairFlow body={body} calmLineBpm={calmLineBpm(baselineHrBpm, physiology)} sustainMs={physiology.sustainSec * 1000} />;
}
