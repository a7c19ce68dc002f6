import { useCallback, useId, useState, type FormEvent } from 'react';
import { breathingElapsedMs, READING_SEC, returnTimeBounds, SIGNAL_CHECK_CLEAN_SEC, type FlowState, type Step } from '../../../shared/check/check-flow.ts';
import {
  DEBRIEF_SCALE,
  GROUNDING_CUES,
  INTENTION_REMINDER,
  INTENTION_STEPS,
  NOT_A_MEDICAL_DEVICE,
  SELF_SOOTHING_IDEAS,
  STATE_WORDS,
} from '../../../shared/content/check-copy.ts';
import { useApi } from '../../app/attune.ts';
import { navigate } from '../../app/hash-route.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import { Pacer } from '../breathe/pacer.tsx';
import { PatternPicker } from '../breathe/pattern-picker.tsx';
import { useCheck, useTicker } from './check-context.tsx';
import { LiveView } from './live-view.tsx';
import { Bpm, formatDuration, StateBadge, StepHeading, useReducedMotion } from './step-parts.tsx';

// One screen per step of the check (shared/check/check-flow.ts decides which). Each says what
// is happening in plain words, offers one clear next step, and a quiet way out.

type StepOf<N extends Step['name']> = Extract<Step, { name: N }>;

export function CheckStepView({ flow }: { flow: FlowState }) {
  const { step } = flow;
  switch (step.name) {
    case 'idle':
      return null;
    case 'signal-check':
      return <SignalCheckStep flow={flow} step={step} />;
    case 'reading':
      return <ReadingStep flow={flow} step={step} />;
    case 'result':
      return <ResultStep step={step} />;
    case 'calibrated':
      return <CalibratedStep step={step} />;
    case 'grounding':
      return <GroundingStep step={step} />;
    case 'breathing':
      return <BreathingStep flow={flow} step={step} />;
    case 'verdict':
      return <VerdictStep step={step} />;
    case 'break':
      return <BreakStep flow={flow} step={step} />;
    case 'intention':
      return <IntentionStep />;
    case 'conversation':
      return <ConversationStep flow={flow} step={step} />;
    case 'debrief':
      return <DebriefStep />;
    case 'signal-lost':
      return <SignalLostStep flow={flow} />;
    case 'finished':
      return <FinishedStep step={step} />;
  }
}

function CancelButton({ label = 'Stop the check' }: { label?: string }) {
  const { send } = useCheck();
  return (
    <button type="button" className="button button-quiet" onClick={() => send({ type: 'cancel' })}>
      {label}
    </button>
  );
}

const PROBLEM_WORDS = {
  'no-beats':
    'No heartbeats are coming in. Check that the strap sits snugly below your chest, that its electrodes are a little moist, and that it shows as connected in Device.',
  'no-rr':
    'Your sensor sends your heart rate but not the time between beats, which this check needs. A chest strap sends both.',
  noisy: 'The signal is jumpy, which usually means the strap is loose or dry. Moisten the electrodes and tighten it a little.',
} as const;

function SignalCheckStep({ flow, step }: { flow: FlowState; step: StepOf<'signal-check'> }) {
  const clean = Math.min(SIGNAL_CHECK_CLEAN_SEC, Math.floor(flow.last?.cleanRunSec ?? 0));
  return (
    <div className="check-step">
      <StepHeading>Checking the signal</StepHeading>
      <p className="lead">Sit comfortably and breathe as you usually do. Attune needs about {SIGNAL_CHECK_CLEAN_SEC} seconds of steady heartbeats.</p>
      <label className="check-progress">
        <span>Steady beats so far</span>
        <progress max={SIGNAL_CHECK_CLEAN_SEC} value={clean} />
      </label>
      <p className="check-problem" role="status" data-testid="signal-problem">
        {step.problem === null ? '' : PROBLEM_WORDS[step.problem]}
      </p>
      {step.problem === 'no-beats' ? (
        <p>
          <button type="button" className="button button-quiet" onClick={() => navigate('device')}>
            Open Device
          </button>
        </p>
      ) : null}
      <div className="check-actions">
        <CancelButton />
      </div>
    </div>
  );
}

