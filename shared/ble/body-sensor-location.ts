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

// Sensors worn away from the chest are nearly always optical: they find beats in the pulse
// rather than in the heart's electrical signal, and many of them smooth or fill in the
// intervals before sending them. Their average heart rate is fine, but the
// beat-to-beat variability Attune's readings rest on is less trustworthy than a chest
// strap's. 'other' and 'unknown' say nothing about where the sensor sits, so they get no
// note, like the chest.
export type AwayFromChestLocation = 'wrist' | 'finger' | 'hand' | 'ear-lobe' | 'foot';

const AWAY_FROM_CHEST: ReadonlySet<BodySensorLocation> = new Set<AwayFromChestLocation>(['wrist', 'finger', 'hand', 'ear-lobe', 'foot']);

/** True when the sensor says it is worn somewhere its beat intervals may be smoothed (not the chest). */
export function isWornAwayFromChest(location: BodySensorLocation | null): location is AwayFromChestLocation {
  return location !== null && AWAY_FROM_CHEST.has(location);
}
