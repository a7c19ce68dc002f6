// The Bluetooth SIG assigned numbers Attune talks to, in one place so the sensor code, the
// device chooser and the Bluetooth emulation tests cannot drift apart. Web Bluetooth accepts
// the 16-bit numbers directly; the emulation commands want the full 128-bit strings.

export const HEART_RATE_SERVICE_UUID = 0x180d;
export const HEART_RATE_MEASUREMENT_UUID = 0x2a37;
export const BODY_SENSOR_LOCATION_UUID = 0x2a38;
export const BATTERY_SERVICE_UUID = 0x180f;
export const BATTERY_LEVEL_UUID = 0x2a19;
export const DEVICE_INFORMATION_SERVICE_UUID = 0x180a;

/**
 * Expands a 16-bit assigned number to the full UUID on the Bluetooth base UUID,
 * e.g. 0x180d → '0000180d-0000-1000-8000-00805f9b34fb' (lower case, as Web Bluetooth reports it).
 */
export function toFullBluetoothUuid(shortUuid: number): string {
  if (!Number.isInteger(shortUuid) || shortUuid < 0 || shortUuid > 0xffff) {
    throw new RangeError(`not a 16-bit Bluetooth UUID: ${shortUuid}`);
  }
  return `0000${shortUuid.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
}