function ReadingStep({ flow, step }: { flow: FlowState; step: StepOf<'reading'> }) {
  const { nowMs } = useCheck();
  useTicker(true);
  const left = Math.max(0, READING_SEC - Math.floor((nowMs() - step.sinceMs) / 1000));
  return (
    <div className="check-step">
      <StepHeading>Listening to your heart</StepHeading>
      <p className="lead">Stay still and breathe normally. This takes one minute; there is nothing you need to do.</p>
      <label className="check-progress">
        <span>{left} seconds left</span>
        <progress max={READING_SEC} value={READING_SEC - left} />
      </label>
      <p className="check-aside">
        Heart rate now: <Bpm value={flow.last?.receiving ? flow.last.liveHrBpm : null} />
      </p>
      <div className="check-actions">
        <CancelButton />
      </div>
    </div>
  );
}

function ResultStep({ step }: { step: StepOf<'result'> }) {
  const { send } = useCheck();
  const { reading } = step;
  const state = reading.state ?? 'elevated';
  return (
    <div className="check-step">
      <StepHeading>What your body is saying</StepHeading>
      <div className={`state-card state-card-${state}`}>
        <StateBadge state={state} />
        <p>{STATE_WORDS[state].text}</p>
        <p className="state-figures" data-testid="reading-figures">
          Your heart rate: <Bpm value={reading.meanHrBpm} /> · your resting rate: <Bpm value={reading.baselineHrBpm} />
        </p>
      </div>
      <details className="explainer">
        <summary>How is this decided?</summary>
        <p>
          Calm means your heart rate stayed within a few beats of your resting rate for half a minute. Flooded means it stayed
          at 100 or more, and at least a tenth above your resting rate, for half a minute. These are rules of thumb from
          couples research, not a diagnosis. You can change them in Settings.
        </p>
      </details>
      <div className="check-actions">
        {state === 'calm' ? (
          <>
            <button type="button" className="button" onClick={() => send({ type: 'skip-to-verdict' })}>
              See if I am ready
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'continue' })}>
              Breathe for a while anyway
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
              Let&apos;s settle first
            </button>
            {state === 'flooded' ? (
              <button type="button" className="button button-quiet" onClick={() => send({ type: 'take-break' })}>
                Take a break now
              </button>
            ) : null}
          </>
        )}
        <CancelButton />
      </div>
    </div>
  );
}

function CalibratedStep({ step }: { step: StepOf<'calibrated'> }) {
  const { reset } = useCheck();
  return (
    <div className="check-step">
      <StepHeading>Your resting heart rate</StepHeading>
      <p className="lead" data-testid="calibrated-hr">
        Right now your heart rests at about <Bpm value={step.reading.meanHrBpm} />.
      </p>
      <p>
        Attune compares every check with this. A couple more resting readings on calm days will make it steadier; you can
        take one from the Check screen whenever you feel settled.
      </p>
      <div className="check-actions">
        <button type="button" className="button" onClick={reset}>
          Continue
        </button>
      </div>
    </div>
  );
}

function GroundingStep({ step }: { step: StepOf<'grounding'> }) {
  const { send } = useCheck();
  const cue = GROUNDING_CUES[step.cue]!;
  const last = step.cue === GROUNDING_CUES.length - 1;
  return (
    <div className="check-step">
      <StepHeading>Body first</StepHeading>
      <p className="check-step-count">
        Step {step.cue + 1} of {GROUNDING_CUES.length}
      </p>
      <div className="grounding-cue" data-testid="grounding-cue">
        <h3>{cue.title}</h3>
        <p className="lead">{cue.text}</p>
      </div>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
          {last ? 'Start breathing' : 'Next'}
        </button>
        <CancelButton />
      </div>
    </div>
  );
}

