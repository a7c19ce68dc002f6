import { useEffect, useId, useRef, useState } from 'react';
import { REPAIR_STEPS } from '../../../shared/content/repair-steps.ts';
import { createBodyCheck, type BodyCheckReading } from '../../../shared/journal/body-check.ts';
import { formatDuration } from '../../../shared/journal/physiology.ts';
import { AGREEMENT_TEXT_MAX_CHARS } from '../../../shared/model/agreement.ts';
import { JOURNAL_SESSION_LINKS_MAX, REPAIR_STEP_TEXT_MAX_CHARS, type JournalEntry, type RepairRecord } from '../../../shared/model/journal.ts';
import { useDataClient, type DataClient, type DataResult } from '../../app/data-client.ts';
import { useLifetime } from '../../app/lifetime.ts';
import { formatDate, useJournalData } from './journal-data.tsx';
import { JournalLink } from './journal-link.tsx';
import { BackToList, ProblemAlert } from './page-parts.tsx';

// The repair flow: a body check first (repair goes better from a settled body), then the
// five steps, one at a time, each with a short explanation and room to write what you
// want to say. Step 5 becomes an agreement the tray can bring back; everything is saved
// as one repair entry with the heart rate before and after.
//
// The flow takes the live reading as a prop (`body`), so it does not care whether a strap,
// the demo sensor or nothing is behind it; journal-area.tsx feeds it from the app's
// heart-rate source. It also tells `recording` (when given) while the body check shows, so
// the heart during it is recorded as a 'repair' session, which the saved entry links to.

export type BodyReading = {
  /** A heart-rate source is connected and sending. */
  readonly connected: boolean;
  readonly bpm: number | null;
  /** The strap says it is not touching the skin: whatever it sends is not the wearer's heart. */
  readonly offSkin?: boolean;
};

/** Records the body check while it shows (journal-area.tsx records the app's source). */
export type BodyCheckRecording = {
  /** The body check shows (true), or was left for the steps or another screen (false). */
  showing(showing: boolean): void;
  /** Ends what is being recorded; resolves with the sessions kept, for the entry to link to. */
  sessionIds(): Promise<string[]>;
};

type Props = {
  body: BodyReading;
  recording?: BodyCheckRecording;
  /** Resting heart rate + the calm margin; null when no resting rate is known yet. */
  calmLineBpm: number | null;
  sustainMs: number;
  nowMs?: () => number;
};

type AgreementNote = { text: string; remindAtMs: number | null };
type Stage = { kind: 'body' } | { kind: 'step'; index: number } | { kind: 'saved'; entryId: string; agreement: AgreementNote | null };

type SavedRepair = { entry: JournalEntry; agreement: AgreementNote | null; agreementProblem: string | null };

/**
 * The repair entry, then (when step 5 says what to try next time) its agreement and the link
 * from the entry to it. Run detached: once begun it finishes even if the screen goes.
 */
async function saveRepair(
  data: DataClient,
  text: string,
  repair: RepairRecord,
  nextTime: string,
  remindAtMs: number | null,
  sessionIds: readonly string[],
): Promise<DataResult<SavedRepair>> {
  const created = await data.call('journal.create', {
    kind: 'repair',
    title: 'Repair after a miss',
    text,
    tags: ['partner'],
    repair,
    ...(sessionIds.length > 0 ? { sessionIds: sessionIds.slice(-JOURNAL_SESSION_LINKS_MAX) } : {}),
  });
  if (!created.ok) return created;
  if (!nextTime) return { ok: true, value: { entry: created.value, agreement: null, agreementProblem: null } };
  const saved = await data.call('agreement.save', { text: nextTime.slice(0, AGREEMENT_TEXT_MAX_CHARS), remindAtMs, journalEntryId: created.value.id, status: 'active' });
  if (!saved.ok) return { ok: true, value: { entry: created.value, agreement: null, agreementProblem: saved.message } };
  const linked = await data.call('journal.update', { id: created.value.id, patch: { repair: { ...repair, agreementId: saved.value.id } } });
  const agreement = { text: saved.value.text, remindAtMs: saved.value.remindAtMs };
  return { ok: true, value: { entry: linked.ok ? linked.value : created.value, agreement, agreementProblem: null } };
}

