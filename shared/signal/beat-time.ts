// Which beat times the engine can count with. Times are ms on any fixed clock (since the
// session started, or epoch ms in a file). Past 2^53 ms a double cannot hold every whole
// millisecond, and far beyond it adding a 5 s step to a window's end changes nothing: the
// schedules that walk windows forward would never catch up. No real clock reads that far
// (2^53 ms is 285,000 years), so such a time is treated like a missing one.

export function isUsableBeatTime(tMs: number): boolean {
  return Number.isFinite(tMs) && Math.abs(tMs) <= Number.MAX_SAFE_INTEGER;
}