function BreathingStep({ flow, step }: { flow: FlowState; step: StepOf<'breathing'> }) {
  const { send, nowMs, pattern, setPattern, series } = useCheck();
  const { state: settingsState, update } = useSettings();
  const reducedMotion = useReducedMotion();
  useTicker(true);
  const soundCues = settingsState.status === 'ready' && settingsState.settings.breathing.soundCues;
  const paused = step.pausedAtMs !== null;
  const elapsed = useCallback(() => breathingElapsedMs(step, nowMs()), [step, nowMs]);
  return (
    <div className="check-step check-step-breathing">
      <StepHeading>Breathe with the guide</StepHeading>
      <p className="lead">In as the shape grows, out as it settles. Let the out-breath be slow and easy.</p>
      <div className="breathing-layout">
        <div className="breathing-pacer">
          <Pacer pattern={pattern} elapsedMs={elapsed} paused={paused} reducedMotion={reducedMotion} soundCues={soundCues} />
          <div className="check-actions">
            <button type="button" className="button button-quiet" onClick={() => send({ type: paused ? 'resume' : 'pause' })}>
              {paused ? 'Resume' : 'Pause'}
            </button>
          </div>
          <PatternPicker pattern={pattern} onChange={setPattern} />
          <label className="check-toggle">
            <input type="checkbox" checked={soundCues} onChange={(event) => void update({ breathing: { soundCues: event.target.checked } })} />
            Soft sound cues
          </label>
        </div>
        <LiveView sample={flow.last} series={series} baselineHrBpm={flow.baselineHrBpm} sessionSec={(nowMs() - (flow.startedAtMs ?? nowMs())) / 1000} />
      </div>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'finish-breathing' })}>
          How am I doing?
        </button>
        <CancelButton />
      </div>
    </div>
  );
}

function VerdictStep({ step }: { step: StepOf<'verdict'> }) {
  const { send, nowMs } = useCheck();
  const { verdict } = step;
  const [returnAt, setReturnAt] = useState<number | null>(null);
  switch (verdict.kind) {
    case 'ready':
      return (
        <div className="check-step">
          <StepHeading>You seem ready</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <div className="check-actions">
            <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
              Continue
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'breathe-more' })}>
              Breathe a little longer
            </button>
            <CancelButton label="End here" />
          </div>
        </div>
      );
    case 'breathe-more':
      return (
        <div className="check-step">
          <StepHeading>A little more breathing</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <div className="check-actions">
            <button type="button" className="button" onClick={() => send({ type: 'breathe-more' })}>
              Keep breathing
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'take-break' })}>
              Take a break instead
            </button>
            <CancelButton />
          </div>
        </div>
      );
    case 'take-a-break':
      return (
        <div className="check-step">
          <StepHeading>Time for a break</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <p>You might tell your partner: &quot;I want to hear you. I need a little time first; can we pick this up later?&quot;</p>
          <ReturnTimeField startMs={nowMs()} value={returnAt} onChange={setReturnAt} />
          <div className="check-actions">
            <button
              type="button"
              className="button"
              onClick={() => send({ type: 'take-break', ...(returnAt === null ? {} : { returnAtMs: returnAt }) })}
            >
              Start the break
            </button>
            <CancelButton />
          </div>
        </div>
      );
    case 'signal-too-noisy':
      return (
        <div className="check-step">
          <StepHeading>The signal was too noisy</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <div className="check-actions">
            <button type="button" className="button" onClick={() => send({ type: 'retry' })}>
              Try again
            </button>
            <CancelButton />
          </div>
        </div>
      );
  }
}

/** "Come back at" as a time of day; the next such time after the break's minimum, within 24 hours. */
function ReturnTimeField({ startMs, value, onChange }: { startMs: number; value: number | null; onChange: (ms: number) => void }) {
  const id = useId();
  const { earliestMs, latestMs } = returnTimeBounds(startMs);
  const shown = value ?? earliestMs;
  return (
    <div className="return-time">
      <label htmlFor={id}>Come back at</label>
      <input
        id={id}
        type="time"
        value={timeOfDay(shown)}
        onChange={(event) => {
          const next = nextTimeOfDay(event.target.value, earliestMs, latestMs);
          if (next !== null) onChange(next);
        }}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        At least 20 minutes from the start of the break, and within a day. Attune will let you know when it is time.
      </p>
    </div>
  );
}

