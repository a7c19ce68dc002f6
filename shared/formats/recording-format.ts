// The vocabulary every recording reader shares: format names, the result shape and the error
// codes. Readers take the file's text (shared/ is pure: main reads the bytes) and return a
// result instead of throwing, so the app and the command line can name the exact line that
// is wrong in a file someone exported from another program.

export const RECORDING_FORMATS = ['rr', 'kubios', 'polar-hrm', 'polar-csv', 'ibi-csv'] as const;

/**
 * - `rr`: plain RR, one interval in ms per line (Elite HRV and many others).
 * - `kubios`: Kubios RR text, `#` comment header lines then one RR in ms per line.
 * - `polar-hrm`: Polar HRM (INI-like) recorded in R-R mode (`Interval=238`).
 * - `polar-csv`: Polar Sensor Logger RR file, `Phone timestamp;RR-interval [ms]`.
 * - `ibi-csv`: arrival-time CSV, `seconds,ibi_ms`, no header.
 */
export type RecordingFormat = (typeof RECORDING_FORMATS)[number];

export function isRecordingFormat(name: string): name is RecordingFormat {
  return (RECORDING_FORMATS as readonly string[]).includes(name);
}

export type RecordingFileErrorCode =
  /** No RR values at all (empty file, only comments or headers). */
  | 'empty'
  /** The content matches none of the known formats. */
  | 'unknown-format'
  /** A value that should be a number is not one (or is not finite). */
  | 'non-numeric'
  /** An RR interval below zero. */
  | 'negative-value'
  /** An RR interval of exactly zero: no heart beats twice at the same instant. */
  | 'zero-value'
  /** A row lacks the column holding the RR interval. */
  | 'missing-column'
  /** A CSV header that does not name the expected columns. */
  | 'bad-header'
  /** Polar HRM without `[Params]`, its `Interval`, or `[HRData]`. */
  | 'missing-section'
  /** Polar HRM recorded heart rate samples, not RR intervals (`Interval` is not 238). */
  | 'not-rr-mode';

export type RecordingFileError = {
  code: RecordingFileErrorCode;
  message: string;
  /** 1-based line number in the file as given (header and comment lines included). */
  line?: number;
};

export type Recording = {
  format: RecordingFormat;
  /** RR intervals in ms, in file order, exactly as written (no cleaning, no rounding). */
  rrMs: number[];
  /**
   * Start of the recording as written in the file (local time, no zone), when the format
   * carries one: `Date` + `StartTime` in Polar HRM, the first phone timestamp in Polar CSV.
   */
  startedAt?: string;
};

export type RecordingReadResult = { ok: true; value: Recording } | { ok: false; error: RecordingFileError };

export function recordingFileError(code: RecordingFileErrorCode, message: string, line?: number): RecordingReadResult {
  return { ok: false, error: line === undefined ? { code, message } : { code, message, line } };
}
