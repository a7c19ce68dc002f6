// Body Sensor Location (0x2A38): where the strap says it sits. Optional on real devices, so
// callers treat a missing characteristic the same as 'unknown'. Values 7–255 are reserved by
// the Bluetooth SIG; we report them as 'unknown' instead of failing, because the location
// is only shown to the user and never changes how beats are read.

export type BodySensorLocation =
  | 'other'
  | 'chest'
  | 'wrist'
  | 'finger'
  | 'hand'
  | 'ear-lobe'
  | 'foot'
  | 'unknown';

const LOCATION_BY_CODE: readonly BodySensorLocation[] = [
  'other',
  'chest',
  'wrist',
  'finger',
  'hand',
  'ear-lobe',
  'foot',
];

/** Decodes the uint8 code of 0x2A38. Unknown codes give 'unknown'. */
export function bodySensorLocationFromCode(code: number): BodySensorLocation {
  return (Number.isInteger(code) && LOCATION_BY_CODE[code]) || 'unknown';
}

/** Decodes the characteristic value as read; an empty value gives 'unknown'. Never throws. */
export function parseBodySensorLocation(data: DataView): BodySensorLocation {
  return data.byteLength === 0 ? 'unknown' : bodySensorLocationFromCode(data.getUint8(0));
}
