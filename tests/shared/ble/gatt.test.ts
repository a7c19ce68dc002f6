import { describe, expect, it } from 'vitest';
import {
  BATTERY_LEVEL_UUID,
  BATTERY_SERVICE_UUID,
  BODY_SENSOR_LOCATION_UUID,
  DEVICE_INFORMATION_SERVICE_UUID,
  HEART_RATE_MEASUREMENT_UUID,
  HEART_RATE_SERVICE_UUID,
  toFullBluetoothUuid,
} from '../../../shared/ble/gatt-uuids.ts';
import { bodySensorLocationFromCode, isWornAwayFromChest, parseBodySensorLocation } from '../../../shared/ble/body-sensor-location.ts';

describe('GATT UUIDs', () => {
  it('match the Bluetooth SIG assigned numbers', () => {
    expect([
      HEART_RATE_SERVICE_UUID,
      HEART_RATE_MEASUREMENT_UUID,
      BODY_SENSOR_LOCATION_UUID,
      BATTERY_SERVICE_UUID,
      BATTERY_LEVEL_UUID,
      DEVICE_INFORMATION_SERVICE_UUID,
    ]).toEqual([0x180d, 0x2a37, 0x2a38, 0x180f, 0x2a19, 0x180a]);
  });

  it('expand to full UUIDs on the Bluetooth base UUID', () => {
    expect(toFullBluetoothUuid(HEART_RATE_SERVICE_UUID)).toBe('0000180d-0000-1000-8000-00805f9b34fb');
    expect(toFullBluetoothUuid(HEART_RATE_MEASUREMENT_UUID)).toBe('00002a37-0000-1000-8000-00805f9b34fb');
    expect(() => toFullBluetoothUuid(0x10000)).toThrow(RangeError);
  });
});

describe('Body Sensor Location', () => {
  it.each([
    [0, 'other'],
    [1, 'chest'],
    [2, 'wrist'],
    [3, 'finger'],
    [4, 'hand'],
    [5, 'ear-lobe'],
    [6, 'foot'],
    [7, 'unknown'],
    [255, 'unknown'],
  ] as const)('decodes code %i as %s', (code, location) => {
    expect(bodySensorLocationFromCode(code)).toBe(location);
    expect(parseBodySensorLocation(new DataView(Uint8Array.of(code).buffer))).toBe(location);
  });

  it('treats an empty value and non-integer codes as unknown', () => {
    expect(parseBodySensorLocation(new DataView(new ArrayBuffer(0)))).toBe('unknown');
    expect(bodySensorLocationFromCode(1.5)).toBe('unknown');
    expect(bodySensorLocationFromCode(-1)).toBe('unknown');
  });

  it('flags the places where beat intervals may come smoothed: everywhere the sensor names but the chest', () => {
    const flagged = [0, 1, 2, 3, 4, 5, 6, 7].filter((code) =>
      isWornAwayFromChest(parseBodySensorLocation(new DataView(Uint8Array.of(code).buffer))),
    );
    expect(flagged.map(bodySensorLocationFromCode)).toEqual(['wrist', 'finger', 'hand', 'ear-lobe', 'foot']);
    expect(isWornAwayFromChest(null)).toBe(false); // no Body Sensor Location characteristic at all
  });
});
