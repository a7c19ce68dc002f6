// A value the data may be too short (or too flat) for. Callers must branch on `available`,
// so an impossible number never reaches a chart or a JSON file as 0, NaN or Infinity.
export type Available<T> = { readonly available: true; readonly value: T };
export type Unavailable = { readonly available: false; readonly reason: string };
export type Availability<T> = Available<T> | Unavailable;

export function available<T>(value: T): Available<T> {
  return { available: true, value };
}

export function unavailable(reason: string): Unavailable {
  return { available: false, reason };
}

/** The value, or null when unavailable (for JSON output, where null means "not computed"). */
export function valueOrNull<T>(measurement: Availability<T>): T | null {
  return measurement.available ? measurement.value : null;
}
