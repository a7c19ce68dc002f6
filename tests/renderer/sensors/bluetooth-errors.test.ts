import { describe, expect, it } from 'vitest';
import { describeBluetoothError } from '../../../renderer/sensors/bluetooth-errors.ts';

// Every error Blink raises for requestDevice, gatt.connect, getPrimaryService,
// getCharacteristic and startNotifications (bluetooth_error.cc, bluetooth.cc), as Electron
// hands it to the page: each maps to a named problem, words for the person, and whether a
// second try a moment later is worth it.
const TABLE: ReadonlyArray<readonly [name: string, message: string, problem: string, transient: boolean]> = [
  // requestDevice
  ['NotFoundError', 'User cancelled the requestDevice() chooser.', 'cancelled', false],
  ['NotFoundError', 'Web Bluetooth is not supported on this platform. For a list of supported platforms see: https://goo.gl/J6ASzs', 'no-web-bluetooth', false],
  ['NotFoundError', 'Web Bluetooth API globally disabled.', 'no-web-bluetooth', false],
  ['NotFoundError', 'User or their enterprise policy has disabled Web Bluetooth.', 'no-web-bluetooth', false],
  ['SecurityError', 'Access to the feature "bluetooth" is disallowed by permissions policy.', 'no-web-bluetooth', false],
  ['NotFoundError', 'Bluetooth adapter not available.', 'bluetooth-off', false],
  ['NotFoundError', 'Bluetooth Low Energy not available.', 'bluetooth-off', false],
  ['NotFoundError', 'User denied the browser permission to scan for Bluetooth devices.', 'permission-denied', false],
  ['NotFoundError', "User selected a device that doesn't exist anymore.", 'out-of-range', false],
  ['InvalidStateError', 'User canceled the permission prompt.', 'cancelled', false],
  ['SecurityError', 'Must be handling a user gesture to show a permission request.', 'not-allowed', false],
  ['SecurityError', 'requestDevice() called with a filter containing a blocklisted UUID or manufacturer data. https://goo.gl/4NeimX', 'not-allowed', false],
  // gatt.connect
  ['NetworkError', 'Bluetooth Device is no longer in range.', 'out-of-range', false],
  ['NotFoundError', 'Does not exist.', 'out-of-range', false],
  ['NetworkError', 'Authentication failed.', 'pairing-needed', false],
  ['NetworkError', 'Authentication rejected.', 'pairing-needed', false],
  ['NetworkError', 'Authentication canceled.', 'pairing-needed', false],
  ['NetworkError', 'Authentication timeout.', 'pairing-needed', false],
  ['NetworkError', 'GATT Error: Not paired.', 'pairing-needed', false],
  ['NetworkError', 'Connection already in progress.', 'connect-failed', true],
  ['NetworkError', 'Unknown error when connecting to the device.', 'connect-failed', true],
  ['NetworkError', 'Connection failed for unknown reason.', 'connect-failed', true],
  ['NetworkError', 'Connection Error: Connection attempt failed.', 'connect-failed', true],
  ['NetworkError', 'Unsupported device.', 'connect-failed', false],
  ['InvalidStateError', 'Connection Error: Not ready.', 'connect-failed', true],
  ['InvalidStateError', 'Connection Error: Non-authentication timeout.', 'connect-failed', true],
  ['UnknownError', 'Connection Error: An internal error has occurred.', 'connect-failed', true],
  ['NetworkError', 'The strap did not answer in time.', 'no-answer', false],
  // getPrimaryService, getCharacteristic
  ['NotFoundError', 'No Services matching UUID 0000180d-0000-1000-8000-00805f9b34fb found in Device.', 'no-heart-rate-service', false],
  ['NotFoundError', 'No Services found in device.', 'no-heart-rate-service', false],
  ['NotFoundError', 'No Characteristics matching UUID 00002a37-0000-1000-8000-00805f9b34fb found in Service with UUID 0000180d-0000-1000-8000-00805f9b34fb.', 'no-heart-rate-service', false],
  ['NetworkError', 'GATT Server is disconnected. Cannot retrieve services. (Re)connect first with `device.gatt.connect`.', 'connect-failed', true],
  ['InvalidStateError', 'GATT Service no longer exists.', 'connect-failed', false],
  // startNotifications
  ['SecurityError', 'GATT operation not authorized.', 'pairing-needed', false],
  ['NotSupportedError', 'GATT operation not permitted.', 'notifications-failed', false],
  ['NotSupportedError', 'GATT Error: Not supported.', 'notifications-failed', false],
  ['NotSupportedError', 'GATT Error Unknown.', 'connect-failed', true],
  ['NotSupportedError', 'GATT operation failed for unknown reason.', 'connect-failed', true],
  ['NotSupportedError', 'GATT Error: Unknown GattErrorCode.', 'connect-failed', true],
  ['NetworkError', 'GATT operation already in progress.', 'connect-failed', true],
];

describe('Web Bluetooth errors in plain words', () => {
  it.each(TABLE)('%s "%s" → %s', (name, message, problem, transient) => {
    const meaning = describeBluetoothError(new DOMException(message, name));
    expect(meaning.problem).toBe(problem);
    expect(meaning.transient).toBe(transient);
    // A sentence for a person: no exception names, no URLs, no UUIDs.
    expect(meaning.message).toMatch(/^[A-Z].*\.$/);
    expect(meaning.message).not.toMatch(/Error|GATT|https?:|[0-9a-f]{8}-/);
  });

  it('reads a cancel before any chooser opened as Bluetooth off (how Electron reports it), and after one as the user\'s choice', () => {
    const cancel = new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError');
    expect(describeBluetoothError(cancel, { chooserOpened: false }).problem).toBe('bluetooth-off');
    expect(describeBluetoothError(cancel, { chooserOpened: true }).problem).toBe('cancelled');
  });

  it('falls back on the exception name for wording it has never seen', () => {
    expect(describeBluetoothError(new DOMException('Something new.', 'NetworkError'))).toMatchObject({ problem: 'connect-failed', transient: true });
    expect(describeBluetoothError(new DOMException('Something new.', 'SecurityError')).problem).toBe('not-allowed');
    expect(describeBluetoothError('not even an error').problem).toBe('connect-failed');
  });
});
