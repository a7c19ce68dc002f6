import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { isWornAwayFromChest } from '../../../shared/ble/body-sensor-location.ts';
import { DEMO_SCENARIOS, type DemoScenario } from '../../../shared/sensors/demo-physiology.ts';
import { useDataClient } from '../../app/data-client.ts';
import { clearRouteQuery, useRouteQuery } from '../../app/route-query.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { Screen } from '../../components/screen.tsx';
import { DEMO_SCENARIO_LABELS } from '../../sensors/demo-source.ts';
import { describeStatus, isActive, type ConnectProblem } from '../../sensors/heart-rate-source.ts';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { ConnectionHelp } from './connection-help.tsx';
import { SignalQuality } from './signal-quality.tsx';

// Where the heart data comes from: the active source and how well it is doing, connecting
// and forgetting a strap, the demo sensor, replaying a recording, and help when a strap will
// not connect. Everything here acts on the app-wide source, so the other screens follow.

const REPLAY_SPEEDS = [
  { value: 1, label: 'Real time' },
  { value: 10, label: '10 times faster' },
  { value: 60, label: '60 times faster' },
] as const;

const LOCATION_LABELS: Record<string, string> = {
  chest: 'chest',
  wrist: 'wrist',
  finger: 'finger',
  hand: 'hand',
  'ear-lobe': 'ear lobe',
  foot: 'foot',
};

export function DeviceScreen({ focusOnMount }: ScreenProps) {
  const heart = useHeartRate();
  const { state } = useSettings();
  const remembered = state.status === 'ready' ? state.settings.devices.rememberedStrap : null;
  const { source, status, quality, battery, bpm } = heart;
  const active = isActive(status);
  const problem: ConnectProblem | null = status.phase === 'failed' ? status.problem : null;
  const statusText =
    status.phase === 'failed' && status.problem === 'cancelled' && heart.chooserMessage !== null
      ? heart.chooserMessage
      : describeStatus(status, quality);
  const location = source?.sensorLocation() ?? null;

  // The tray's "Reconnect to <strap>…" lands here and reconnects by itself (page-intents.ts);
  // a window that had to open for it cannot take that, so the button takes the focus and one
  // key press (a click inside the window, which a new scan needs) reconnects.
  const reconnectButton = useRef<HTMLButtonElement>(null);
  const rememberedButton = useRef<HTMLButtonElement>(null);
  const wantsReconnect = useRouteQuery().has('reconnect');
  useEffect(() => {
    if (!wantsReconnect) return;
    (reconnectButton.current ?? rememberedButton.current)?.focus();
    clearRouteQuery();
  }, [wantsReconnect]);
  // A strap that says it is off the skin may keep sending its last heart rate, or 0: neither
  // is the wearer's, so the figure gives way to what to do about it (describeStatus says it).
  const offSkin = status.phase === 'connected' && quality.contact === 'no';

  return (
    <Screen title="Device" focusOnMount={focusOnMount}>
      <section className="device-card" aria-labelledby="device-source">
        <h2 id="device-source">Heart-rate source</h2>
        {source === null ? (
          <p className="device-none">Nothing is connected yet. Connect a strap below, or try the demo sensor.</p>
        ) : (
          <>
            <p className="device-name">
              {source.label}
              {source.kind === 'demo' ? <span className="device-badge">Demo</span> : null}
              {source.kind === 'replay' ? <span className="device-badge">Replay</span> : null}
            </p>
            <p className={`device-status device-status-${status.phase}`} role="status" aria-live="polite" data-testid="device-status">
              {statusText}
            </p>
            <dl className="device-facts">
              <div>
                <dt>Heart rate</dt>
                <dd data-testid="device-bpm">{offSkin ? 'Not on the skin' : bpm === null ? '–' : `${bpm} bpm`}</dd>
              </div>
              {source.kind === 'bluetooth' ? (
                <div>
                  <dt>Battery</dt>
                  <dd>{battery === null ? 'Not reported' : `${battery} %`}</dd>
                </div>
              ) : null}
              {location !== null && location !== 'unknown' && location !== 'other' ? (
                <div>
                  <dt>Worn on the</dt>
                  <dd>{LOCATION_LABELS[location] ?? location}</dd>
                </div>
              ) : null}
            </dl>
            {isWornAwayFromChest(location) ? (
              <p className="section-note" data-testid="location-note">
                {`A sensor worn on the ${LOCATION_LABELS[location] ?? location} usually reads your pulse rather than the heart's own signal, and many such sensors smooth the time between beats before sending it. The heart rate is still useful, but the variability figures behind the calm and breathing readings are less trustworthy than with a chest strap.`}
              </p>
            ) : null}
            <SignalQuality quality={quality} kind={source.kind} />
            <div className="device-actions">
              {status.phase === 'lost' || (status.phase === 'failed' && source.kind === 'bluetooth' && problem !== 'cancelled') ? (
                <button type="button" className="button" onClick={heart.retry} ref={reconnectButton}>
                  Reconnect
                </button>
              ) : null}
              {active ? (
                <button type="button" className="button button-quiet" onClick={heart.stop}>
                  {source.kind === 'bluetooth' ? 'Disconnect' : source.kind === 'demo' ? 'Stop the demo' : 'Stop the replay'}
                </button>
              ) : null}
            </div>
          </>
        )}
      </section>

      <section className="device-card" aria-labelledby="device-strap">
        <h2 id="device-strap">Bluetooth strap</h2>
        <p className="section-note">
          Any strap that uses the standard Bluetooth heart-rate service works. Chest straps are best: they also send the
          time between beats, which the calm and breathing readings need.
        </p>
        <div className="device-actions">
          <button type="button" className="button" onClick={heart.connectStrap}>
            Connect a strap
          </button>
          {remembered !== null ? (
            <>
              <button type="button" className="button button-quiet" onClick={heart.reconnectRemembered} ref={rememberedButton}>
                Reconnect to {remembered.name || 'your strap'}
              </button>
              <ForgetButton name={remembered.name} />
            </>
          ) : null}
        </div>
      </section>

      <section className="device-card" aria-labelledby="device-demo">
        <h2 id="device-demo">Try it without a strap</h2>
        <DemoControls onStart={heart.startDemo} />
        <ReplayControls onStart={heart.startReplay} />
      </section>

      <ConnectionHelp problem={problem} noRr={quality.rrSupport === 'none' && source?.kind === 'bluetooth'} />
    </Screen>
  );
}

