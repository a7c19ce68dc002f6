// Line and number handling shared by every text reader. Files come from phones, Windows
// tools and Python scripts, so they may start with a byte-order mark, end lines with CRLF
// (or a lone CR), carry trailing blank lines and write numbers as `766.000` or `9.36e+02`.
// Numbers are parsed strictly: `Number('')` is 0 and `parseFloat('12abc')` is 12, and either
// would let a broken file through as beats.

import type { RecordingFileError } from './recording-format.ts';

const BYTE_ORDER_MARK = '\uFEFF';

/** Splits text into lines (BOM removed, CRLF/CR/LF); index + 1 is the line number. */
export function splitLines(text: string): string[] {
  const withoutBom = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/);
}

/** Index of the first line with something besides whitespace, or -1. */
export function firstNonBlankLineIndex(lines: readonly string[], from = 0): number {
  for (let index = from; index < lines.length; index += 1) {
    if ((lines[index] ?? '').trim() !== '') return index;
  }
  return -1;
}

const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain decimal number (optionally with exponent), or undefined. Surrounding spaces and one pair of double quotes are allowed. */
export function parseDecimal(field: string): number | undefined {
  let text = field.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).trim();
  if (!DECIMAL_NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads one RR interval in ms from a field, or explains what is wrong with it.
 * `lineIndex` is 0-based; the error carries the 1-based line number people see in an editor.
 */
export function readRrField(field: string, lineIndex: number): number | RecordingFileError {
  const line = lineIndex + 1;
  const value = parseDecimal(field);
  if (value === undefined) {
    return { code: 'non-numeric', message: `line ${line}: "${shorten(field.trim())}" is not an RR interval in ms`, line };
  }
  if (value < 0) return { code: 'negative-value', message: `line ${line}: RR interval ${value} ms is negative`, line };
  if (value === 0) return { code: 'zero-value', message: `line ${line}: RR interval is 0 ms`, line };
  return value;
}

/** Keeps error messages readable when a binary or huge line is fed in. */
export function shorten(text: string, maxLength = 40): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}…`;
}