function timeOfDay(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function nextTimeOfDay(value: string, earliestMs: number, latestMs: number): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const candidate = new Date(earliestMs);
  candidate.setHours(Number(match[1]), Number(match[2]), 0, 0);
  let ms = candidate.getTime();
  while (ms < earliestMs) ms += 24 * 3600_000;
  return Math.min(ms, latestMs);
}

function BreakStep({ flow, step }: { flow: FlowState; step: StepOf<'break'> }) {
  const { send, nowMs, series } = useCheck();
  useTicker(true);
  const now = nowMs();
  const { earliestMs } = returnTimeBounds(step.sinceMs);
  const minLeftSec = Math.max(0, (earliestMs - now) / 1000);
  const sample = flow.last;
  return (
    <div className="check-step">
      <StepHeading>Your break</StepHeading>
      <p className="lead">
        Give your body at least 20 minutes. Do something kind for yourself, away from the argument. Attune will let you know
        when it is time to come back.
      </p>
      <p data-testid="break-time">
        {minLeftSec > 0 ? `At least ${formatDuration(minLeftSec)} more.` : 'Twenty minutes have passed. Check whether you are ready when you like.'}{' '}
        Back at {timeOfDay(step.returnAtMs)}.
      </p>
      <ReturnTimeField startMs={step.sinceMs} value={step.returnAtMs} onChange={(ms) => send({ type: 'set-return', returnAtMs: ms })} />
      <h3>Ideas for the break</h3>
      <ul className="soothing-ideas">
        {SELF_SOOTHING_IDEAS.map((idea) => (
          <li key={idea}>{idea}</li>
        ))}
      </ul>
      <section className="break-recovery" aria-labelledby="break-recovery-title">
        <h3 id="break-recovery-title">Settling back</h3>
        {sample?.receiving ? (
          <p data-testid="break-recovery">
            Heart rate now <Bpm value={sample.liveHrBpm} />, resting <Bpm value={flow.baselineHrBpm} />.{' '}
            {sample.state ? <StateBadge state={sample.state} /> : null}
          </p>
        ) : (
          <p data-testid="break-recovery">Wear your strap to see your heart rate settle back toward your resting rate.</p>
        )}
        <LiveView sample={sample} series={series} baselineHrBpm={flow.baselineHrBpm} sessionSec={(now - (flow.startedAtMs ?? now)) / 1000} />
      </section>
      <p className="check-problem" role="status" data-testid="return-check">
        {step.returnCheck === 'too-soon'
          ? 'Not yet: give it the full 20 minutes. Your body needs that long to settle, even when it feels sooner.'
          : step.returnCheck === 'not-calm-yet'
            ? 'Your heart rate is still above your resting level. Stay with your break a little longer.'
            : step.returnCheck === 'no-reading'
              ? 'Attune needs your strap on for half a minute to see whether you are calm.'
              : ''}
      </p>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'check-return' })}>
          Ready to return?
        </button>
        <CancelButton label="End the break" />
      </div>
    </div>
  );
}

function IntentionStep() {
  const { send } = useCheck();
  return (
    <div className="check-step">
      <StepHeading>Carry this in with you</StepHeading>
      <ol className="intention-card" data-testid="intention-card">
        {INTENTION_STEPS.map((item) => (
          <li key={item.name}>
            <strong>{item.name}</strong>
            <span>{item.prompt}</span>
            <em>{item.example}</em>
          </li>
        ))}
      </ol>
      <p className="intention-reminder">{INTENTION_REMINDER}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'start-conversation' })}>
          Start conversation
        </button>
        <CancelButton label="End here" />
      </div>
    </div>
  );
}