function ForgetButton({ name }: { name: string }) {
  const heart = useHeartRate();
  const data = useDataClient();
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={() => {
        if (heart.source?.kind === 'bluetooth') heart.stop();
        void data.call('bluetooth.forget');
      }}
    >
      Forget {name || 'this strap'}
    </button>
  );
}

function DemoControls({ onStart }: { onStart: (scenario: DemoScenario, options: { heartRateOnly: boolean }) => void }) {
  const [scenario, setScenario] = useState<DemoScenario>('calm');
  const [heartRateOnly, setHeartRateOnly] = useState(false);
  return (
    <div className="device-row">
      <div className="field">
        <label className="field-label" htmlFor="demo-scenario">
          Demo sensor
        </label>
        <p className="field-hint" id="demo-scenario-hint">
          A simulated heart that answers the breathing pacer. Everything it shows is made up and marked as a demo.
        </p>
        <select
          id="demo-scenario"
          className="control"
          aria-describedby="demo-scenario-hint"
          value={scenario}
          onChange={(event) => setScenario(event.target.value as DemoScenario)}
        >
          {DEMO_SCENARIOS.map((value) => (
            <option key={value} value={value}>
              {DEMO_SCENARIO_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-toggle">
        <input id="demo-heart-rate-only" type="checkbox" className="checkbox" checked={heartRateOnly} onChange={(event) => setHeartRateOnly(event.target.checked)} />
        <label className="field-label" htmlFor="demo-heart-rate-only">
          Like a watch: heart rate only
        </label>
      </div>
      <button type="button" className="button button-quiet" onClick={() => onStart(scenario, { heartRateOnly })}>
        Start the demo
      </button>
    </div>
  );
}

function ReplayControls({ onStart }: { onStart: (text: string, name: string, speed: number) => { ok: true } | { ok: false; message: string } }) {
  const [speed, setSpeed] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const result = onStart(await file.text(), file.name, speed);
    setProblem(result.ok ? null : result.message);
    event.target.value = '';
  };
  return (
    <div className="device-row">
      <div className="field">
        <label className="field-label" htmlFor="replay-file">
          Play a recording
        </label>
        <p className="field-hint" id="replay-file-hint">
          Plain RR, Kubios, Polar HRM or CSV files from other apps play here as if a strap sent them.
        </p>
        <input
          id="replay-file"
          type="file"
          className="control"
          aria-describedby="replay-file-hint"
          accept=".txt,.csv,.hrm,.rr"
          onChange={(event) => void onFile(event)}
        />
        {problem !== null ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label className="field-label" htmlFor="replay-speed">
          Speed
        </label>
        <select id="replay-speed" className="control control-short" value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
          {REPLAY_SPEEDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