export function RepairFlow({ body, recording, calmLineBpm, sustainMs, nowMs = Date.now }: Props) {
  const data = useDataClient();
  const lifetime = useLifetime();
  const { put } = useJournalData();
  const [stage, setStage] = useState<Stage>({ kind: 'body' });
  const [texts, setTexts] = useState<string[]>(() => REPAIR_STEPS.map(() => ''));
  const [followUp, setFollowUp] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const judge = useRef(createBodyCheck({ calmLineBpm, sustainMs }));
  const [reading, setReading] = useState<BodyCheckReading>({ state: 'no-reading', bpm: null, secondsToGo: null });
  const hrBefore = useRef<number | null>(null);
  const wentOnBeforeCalm = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { text: useId(), followUp: useId(), followUpHint: useId() };

  const bpm = body.connected && body.offSkin !== true ? body.bpm : null;
  useEffect(() => {
    if (bpm !== null && hrBefore.current === null) hrBefore.current = bpm;
    setReading(judge.current.push(nowMs(), bpm));
    // A steady heart sends the same number for a while: time still counts towards settling.
    const tick = setInterval(() => setReading(judge.current.push(nowMs(), bpm)), 1000);
    return () => clearInterval(tick);
  }, [bpm, nowMs]);

  const bodyShowing = stage.kind === 'body';
  useEffect(() => {
    if (recording === undefined) return;
    recording.showing(bodyShowing);
    return () => recording.showing(false);
  }, [recording, bodyShowing]);

  const stageKey = stage.kind === 'step' ? `step-${stage.index}` : stage.kind;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [stageKey]);

  const goOn = () => {
    if (reading.state !== 'settled' && reading.state !== 'no-reading' && reading.state !== 'unknown-baseline') wentOnBeforeCalm.current = true;
    setStage({ kind: 'step', index: 0 });
  };

  const save = async () => {
    setProblem(null);
    const written = REPAIR_STEPS.map((step, i) => ({ stepId: step.id, text: (texts[i] ?? '').trim() }));
    if (written.every((step) => !step.text)) {
      setProblem('Write at least one thing you want to say before saving.');
      return;
    }
    let remindAtMs: number | null = null;
    if (followUp) {
      const [y, m, d] = followUp.split('-').map(Number);
      remindAtMs = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 9, 0, 0).getTime();
      if (!Number.isFinite(remindAtMs) || remindAtMs < nowMs() - 24 * 3600_000) {
        setProblem('Pick a follow-up day from today on, or leave it empty.');
        return;
      }
    }
    setSaving(true);
    const repair: RepairRecord = {
      steps: written,
      hrBeforeBpm: hrBefore.current,
      hrAfterBpm: bpm,
      wentOnBeforeCalm: wentOnBeforeCalm.current,
      agreementId: null,
    };
    const text = written
      .filter((step) => step.text)
      .map((step) => `**${REPAIR_STEPS.find((s) => s.id === step.stepId)?.name}**\n${step.text}`)
      .join('\n\n');
    const storing = (recording?.sessionIds() ?? Promise.resolve([])).then((sessionIds) =>
      saveRepair(data.detached, text, repair, written[4]?.text ?? '', remindAtMs, sessionIds),
    );
    const result = await lifetime.guard(storing);
    setSaving(false);
    if (!result.ok) {
      setProblem(`The repair was not saved: ${result.message}`);
      return;
    }
    const { entry, agreement, agreementProblem } = result.value;
    if (agreementProblem !== null) setProblem(`Your repair was saved, but the agreement was not: ${agreementProblem}`);
    put(entry);
    setStage({ kind: 'saved', entryId: entry.id, agreement });
  };

  if (stage.kind === 'body') {
    return (
      <section className="repair-flow" aria-labelledby="repair-heading">
        <BackToList />
        <h2 id="repair-heading" ref={heading} tabIndex={-1} className="journal-view-title">
          Before you repair: a moment for your body
        </h2>
        <p className="lead">Repair lands better when your body has settled. Breathe out slowly. Let your shoulders drop. Feel your feet on the floor.</p>
        <p>You don’t have to fix anything right now. You only need to be here.</p>
        <BodyStatus reading={reading} connected={body.connected} offSkin={body.offSkin === true} calmLineBpm={calmLineBpm} sustainMs={sustainMs} />
        <div className="button-row">
          {reading.state === 'settled' ? (
            <button type="button" className="button" onClick={goOn}>
              Begin step 1
            </button>
          ) : reading.state === 'above' || reading.state === 'settling' ? (
            <button type="button" className="button button-quiet" onClick={goOn}>
              I’d like to go on now
            </button>
          ) : (
            <button type="button" className="button" onClick={goOn}>
              Go on to step 1
            </button>
          )}
        </div>
        <p className="field-hint">These are rules of thumb for noticing when you are stirred up, not a medical judgement.</p>
      </section>
    );
  }

  if (stage.kind === 'saved') {
    return (
      <section className="repair-flow" aria-labelledby="repair-heading">
        <h2 id="repair-heading" ref={heading} tabIndex={-1} className="journal-view-title">
          Your repair is saved
        </h2>
        <p className="lead">Whatever happens in the conversation, coming back to each other is what builds trust.</p>
        {stage.agreement && (
          <p>
            Your agreement for next time: “{stage.agreement.text}”
            {stage.agreement.remindAtMs !== null ? ` Attune will bring it back on ${formatDate(stage.agreement.remindAtMs)}.` : ''}
          </p>
        )}
        <ProblemAlert problem={problem} />
        <div className="button-row">
          <JournalLink className="button" to={{ view: 'entry', id: stage.entryId }}>
            Open the entry
          </JournalLink>
          <JournalLink className="button button-quiet" to={{ view: 'list' }}>
            Back to the journal
          </JournalLink>
        </div>
      </section>
    );
  }

  const index = stage.index;
  const step = REPAIR_STEPS[index]!;
  const last = index === REPAIR_STEPS.length - 1;
  return (
    <section className="repair-flow" aria-labelledby="repair-heading">
      <p className="repair-progress">
        Step {index + 1} of {REPAIR_STEPS.length}
      </p>
      <h2 id="repair-heading" ref={heading} tabIndex={-1} className="journal-view-title">
        {step.name}
      </h2>
      <p className="lead">{step.explanation}</p>
      <p className="repair-example">
        <span className="repair-example-label">For example:</span> “{step.example}”
      </p>
      <div className="field">
        <label htmlFor={ids.text} className="field-label">
          {step.ask}
        </label>
        <textarea
          key={step.id}
          id={ids.text}
          className="control journal-textarea"
          rows={5}
          maxLength={REPAIR_STEP_TEXT_MAX_CHARS}
          value={texts[index] ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setTexts((current) => current.map((t, i) => (i === index ? value : t)));
          }}
        />
      </div>
      {last && (
        <div className="field">
          <label htmlFor={ids.followUp} className="field-label">
            Come back to this agreement on <span className="field-optional">(optional)</span>
          </label>
          <p id={ids.followUpHint} className="field-hint">
            Attune will remind you that morning, so you can see together how it is going.
          </p>
          <input id={ids.followUp} type="date" className="control" value={followUp} aria-describedby={ids.followUpHint} onChange={(event) => setFollowUp(event.currentTarget.value)} />
        </div>
      )}
      <ProblemAlert problem={problem} />
      <div className="button-row">
        <button type="button" className="button button-quiet" onClick={() => setStage(index === 0 ? { kind: 'body' } : { kind: 'step', index: index - 1 })}>
          Back
        </button>
        {last ? (
          <button type="button" className="button" disabled={saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save the repair'}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setStage({ kind: 'step', index: index + 1 })}>
            Next step
          </button>
        )}
      </div>
    </section>
  );
}

