import { useEffect, useRef, useState } from 'react';
import { NOT_A_MEDICAL_DEVICE } from '../../../shared/content/check-copy.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import { DEMO_SCENARIOS, type DemoScenario } from '../../../shared/sensors/demo-physiology.ts';
import { baselineHrForRules, type Baseline } from '../../../shared/signal/baseline.ts';
import { BREAK_MIN_MINUTES } from '../../../shared/check/break-bounds.ts';
import { FIRST_RUN_WORDS } from '../../../shared/content/check-steps-copy.ts';
import { useDataClient } from '../../app/data-client.ts';
import { navigate } from '../../app/hash-route.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { Screen } from '../../components/screen.tsx';
import { DEMO_SCENARIO_LABELS } from '../../sensors/demo-source.ts';
import { describeStatus } from '../../sensors/heart-rate-source.ts';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { useCheck } from './check-context.tsx';
import { useCheckPage } from './check-page.ts';
import { CheckStepView } from './check-steps.tsx';
import { WhyHardPage } from './why-hard-page.tsx';
import { useRestingBaseline } from './resting-baseline.ts';
import { TrayIntentCard, trayIntentOf } from './tray-intents.tsx';
import { preferredPattern } from './preferred-pattern.ts';
import { clearRouteQuery, useRouteQuery } from '../../app/route-query.ts';
import { Bpm, StepFocusContext, StepHeading } from './step-parts.tsx';

// The Check area: on first run a welcome, a choice of source and a resting reading; after
// that, one click starts a check, and the running check's current step fills the screen.

export function CheckScreen({ focusOnMount }: ScreenProps) {
  const check = useCheck();
  const baseline = useRestingBaseline();
  const { flow } = check;
  // The tray's "Take a break" during a conversation is that conversation's break.
  const trayIntent = trayIntentOf(useRouteQuery());
  const inConversation = flow?.step.name === 'conversation';
  const { send } = check;
  useEffect(() => {
    if (trayIntent !== 'break' || !inConversation) return;
    send({ type: 'need-break' });
    clearRouteQuery();
  }, [trayIntent, inConversation, send]);
  const { state: settingsState } = useSettings();
  const settings = settingsState.status === 'ready' ? settingsState.settings : null;
  const heart = useHeartRate();
  // Ctrl+Shift+S (`?start`): the check starts at once when it can; otherwise this screen says
  // what it needs first (a resting reading, a source), and a running check is left as it is.
  const wantsStart = useRouteQuery().has('start');
  const baselineReady = baseline.status === 'ready' ? baseline.baseline : null;
  useEffect(() => {
    if (!wantsStart || baselineReady === null) return;
    clearRouteQuery();
    startFromCard(check, baselineReady, settings, heart.status.phase === 'connected');
  }, [wantsStart, baselineReady, check, settings, heart.status.phase]);
  // A resting-reading reminder (`?resting`): the reading starts at once when a source is
  // connected; otherwise the start screen shows it, with its source picker, a click away.
  const wantsResting = useRouteQuery().has('resting');
  useEffect(() => {
    if (!wantsResting || baselineReady === null) return;
    clearRouteQuery();
    const atRest = check.flow === null || check.flow.step.name === 'idle';
    if (atRest && heart.status.phase === 'connected') check.begin('calibration', null, preferredPattern(settings));
  }, [wantsResting, baselineReady, check, settings, heart.status.phase]);
  // Child effects run first: the step shown when the screen mounts keeps focus where it was
  // (unless the user moved here); every step after that takes it.
  const stepFocus = useRef(focusOnMount);
  const loading = baseline.status === 'loading' && (flow === null || flow.step.name === 'idle');
  const page = useCheckPage();
  useEffect(() => {
    if (!loading) stepFocus.current = true;
  }, [loading]);
  return (
    <Screen title="Check" focusOnMount={focusOnMount}>
      <StepFocusContext value={stepFocus}>
      {check.recordingProblem !== null ? (
        <p className="check-problem" role="status">
          Attune could not save part of this check: {check.recordingProblem}
        </p>
      ) : null}
      {page === 'why-this-can-be-hard' ? (
        <WhyHardPage />
      ) : flow !== null && flow.step.name !== 'idle' ? (
        <CheckStepView flow={flow} />
      ) : baseline.status === 'loading' ? (
        <p>One moment…</p>
      ) : baseline.status === 'failed' ? (
        <p className="check-problem">Your past readings could not be read: {baseline.message}</p>
      ) : trayIntent !== null ? (
        // Sent here by the tray or a reminder: that card alone, before setup as after it.
        <TrayIntentCard onStartCheck={() => startFromCard(check, baseline.baseline, settings, heart.status.phase === 'connected')} />
      ) : baseline.baseline.status === 'calibrating' && baseline.baseline.readingsSoFar === 0 ? (
        <FirstRun />
      ) : (
        <CheckStart baseline={baseline.baseline} />
      )}
      </StepFocusContext>
    </Screen>
  );
}

/**
 * A card's "Start a check" (and the start shortcut): the check itself once a resting rate exists and a source is
 * connected; otherwise the screen under the card, which is where to get them (first run, or
 * the start screen's source picker). The card closes either way.
 */
