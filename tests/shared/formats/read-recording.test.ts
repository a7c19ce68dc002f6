import { describe, expect, it } from 'vitest';
import { detectRecordingFormat, readRecording } from '../../../shared/formats/read-recording.ts';
import { readPlainRr, readKubiosRr } from '../../../shared/formats/one-value-per-line.ts';
import { readPolarHrm } from '../../../shared/formats/polar-hrm.ts';
import { readPolarSensorLoggerCsv } from '../../../shared/formats/polar-sensor-logger-csv.ts';
import { readArrivalTimeCsv } from '../../../shared/formats/arrival-time-csv.ts';
import { isRecordingFormat } from '../../../shared/formats/recording-format.ts';
import type { RecordingReadResult } from '../../../shared/formats/recording-format.ts';

// Small hand-written fixtures in the shape of each exporter's files.

const PLAIN_RR = '812\n790\n845.5\n';

const KUBIOS_RR = [
  '# SIGNAL/SERIES EXPORT - KUBIOS',
  '# File:\t\t\tMySeries',
  '# Comment:\t\tthree beats',
  '812.000',
  '790.000',
  '845.500',
  '',
].join('\n');

const POLAR_HRM = [
  '[Params]',
  'Version=106',
  'Monitor=13',
  'Date=20240305',
  'StartTime=7:05:09.0',
  'Interval=238',
  '',
  '[Note]',
  'morning',
  '',
  '[Summary-123]',
  '120\t0\t120',
  '',
  '[HRZones]',
  '180',
  '162',
  '',
  '[HRData]',
  '812',
  '790',
  '845',
  '',
].join('\r\n');

const POLAR_CSV = [
  'Phone timestamp;RR-interval [ms]',
  '2024-03-05T07:05:10.120;812',
  '2024-03-05T07:05:11.050;790',
  '2024-03-05T07:05:11.050;845',
  '',
].join('\n');

// Two rows share an arrival time: two RR in one notification.
const ARRIVAL_CSV = '2.211511135101318359e-01,8.120000000000000000e+02\n1.25,790\n1.25,845\n';

