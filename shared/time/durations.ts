// Fixed lengths of time in milliseconds. A calendar day is not always DAY_MS long (daylight
// saving): move between dates with shared/time/civil-date.ts, use these for elapsed time.

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
