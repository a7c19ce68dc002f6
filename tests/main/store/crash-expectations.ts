/** The RR value of beat number `index` of any session the crash child writes; the parent recomputes it to check. */
export function expectedRrMs(index: number): number {
  return 600 + ((index * 37) % 500) + (index % 1024) / 1024;
}
