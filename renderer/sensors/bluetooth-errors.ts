import type { ConnectProblem } from './heart-rate-source.ts';

// What a Web Bluetooth error means for the person: a problem code (which help to show) and a
// plain sentence. Chromium names errors by DOMException name and says more in the message.

export function describeBluetoothError(error: unknown): { problem: ConnectProblem; message: string } {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'NotFoundError' && /cancel/i.test(text)) return { problem: 'cancelled', message: 'No strap was chosen.' };
  if (name === 'NotFoundError' && /adapter|bluetooth.*(off|unavailable|not available)/i.test(text)) {
    return { problem: 'bluetooth-off', message: 'Bluetooth seems to be off or missing on this computer.' };
  }
  if (name === 'NotFoundError' && /service/i.test(text)) {
    return { problem: 'no-heart-rate-service', message: 'This device does not offer the standard heart-rate service.' };
  }
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return { problem: 'not-allowed', message: 'Attune is not allowed to use Bluetooth on this computer yet.' };
  }
  if (name === 'NotSupportedError') {
    return { problem: 'notifications-failed', message: 'The strap connected but would not start sending heart data.' };
  }
  return { problem: 'connect-failed', message: 'The strap could not be connected.' };
}