function BodyStatus({
  reading,
  connected,
  offSkin,
  calmLineBpm,
  sustainMs,
}: {
  reading: BodyCheckReading;
  connected: boolean;
  offSkin: boolean;
  calmLineBpm: number | null;
  sustainMs: number;
}) {
  const bpmText = reading.bpm !== null ? `${Math.round(reading.bpm)} bpm` : null;
  let sentence: string;
  let tone: 'calm' | 'elevated' | 'none' = 'none';
  switch (reading.state) {
    case 'no-reading':
      sentence = offSkin
        ? 'The strap says it is not touching your skin. Moisten its electrodes and snug it up; go on whenever you feel ready.'
        : connected
        ? 'Waiting for your heart rate…'
        : 'No strap is connected, so Attune can’t follow your heart rate. Take a few slow breaths, and go on when you feel ready.';
      break;
    case 'unknown-baseline':
      sentence = 'Attune doesn’t know your resting heart rate yet (a regulation check teaches it), so it can’t tell when you have settled. Go on when you feel ready.';
      break;
    case 'above':
      tone = 'elevated';
      sentence = `Your heart is still running a little fast. Step 1 opens once it stays at ${Math.round(calmLineBpm ?? 0)} bpm or less for ${formatDuration(sustainMs / 1000)}, or go on whenever you choose.`;
      break;
    case 'settling':
      tone = 'calm';
      sentence = 'Settling. Stay with your breath a little longer.';
      break;
    case 'settled':
      tone = 'calm';
      sentence = 'Your heart rate has settled. Step 1 is open.';
      break;
  }
  return (
    <div className={`body-status body-status-${tone}`}>
      {bpmText && (
        <p className="body-status-bpm" aria-hidden="true">
          {bpmText}
          {reading.state === 'settling' && reading.secondsToGo !== null && <span className="body-status-togo"> · about {reading.secondsToGo} s to go</span>}
        </p>
      )}
      {/* The sentence changes with the state, not every beat, so it can be announced. */}
      <p role="status" className="body-status-words">
        {sentence}
      </p>
    </div>
  );
}
