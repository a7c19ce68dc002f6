// Writers for exporting beats. Numbers are written with String(), the shortest text that
// reads back to the same double, so a fractional RR from a strap (raw × 1000 / 1024) survives
// a round trip exactly. Lines end with LF and the file ends with a newline.

function checkRrMs(rrMs: readonly number[]): void {
  for (const [index, value] of rrMs.entries()) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`RR interval ${index} is ${value}; only positive finite values can be written`);
    }
  }
}

/** Plain RR: one interval in ms per line (readable by Kubios, Elite HRV-style tools and readPlainRr). */
export function writePlainRr(rrMs: readonly number[]): string {
  checkRrMs(rrMs);
  return rrMs.map((value) => `${String(value)}\n`).join('');
}

/**
 * CSV with a header, `tMs,rrMs`: tMs is the time of the beat that ends each interval, in ms
 * from the beat that starts the first one (cumulative RR), so spreadsheet users get a time
 * axis without having to derive it. readRecording reads it back as 'ibi-csv'.
 */
export function writeBeatsCsv(rrMs: readonly number[]): string {
  checkRrMs(rrMs);
  let tMs = 0;
  const rows = ['tMs,rrMs\n'];
  for (const value of rrMs) {
    tMs += value;
    rows.push(`${String(tMs)},${String(value)}\n`);
  }
  return rows.join('');
}