function ConversationStep({ flow, step }: { flow: FlowState; step: StepOf<'conversation'> }) {
  const { send, nowMs } = useCheck();
  useTicker(true, 5000);
  const sample = flow.last;
  return (
    <div className="check-step">
      <StepHeading>In conversation</StepHeading>
      <p className="lead">
        Attune keeps listening quietly. If your heart rate stays high for a while, you will get a gentle nudge to ask for a
        pause. You can minimise this window.
      </p>
      <p>Time together: {formatDuration((nowMs() - step.sinceMs) / 1000)}</p>
      {sample?.state ? (
        <p>
          Right now: <StateBadge state={sample.state} />
        </p>
      ) : null}
      <p role="status" data-testid="flood-cue">
        {step.cues > 0 && sample?.state === 'flooded'
          ? 'Your heart rate has been high for a while. It is okay to say you need a short break.'
          : ''}
      </p>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'end-conversation' })}>
          The conversation is over
        </button>
      </div>
    </div>
  );
}

function DebriefStep() {
  const api = useApi();
  const { send, sessionId } = useCheck();
  const id = useId();
  const [scale, setScale] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const chosen = scale === null ? null : DEBRIEF_SCALE[scale]!;
    const result = await api.invoke('journal.create', {
      title: chosen ? `After the conversation: ${chosen.label.toLowerCase()}` : 'After the conversation',
      text,
      kind: 'debrief',
      pleasantness: chosen?.pleasantness ?? null,
      ...(sessionId === null ? {} : { sessionIds: [sessionId] }),
    });
    setSaving(false);
    if (result.ok) send({ type: 'debrief-done' });
    else setProblem(result.error.message);
  };

  return (
    <form className="check-step" onSubmit={(event) => void save(event)}>
      <StepHeading>How did it go?</StepHeading>
      <fieldset className="debrief-scale">
        <legend>Overall, the conversation went…</legend>
        {DEBRIEF_SCALE.map((option, index) => (
          <label key={option.label}>
            <input type="radio" name={`${id}-scale`} checked={scale === index} onChange={() => setScale(index)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-text`}>Anything you want to remember? (optional)</label>
      <textarea id={`${id}-text`} rows={4} value={text} onChange={(event) => setText(event.target.value)} maxLength={5000} />
      <p className="check-problem" role="status">
        {problem ?? ''}
      </p>
      <div className="check-actions">
        <button type="submit" className="button" disabled={saving}>
          Save to my journal
        </button>
        <button type="button" className="button button-quiet" onClick={() => send({ type: 'debrief-done' })}>
          Skip
        </button>
      </div>
    </form>
  );
}

function SignalLostStep({ flow }: { flow: FlowState }) {
  const { send } = useCheck();
  const heart = useHeartRate();
  const back = flow.last?.receiving === true;
  return (
    <div className="check-step">
      <StepHeading>The signal dropped</StepHeading>
      <p className="lead">
        Your strap stopped sending heartbeats. Everything recorded so far is kept. Check that it is snug and connected, then
        carry on where you were.
      </p>
      <p role="status" data-testid="signal-back">
        {back ? 'Heartbeats are coming in again.' : 'Waiting for heartbeats…'}
      </p>
      <div className="check-actions">
        <button type="button" className="button" disabled={!back} onClick={() => send({ type: 'resume-after-loss' })}>
          Resume
        </button>
        {heart.status.phase === 'lost' || heart.status.phase === 'failed' ? (
          <button type="button" className="button button-quiet" onClick={heart.retry}>
            Reconnect
          </button>
        ) : null}
        <CancelButton />
      </div>
    </div>
  );
}

function FinishedStep({ step }: { step: StepOf<'finished'> }) {
  const { reset } = useCheck();
  return (
    <div className="check-step">
      <StepHeading>{step.outcome === 'completed' ? 'Thank you' : 'The check has ended'}</StepHeading>
      <p className="lead">
        {step.outcome === 'completed'
          ? 'Your check and your notes are saved on this computer. Be gentle with yourself for the rest of the day.'
          : 'What was recorded is saved on this computer. You can start again whenever you like.'}
      </p>
      <p className="check-aside">{NOT_A_MEDICAL_DEVICE}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={reset}>
          Back to the start
        </button>
      </div>
    </div>
  );
}