function ok(result: RecordingReadResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failed(result: RecordingReadResult) {
  if (result.ok) throw new Error(`expected an error, got ${result.value.rrMs.length} beats`);
  return result.error;
}

describe('plain RR', () => {
  it('reads one interval per line, keeping decimals', () => {
    expect(ok(readPlainRr(PLAIN_RR))).toEqual({ format: 'rr', rrMs: [812, 790, 845.5] });
  });

  it('handles CRLF, a lone CR, a BOM, surrounding spaces and trailing blank lines', () => {
    expect(ok(readPlainRr('\uFEFF812\r\n 790 \r845\r\n\r\n\r\n')).rrMs).toEqual([812, 790, 845]);
  });

  it('ignores blank lines between values', () => {
    expect(ok(readPlainRr('812\n\n790\n')).rrMs).toEqual([812, 790]);
  });

  it('names the line of a non-numeric value', () => {
    expect(failed(readPlainRr('812\n790\n8x5\n'))).toMatchObject({ code: 'non-numeric', line: 3 });
    expect(failed(readPlainRr('812\n790,5\n'))).toMatchObject({ code: 'non-numeric', line: 2 });
    expect(failed(readPlainRr('812\n# comment\n'))).toMatchObject({ code: 'non-numeric', line: 2 });
  });

  it('names the line of a negative or zero value', () => {
    expect(failed(readPlainRr('812\n-790\n'))).toMatchObject({ code: 'negative-value', line: 2 });
    expect(failed(readPlainRr('812\n790\n0\n'))).toMatchObject({ code: 'zero-value', line: 3 });
  });

  it('refuses an empty file and one with only blank lines', () => {
    expect(failed(readPlainRr('')).code).toBe('empty');
    expect(failed(readPlainRr('\n \r\n')).code).toBe('empty');
  });

  it('refuses values that are not finite', () => {
    expect(failed(readPlainRr('1e999\n')).code).toBe('non-numeric');
    expect(failed(readPlainRr('NaN\n')).code).toBe('non-numeric');
    expect(failed(readPlainRr('Infinity\n')).code).toBe('non-numeric');
  });

  it('puts the offending text and line number in the message', () => {
    expect(failed(readPlainRr('812\nabc\n')).message).toMatch(/line 2.*"abc"/);
  });
});

describe('Kubios RR text', () => {
  it('skips the # header and reads 3-decimal values', () => {
    expect(ok(readKubiosRr(KUBIOS_RR))).toEqual({ format: 'kubios', rrMs: [812, 790, 845.5] });
  });

  it('counts header lines in error line numbers', () => {
    expect(failed(readKubiosRr(`${KUBIOS_RR}oops\n`))).toMatchObject({ code: 'non-numeric', line: 7 });
  });

  it('refuses a header with no values', () => {
    expect(failed(readKubiosRr('# SIGNAL/SERIES EXPORT - KUBIOS\n# nothing\n')).code).toBe('empty');
  });
});

describe('Polar HRM', () => {
  it('reads the RR values after [HRData] in R-R mode (Interval=238), CRLF', () => {
    expect(ok(readPolarHrm(POLAR_HRM))).toEqual({ format: 'polar-hrm', rrMs: [812, 790, 845], startedAt: '2024-03-05T07:05:09.0' });
  });

  it('takes the first column when rows carry more columns', () => {
    expect(ok(readPolarHrm(POLAR_HRM.replace('812\r\n790', '812\t0\t0\r\n790\t12'))).rrMs).toEqual([812, 790, 845]);
  });

  it('stops at a section after [HRData]', () => {
    expect(ok(readPolarHrm(`${POLAR_HRM}[Extra]\r\n999\r\n`)).rrMs).toEqual([812, 790, 845]);
  });

  it('refuses heart-rate sample files (Interval other than 238) naming the line', () => {
    const error = failed(readPolarHrm(POLAR_HRM.replace('Interval=238', 'Interval=5')));
    expect(error).toMatchObject({ code: 'not-rr-mode', line: 6 });
    expect(error.message).toContain('Interval=5');
  });

  it('refuses files missing [Params], Interval or [HRData]', () => {
    expect(failed(readPolarHrm(POLAR_HRM.replace('[Params]', '[Other]'))).code).toBe('missing-section');
    expect(failed(readPolarHrm(POLAR_HRM.replace('Interval=238', 'Foo=1'))).code).toBe('missing-section');
    expect(failed(readPolarHrm(POLAR_HRM.replace('[HRData]', '[HRDta]'))).code).toBe('missing-section');
  });

  it('names the line of a bad value in [HRData]', () => {
    expect(failed(readPolarHrm(POLAR_HRM.replace('790', 'x')))).toMatchObject({ code: 'non-numeric', line: 20 });
    expect(failed(readPolarHrm(POLAR_HRM.replace('790', '-790')))).toMatchObject({ code: 'negative-value', line: 20 });
  });

  it('refuses an empty [HRData]', () => {
    expect(failed(readPolarHrm(POLAR_HRM.replace(/812\r\n790\r\n845\r\n/, ''))).code).toBe('empty');
  });

  it('leaves startedAt out when Date or StartTime is missing', () => {
    expect(ok(readPolarHrm(POLAR_HRM.replace('Date=20240305', ''))).startedAt).toBeUndefined();
  });
});

describe('Polar Sensor Logger CSV', () => {
  it('reads the RR column and the first phone timestamp', () => {
    expect(ok(readPolarSensorLoggerCsv(POLAR_CSV))).toEqual({
      format: 'polar-csv',
      rrMs: [812, 790, 845],
      startedAt: '2024-03-05T07:05:10.120',
    });
  });

  it('finds the RR column by name wherever it is', () => {
    const text = 'Phone timestamp;sensor timestamp [ns];RR-interval [ms]\r\n2024-03-05T07:05:10.120;1;812\r\n';
    expect(ok(readPolarSensorLoggerCsv(text)).rrMs).toEqual([812]);
  });

  it('refuses a header without an RR-interval column', () => {
    expect(failed(readPolarSensorLoggerCsv('Phone timestamp;HR [bpm]\n2024;60\n'))).toMatchObject({ code: 'bad-header', line: 1 });
  });

  it('names the line of a row missing its RR value, or a bad one', () => {
    expect(failed(readPolarSensorLoggerCsv(`${POLAR_CSV}2024-03-05T07:05:12.000\n`))).toMatchObject({ code: 'missing-column', line: 5 });
    expect(failed(readPolarSensorLoggerCsv(POLAR_CSV.replace(';790', ';seven')))).toMatchObject({ code: 'non-numeric', line: 3 });
  });

  it('refuses a header with no rows', () => {
    expect(failed(readPolarSensorLoggerCsv('Phone timestamp;RR-interval [ms]\n')).code).toBe('empty');
  });
});

describe('arrival-time CSV', () => {
  it('reads the RR column, one beat per row even when arrival times repeat', () => {
    expect(ok(readArrivalTimeCsv(ARRIVAL_CSV))).toEqual({ format: 'ibi-csv', rrMs: [812, 790, 845] });
  });

  it('accepts one text header row', () => {
    expect(ok(readArrivalTimeCsv('seconds,ibi_ms\n0.5,812\n')).rrMs).toEqual([812]);
  });

  it('names the line of a row with one column, a bad time or a bad RR', () => {
    expect(failed(readArrivalTimeCsv('0.5,812\n1.4\n'))).toMatchObject({ code: 'missing-column', line: 2 });
    expect(failed(readArrivalTimeCsv('0.5,812\nlater,790\n'))).toMatchObject({ code: 'non-numeric', line: 2 });
    expect(failed(readArrivalTimeCsv('0.5,812\n1.4,-790\n'))).toMatchObject({ code: 'negative-value', line: 2 });
  });

  it('refuses an empty file', () => {
    expect(failed(readArrivalTimeCsv('\n')).code).toBe('empty');
  });
});

describe('readRecording: detection', () => {
  it.each([
    ['rr', PLAIN_RR],
    ['kubios', KUBIOS_RR],
    ['polar-hrm', POLAR_HRM],
    ['polar-csv', POLAR_CSV],
    ['ibi-csv', ARRIVAL_CSV],
  ] as const)('detects %s and reads the same beats as the named reader', (format, text) => {
    expect(detectRecordingFormat(text)).toEqual({ ok: true, format });
    const detected = ok(readRecording(text));
    expect(detected.format).toBe(format);
    expect(detected).toEqual(ok(readRecording(text, format)));
    expect(detected.rrMs.map(Math.round)).toEqual([812, 790, format === 'rr' || format === 'kubios' ? 846 : 845]);
  });

  it('detects through a BOM and leading blank lines', () => {
    expect(detectRecordingFormat(`\uFEFF\r\n\r\n${POLAR_CSV}`)).toEqual({ ok: true, format: 'polar-csv' });
    expect(detectRecordingFormat(`\n\n${PLAIN_RR}`)).toEqual({ ok: true, format: 'rr' });
  });

  it('detects a headed two-column CSV as ibi-csv', () => {
    expect(detectRecordingFormat('tMs,rrMs\n812,812\n')).toEqual({ ok: true, format: 'ibi-csv' });
  });

  it('reports an unknown format with the line that gave it away', () => {
    const result = readRecording('\n<html><body>not beats</body></html>\n');
    expect(failed(result)).toMatchObject({ code: 'unknown-format', line: 2 });
    expect(failed(readRecording('a,b,c\n1,2,3\n')).code).toBe('unknown-format');
    expect(failed(readRecording('[Section]\nkey=value\n')).code).toBe('unknown-format');
    expect(failed(readRecording('Phone timestamp;HR [bpm]\n')).code).toBe('unknown-format');
  });

  it('reports an empty file as empty', () => {
    expect(failed(readRecording('')).code).toBe('empty');
    expect(failed(readRecording('\uFEFF\r\n')).code).toBe('empty');
  });

  it('reports errors after detection with their line number', () => {
    expect(failed(readRecording('812\n790\nabc\n'))).toMatchObject({ code: 'non-numeric', line: 3 });
  });

  it('reads a file in the named format even when detection would choose another', () => {
    expect(ok(readRecording(PLAIN_RR, 'kubios')).format).toBe('kubios');
  });

  it('knows its format names', () => {
    expect(isRecordingFormat('polar-hrm')).toBe(true);
    expect(isRecordingFormat('auto')).toBe(false);
  });
});
