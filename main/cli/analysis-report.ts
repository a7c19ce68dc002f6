// The readable (non-JSON) report of `analyze`: plain words first, numbers with their units,
// and the cleaning stated up front, because a variability figure means little until you
// know how many beats were corrected to get it. Values the recording is too short for are
// said to be unavailable, never printed as 0.

import { MAX_PLAUSIBLE_RR_MS, MIN_PLAUSIBLE_RR_MS } from '../../shared/signal/rr-range.ts';
import { MAX_CORRECTED_PERCENT } from '../../shared/signal/verdict.ts';
import type { RecordingFormat } from '../../shared/formats/recording-format.ts';
import type { RecordingAnalysis } from '../../shared/signal/analyze-recording.ts';

/** The fields of an analysis the report reads: the JSON contract of issue 3, as the engine returns it. */
export type ReportedAnalysis = RecordingAnalysis;

const FORMAT_NAMES: Record<RecordingFormat, string> = {
  rr: 'plain RR',
  kubios: 'Kubios RR text',
  'polar-hrm': 'Polar HRM',
  'polar-csv': 'Polar Sensor Logger CSV',
  'ibi-csv': 'arrival-time CSV',
};

/** Said of VLF and LF in a recording of 60–120 s. */
const LONGER = 'not available (needs at least 120 s)';

export function formatAnalysisReport(file: string, format: RecordingFormat, analysis: ReportedAnalysis): string {
  const { cleaning, time, frequency, poincare, coherence, gaps } = analysis;
  const lines: string[] = [
    `Recording: ${file} (${FORMAT_NAMES[format]})`,
    `${count(analysis.beats)} beats over ${duration(analysis.durationSec)}.`,
    ...gapLines(gaps),
    '',
    ...cleaningLines(cleaning),
    '',
    'Time domain',
    `  mean NN        ${fixed(time.meanNnMs, 1)} ms`,
    `  SDNN           ${fixed(time.sdnnMs, 1)} ms`,
    `  RMSSD          ${fixed(time.rmssdMs, 1)} ms`,
    `  NN50 / pNN50   ${count(time.nn50)} / ${fixed(time.pnn50, 1)} %`,
    `  heart rate     ${fixed(time.meanHrBpm, 1)} bpm on average (60000 / mean NN); beat to beat ${fixed(time.minHrBpm, 1)} to ${fixed(time.maxHrBpm, 1)} bpm`,
    '',
  ];
  if (frequency === null) {
    lines.push(`Frequency domain: not available (${gaps?.frequencyReason ?? 'HF needs at least 60 s of beats, LF 120 s'}).`);
  } else {
    const units = (value: number | null) => (value === null ? '' : ` (${fixed(value, 1)} n.u.)`);
    const longer = gaps?.frequencyReason ? `not available (${gaps.frequencyReason})` : LONGER;
    const power = (value: number | null) => (value === null ? longer : `${fixed(value, 1)} ms²`);
    lines.push(
      'Frequency domain (Welch spectrum of the 4 Hz cubic-spline resampled series)',
      `  VLF            ${power(frequency.vlfMs2)}`,
      `  LF             ${power(frequency.lfMs2)}${units(frequency.lfNu)}`,
      `  HF             ${fixed(frequency.hfMs2, 1)} ms²${units(frequency.hfNu)}`,
      `  LF/HF          ${frequency.lfHf === null ? 'not available' : fixed(frequency.lfHf, 2)}`,
      `  total power    ${frequency.totalMs2 === null ? 'not available' : `${fixed(frequency.totalMs2, 1)} ms²`}`,
    );
  }
  lines.push('', `Poincaré: SD1 ${fixed(poincare.sd1Ms, 1)} ms, SD2 ${fixed(poincare.sd2Ms, 1)} ms.`, '');
  if (coherence === null) {
    lines.push(`Coherence: not available (${gaps?.coherenceReason ?? 'needs a 64 s window of beats with some variability'}).`);
  } else {
    lines.push(
      `Coherence: mean ratio ${fixed(coherence.meanRatio, 2)} (peak share ${fixed(coherence.meanNormalized * 100, 0)} % of total power), ` +
        `rhythm peak at ${fixed(coherence.peakHz, 3)} Hz (${fixed(coherence.peakHz * 60, 1)} cycles a minute); ` +
        `high coherence for ${minutesText(coherence.highSec)} of the ${minutesText(coherence.measuredSec)} it could be read.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Seconds as whole minutes, or seconds under a minute: "12 min", "45 s". */
function minutesText(seconds: number): string {
  return seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

/** Beats with times can show where some were lost; every figure then comes from the stretches between. */
function gapLines(gaps: ReportedAnalysis['gaps']): string[] {
  if (!gaps || gaps.count === 0) return [];
  return [
    `Beats were lost ${gaps.count === 1 ? 'once' : `${count(gaps.count)} times`} (${duration(gaps.totalSec)} in all): ` +
      `every figure comes from the stretches between, the longest ${duration(gaps.longestStretchSec)}.`,
  ];
}

function cleaningLines(cleaning: ReportedAnalysis['cleaning']): string[] {
  if (cleaning.method === 'none') {
    return ['Cleaning: none (--no-clean). The beats are analysed exactly as recorded; 0 beats corrected.'];
  }
  const { ectopic, missed, extra, longShort } = cleaning.byClass;
  const lines = [
    `Cleaning: Lipponen & Tarvainen (2019) artefact correction corrected ${count(cleaning.corrected)} ${plural(cleaning.corrected, 'beat')} (${fixed(cleaning.correctedPercent, 1)} %):`,
    `  ${count(ectopic)} ectopic, ${count(missed)} missed, ${count(extra)} extra, ${count(longShort)} long or short; ` +
      `${count(cleaning.outOfRange)} outside ${MIN_PLAUSIBLE_RR_MS}–${MAX_PLAUSIBLE_RR_MS} ms.`,
  ];
  if (cleaning.correctedPercent > MAX_CORRECTED_PERCENT) {
    lines.push(`  More than ${MAX_CORRECTED_PERCENT} % of beats needed correction: read these figures with caution.`);
  }
  return lines;
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function plural(value: number, noun: string): string {
  return value === 1 ? noun : `${noun}s`;
}

function duration(seconds: number): string {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min ${rest} s`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}
