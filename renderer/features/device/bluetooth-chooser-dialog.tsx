import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChooserEvent, PairingEvent } from '../../../shared/ipc/channels/bluetooth.ts';
import { useApi } from '../../app/attune.ts';
import { useDataClient } from '../../app/data-client.ts';
import { useOptionalHeartRate } from '../../sensors/heart-rate-context.tsx';

// The in-app Bluetooth chooser: main streams the nearby straps while Web Bluetooth scans, the
// user picks one (or cancels), and pairing prompts from Windows or Linux show here too. A
// native modal <dialog>: it keeps focus inside, Escape cancels, and focus goes back to the
// button that opened it. Mounted once for the whole app, because any screen may connect.
//
// It never claims to search when nothing does: it closes as soon as main says the request is
// over (for whatever reason, including the page's own request ending without a pick), and
// once Chromium's scan has stopped it says so and offers to search again.

type OpenChooser = Extract<ChooserEvent, { state: 'open' }>;
type OpenPairing = Extract<PairingEvent, { state: 'open' }>;

export function BluetoothChooserDialog() {
  const api = useApi();
  const data = useDataClient();
  const heart = useOptionalHeartRate();
  const [chooser, setChooser] = useState<OpenChooser | null>(null);
  const [pairing, setPairing] = useState<OpenPairing | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const offChooser = api.on('bluetooth.chooser', (event) => {
      if (event.state === 'open') setChooser(event);
      // Any reason closes it: picked, cancelled, superseded, or the request ended without us.
      else setChooser((current) => (current?.requestId === event.requestId ? null : current));
    });
    const offPairing = api.on('bluetooth.pairing', (event) => {
      if (event.state === 'open') setPairing(event);
      else setPairing((current) => (current?.pairingId === event.pairingId ? null : current));
    });
    return () => {
      offChooser();
      offPairing();
    };
  }, [api]);

  const visible = chooser !== null || pairing !== null;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (visible && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!visible && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnFocus.current?.focus();
      returnFocus.current = null;
    }
  }, [visible]);

  const cancelChooser = () => {
    if (chooser === null) return;
    void data.call('bluetooth.cancel', { requestId: chooser.requestId });
    setChooser(null);
  };
  // The same start as the Connect button; main closes this request ('superseded') before the
  // new one scans, so there is never a second request beside it.
  const searchAgain =
    heart === null
      ? null
      : () => {
          setChooser(null);
          heart.connectStrap();
        };
  const answerPairing = (confirmed: boolean, pin?: string) => {
    if (pairing === null) return;
    void data.call('bluetooth.answerPairing', { pairingId: pairing.pairingId, confirmed, ...(pin ? { pin } : {}) });
    setPairing(null);
  };

  return (
    <dialog
      ref={dialogRef}
      className="chooser"
      aria-labelledby="chooser-title"
      onCancel={(event) => {
        // Escape: answer main instead of letting the dialog close on its own.
        event.preventDefault();
        if (pairing !== null) answerPairing(false);
        else cancelChooser();
      }}
    >
      {pairing !== null ? (
        <PairingPrompt pairing={pairing} onAnswer={answerPairing} />
      ) : chooser !== null ? (
        <DeviceList
          chooser={chooser}
          onPick={(deviceId) => {
            void data.call('bluetooth.choose', { requestId: chooser.requestId, deviceId });
            setChooser(null);
          }}
          onCancel={cancelChooser}
          onSearchAgain={searchAgain}
        />
      ) : null}
    </dialog>
  );
}

type DeviceListProps = {
  chooser: OpenChooser;
  onPick: (id: string) => void;
  onCancel: () => void;
  /** Null where there is no way to start a request (no heart-rate provider). */
  onSearchAgain: (() => void) | null;
};

function DeviceList({ chooser, onPick, onCancel, onSearchAgain }: DeviceListProps) {
  const reconnecting = chooser.mode === 'reconnect';
  const stopped = !chooser.searching && !reconnecting;
  return (
    <>
      <h2 id="chooser-title">{reconnecting ? `Looking for ${chooser.lookingFor ?? 'your strap'}` : 'Choose your strap'}</h2>
      <p className="chooser-hint">
        {reconnecting
          ? 'Attune connects as soon as it appears. Make sure it is on and close by.'
          : stopped
            ? 'Attune looks for straps for about a minute at a time.'
            : 'Put your strap on (moisten the contacts) so it wakes up. Straps nearby appear below.'}
      </p>
      {chooser.devices.length > 0 && !reconnecting ? (
        <ul className="chooser-list" aria-label="Straps nearby">
          {chooser.devices.map((device) => (
            <li key={device.id}>
              <button type="button" className="chooser-device" onClick={() => onPick(device.id)}>
                <span>{device.name || 'Unnamed heart-rate sensor'}</span>
                {device.remembered ? <span className="chooser-badge">Last used</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="chooser-status" role="status" aria-live="polite">
        {listStatus(chooser, stopped)}
      </p>
      <div className="chooser-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        {stopped && onSearchAgain !== null ? (
          <button type="button" className="button" onClick={onSearchAgain}>
            Search again
          </button>
        ) : null}
      </div>
    </>
  );
}

function listStatus(chooser: OpenChooser, stopped: boolean): string {
  const found = chooser.mode === 'reconnect' ? 0 : chooser.devices.length;
  if (stopped) {
    return found === 0
      ? 'The search has stopped and no strap turned up. Put yours on with damp contacts so it wakes, then search again.'
      : 'The search has stopped. Pick your strap above, or search again if it is not in the list.';
  }
  return found === 0 ? 'Searching…' : `${found} found, still searching…`;
}

function PairingPrompt({ pairing, onAnswer }: { pairing: OpenPairing; onAnswer: (confirmed: boolean, pin?: string) => void }) {
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pairing.kind === 'providePin') {
      if (/^[0-9]{1,16}$/.test(pin)) onAnswer(true, pin);
    } else {
      onAnswer(true);
    }
  };
  return (
    <form onSubmit={submit}>
      <h2 id="chooser-title">Pair with {pairing.deviceName}?</h2>
      {pairing.kind === 'confirm' ? <p>Your computer asks before pairing with this strap for the first time.</p> : null}
      {pairing.kind === 'confirmPin' ? (
        <p>
          Check that {pairing.deviceName} shows the code <strong className="chooser-pin">{pairing.pin}</strong>.
        </p>
      ) : null}
      {pairing.kind === 'providePin' ? (
        <div className="field">
          <label className="field-label" htmlFor="pairing-pin">
            PIN for {pairing.deviceName}
          </label>
          <p className="field-hint" id="pairing-pin-hint">
            The strap's manual or box has it; it is often 0000.
          </p>
          <input
            id="pairing-pin"
            className="control control-number"
            inputMode="numeric"
            autoComplete="off"
            aria-describedby="pairing-pin-hint"
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/[^0-9]/g, '').slice(0, 16))}
          />
        </div>
      ) : null}
      <div className="chooser-actions">
        <button type="button" className="button button-quiet" onClick={() => onAnswer(false)}>
          {pairing.kind === 'confirmPin' ? 'It does not match' : 'Do not pair'}
        </button>
        <button type="submit" className="button">
          {pairing.kind === 'confirmPin' ? 'It matches' : 'Pair'}
        </button>
      </div>
    </form>
  );
}
