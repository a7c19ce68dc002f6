// The one CSV writer for every table Attune hands to the user (the main export's
// sessions.csv and beats, each chart's "export this data"): RFC 4180 quoting, CRLF line
// ends, and a guard against spreadsheet formula injection. Text that starts with = + - @
// or a tab or carriage return gets a leading apostrophe, so a journal line or a crafted id
// such as "=HYPERLINK(…)" opens as text in Excel, LibreOffice and Sheets, never as a
// formula. Numbers are written as numbers (a negative one is not text); a number that is not
// finite is left empty rather than written as "NaN".

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as one CSV text, every line (the last too) ending in CRLF. */
export function toCsv(headers: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [headers.map(cell).join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
