import type { ConnectProblem } from './heart-rate-source.ts';

// What a Web Bluetooth error means for the person: a problem code (which help to show), a
// plain sentence, and whether trying again at once may work. Blink builds each error from a
// fixed message (third_party/blink/renderer/modules/bluetooth/bluetooth_error.cc and
// bluetooth.cc); Electron passes them through unchanged. We match on those messages first,
// because one DOMException name covers causes with different remedies (NotFoundError is both
// "Bluetooth is off" and "no heart-rate service"), and fall back on the name.

export type BluetoothErrorMeaning = {
  readonly problem: ConnectProblem;
  readonly message: string;
  /** A second try a moment later often works (the radio was busy, the link hiccuped). */
  readonly transient: boolean;
};

export type ErrorContext = {
  /**
   * Whether Attune's chooser opened since this device request began. Electron reports
   * Bluetooth switched off (or the radio blocked) as a cancelled chooser before any device
   * list arrives, so a cancel without a chooser is not the user's choice.
   */
  readonly chooserOpened?: boolean;
};

type Rule = { readonly pattern: RegExp; readonly meaning: BluetoothErrorMeaning };

const meaning = (problem: ConnectProblem, message: string, transient = false): BluetoothErrorMeaning => ({ problem, message, transient });

const OFF = meaning('bluetooth-off', 'Bluetooth seems to be off, or this computer has none that Attune can use.');
const NOT_HERE = meaning('no-web-bluetooth', 'Bluetooth cannot be used from this window on this computer.');
const OUT_OF_RANGE = meaning('out-of-range', 'Your computer cannot find the strap any more. It may be out of range, asleep, or forgotten by the system.');
const PAIRING = meaning('pairing-needed', 'The strap wants to be paired with this computer before it shares heart data.');
const NO_SERVICE = meaning('no-heart-rate-service', 'This device does not offer the standard heart-rate service.');
const BUSY = meaning('connect-failed', 'The strap could not be connected this time.', true);
const NO_NOTIFY = meaning('notifications-failed', 'The strap connected but would not start sending heart data.');
const REFUSED = meaning('not-allowed', 'Attune was not allowed to use Bluetooth just now.');

// Most specific first ("Non-authentication timeout" is a busy radio, not a pairing problem).
// Messages are Blink's, matched loosely (case, trailing full stop).
const RULES: readonly Rule[] = [
  { pattern: /Web Bluetooth is not supported|Web Bluetooth API globally disabled|enterprise policy has disabled Web Bluetooth|disallowed by permissions policy/i, meaning: NOT_HERE },
  { pattern: /Bluetooth adapter not available|Bluetooth Low Energy not available|adapter.*(off|unavailable|not available|not present)/i, meaning: OFF },
  {
    pattern: /denied the browser permission to scan/i,
    meaning: meaning('permission-denied', 'Your computer did not let Attune look for Bluetooth devices.'),
  },
  { pattern: /no longer in range|doesn't exist anymore|^Does not exist/i, meaning: OUT_OF_RANGE },
  { pattern: /canceled the permission prompt/i, meaning: meaning('cancelled', 'No strap was chosen.') },
  { pattern: /No Services|Service not found|No Characteristics|Characteristic not found/i, meaning: NO_SERVICE },
  {
    pattern: /already in progress|Unknown error when connecting|failed for unknown reason|Connection attempt failed|Not ready|Non-authentication timeout|internal error|GATT Server is disconnected|GATT Error Unknown|Unknown GattErrorCode/i,
    meaning: BUSY,
  },
  { pattern: /not authorized|Not paired|Authentication (failed|rejected|canceled|cancelled|timeout)/i, meaning: PAIRING },
  { pattern: /did not answer in time/i, meaning: meaning('no-answer', 'The strap did not answer in time.') },
  { pattern: /Unsupported device/i, meaning: meaning('connect-failed', 'This device could not be used as a heart-rate strap.') },
  { pattern: /not permitted|Not supported/i, meaning: NO_NOTIFY },
  { pattern: /user gesture|blocklisted|not allowed to access/i, meaning: REFUSED },
];

const CANCELLED = /cancelled the requestDevice\(\) chooser/i;

export function describeBluetoothError(error: unknown, context: ErrorContext = {}): BluetoothErrorMeaning {
  const name = errorName(error);
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (CANCELLED.test(text) || (name === 'NotFoundError' && /cancel/i.test(text))) {
    return context.chooserOpened === false ? OFF : meaning('cancelled', 'No strap was chosen.');
  }
  for (const rule of RULES) if (rule.pattern.test(text)) return rule.meaning;
  // Unknown wording: the exception's name still says which family it belongs to.
  if (name === 'NotAllowedError' || name === 'SecurityError') return REFUSED;
  if (name === 'NotSupportedError') return NO_NOTIFY;
  if (name === 'NetworkError') return BUSY;
  return meaning('connect-failed', 'The strap could not be connected.');
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) return String((error as { name: unknown }).name);
  return '';
}