function startFromCard(check: ReturnType<typeof useCheck>, baseline: Baseline, settings: Settings | null, connected: boolean): void {
  clearRouteQuery();
  // Without a resting rate or a source, the screen the card leaves open is where to get them.
  if (!connected || (baseline.status === 'calibrating' && baseline.readingsSoFar === 0)) return;
  if (check.flow === null || check.flow.step.name === 'idle') check.begin('check', baselineHrForRules(baseline), preferredPattern(settings));
}

function SourcePicker() {
  const heart = useHeartRate();
  const [scenario, setScenario] = useState<DemoScenario>('calm');
  const connected = heart.status.phase === 'connected';
  return (
    <section className="source-picker" aria-labelledby="source-picker-title">
      <h3 id="source-picker-title">Your heart-rate source</h3>
      <p role="status" data-testid="source-status">
        {heart.source === null ? 'Nothing is connected yet.' : `${heart.source.label}: ${describeStatus(heart.status, heart.quality)}`}
      </p>
      {connected ? null : (
        <div className="source-options">
          <button type="button" className="button" onClick={heart.connectStrap}>
            Connect a strap
          </button>
          <div className="demo-choice">
            <label htmlFor="check-demo-scenario">Demo heart</label>
            <select id="check-demo-scenario" value={scenario} onChange={(event) => setScenario(event.target.value as DemoScenario)}>
              {DEMO_SCENARIOS.map((id) => (
                <option key={id} value={id}>
                  {DEMO_SCENARIO_LABELS[id]}
                </option>
              ))}
            </select>
            <button type="button" className="button button-quiet" onClick={() => heart.startDemo(scenario)}>
              Use the demo sensor
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function FirstRun() {
  const [page, setPage] = useState<'welcome' | 'source'>('welcome');
  const heart = useHeartRate();
  const check = useCheck();
  const data = useDataClient();
  const { state } = useSettings();
  const settings = state.status === 'ready' ? state.settings : null;
  // Each page keyed, so the second one is a new step whose heading takes the focus.
  if (page === 'welcome') {
    return (
      <div className="check-step" key="welcome">
        <StepHeading>Welcome to Attune</StepHeading>
        <p className="lead">
          Attune helps you notice what your body is doing before and during a hard conversation, and helps it settle, so
          you can stay present with your partner.
        </p>
        <ul className="welcome-points">
          <li>It reads your heartbeat from a chest strap (or a demo heart, if you want to look around first).</li>
          <li>Everything it records stays on this computer. There is no account and nothing is sent anywhere.</li>
          <li>{NOT_A_MEDICAL_DEVICE}</li>
        </ul>
        <div className="check-actions">
          <button type="button" className="button" onClick={() => setPage('source')}>
            Continue
          </button>
        </div>
        <section className="help-first" aria-labelledby="help-first-title">
          <h3 id="help-first-title">{FIRST_RUN_WORDS.helpFirstTitle}</h3>
          <p>{FIRST_RUN_WORDS.helpFirst}</p>
          <div className="check-actions">
            <button type="button" className="button button-quiet" onClick={() => navigate('breathe')}>
              {FIRST_RUN_WORDS.breatheNow}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                void data.call('reminders.startBreak', { minutes: BREAK_MIN_MINUTES }).then(() => {
                  window.location.hash = `#/check?break=${BREAK_MIN_MINUTES}`;
                });
              }}
            >
              {FIRST_RUN_WORDS.breakNow}
            </button>
          </div>
        </section>
      </div>
    );
  }
  return (
    <div className="check-step" key="source">
      <StepHeading>Your resting heart rate</StepHeading>
      <p className="lead">
        First, Attune needs to know your heart at rest. Choose a source, sit somewhere quiet, and let it listen for a little
        over a minute.
      </p>
      <SourcePicker />
      <div className="check-actions">
        <button
          type="button"
          className="button"
          disabled={heart.status.phase !== 'connected'}
          onClick={() => check.begin('calibration', null, preferredPattern(settings))}
        >
          Take my resting reading
        </button>
      </div>
    </div>
  );
}

function CheckStart({ baseline }: { baseline: Baseline }) {
  const heart = useHeartRate();
  const check = useCheck();
  const { state } = useSettings();
  const settings = state.status === 'ready' ? state.settings : null;
  const restingHr = baselineHrForRules(baseline);
  const connected = heart.status.phase === 'connected';
  return (
    <div className="check-step">
      <StepHeading>Before a hard conversation</StepHeading>
      <p className="lead">
        A check listens to your heart for a minute, tells you how your body is doing compared with your resting rate, and
        helps you settle if you need to. It takes about five minutes.
      </p>
      <p data-testid="baseline-line">
        Your resting heart rate: <Bpm value={restingHr} />
        {baseline.status === 'calibrating'
          ? ` (from ${baseline.readingsSoFar} resting reading${baseline.readingsSoFar === 1 ? '' : 's'}; ${baseline.readingsNeeded} more on calm days will make it steadier)`
          : ` (from your last ${baseline.readingsUsed} resting readings)`}
      </p>
      <SourcePicker />
      <div className="check-actions">
        <button type="button" className="button" disabled={!connected} onClick={() => check.begin('check', restingHr, preferredPattern(settings))}>
          Start the check
        </button>
        <button type="button" className="button button-quiet" disabled={!connected} onClick={() => check.begin('calibration', null, preferredPattern(settings))}>
          Take a resting reading
        </button>
      </div>
    </div>
  );
}
