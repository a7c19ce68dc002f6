import type { SessionRecord } from '../../../shared/model/session.ts';
import { formatSeconds } from '../../../shared/trends/aggregate.ts';
import { isoLocal } from '../../../shared/time/local-stamp.ts';
import type { TrendsSettings } from '../../../shared/trends/overview-model.ts';

// The session page's figures, each with a line saying what it means. The rules' figures in
// those lines (how long calm must last, how many corrected beats are too many) are the
// user's own settings.

export function SessionNumbers({ session, settings }: { session: SessionRecord; settings: Pick<TrendsSettings, 'sustainSec' | 'maxCorrectedPercent'> }) {
  const summary = session.summary;
  return (
    <section className="trend-card" aria-labelledby="session-numbers">
      <h2 id="session-numbers">The numbers, and what they mean</h2>
      {summary?.signal === 'heart-rate' ? (
        <p data-testid="session-signal">
          From your heart rate alone: the sensor sent no time between beats, so variability and coherence are not available for this session.
        </p>
      ) : null}
      {summary ? (
        <dl className="session-numbers">
          <Figure label="Peak heart rate" value={summary.peakHrBpm === null ? 'not available' : `${Math.round(summary.peakHrBpm)} bpm`} help="The highest 10-second average heart rate in the session." />
          <Figure
            label="Calm-down time"
            value={summary.calmDownSec === null ? 'did not settle to calm' : formatSeconds(summary.calmDownSec)}
            help={`From the peak until your heart rate stayed within a few beats of your resting rate for ${settings.sustainSec} seconds.`}
          />
          <Figure label="Resting heart rate used" value={summary.baselineHrBpm === null ? 'none known' : `${Math.round(summary.baselineHrBpm)} bpm`} help="Your baseline when the session ran: the median of your last calm readings." />
          <Figure label="Average heart rate" value={summary.meanHrBpm === null ? 'not available' : `${Math.round(summary.meanHrBpm)} bpm`} help="60 000 divided by the average time between beats." />
          <Figure
            label="RMSSD"
            value={summary.rmssdMs === null ? (summary.signal === 'heart-rate' ? 'needs the time between beats' : 'not available') : `${Math.round(summary.rmssdMs)} ms`}
            help="How much the time between beats changes from one beat to the next (root mean square of successive differences). Higher, against your own history, usually means more relaxed."
          />
          <Figure label="SDNN" value={summary.sdnnMs === null ? 'not available' : `${Math.round(summary.sdnnMs)} ms`} help="How much the time between beats varies overall (standard deviation)." />
          <Figure
            label="Corrected beats"
            value={`${summary.correctedBeatCount} of ${summary.beatCount} (${Math.round(summary.correctedPercent * 10) / 10} %)`}
            help={`Beats that looked like a missed, extra or misplaced beat (usually a loose strap) were corrected before any number was computed: extra beats merged with the next, missed beats split in two, others replaced by interpolation (Lipponen & Tarvainen 2019). Above ${settings.maxCorrectedPercent} % the numbers are less reliable.`}
          />
        </dl>
      ) : (
        <p>This session has no summary yet: it is still recording or was cut short before it could be summarised.</p>
      )}
      <p className="field-hint">
        Numbers from {summary ? `engine ${summary.engineVersion}` : 'no engine run'}; recorded {isoLocal(session.startedAtMs)} with {sourceWord(session.source.kind)}.
      </p>
    </section>
  );
}

function Figure({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <div className="session-number">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        <span className="field-hint">{help}</span>
      </dd>
    </div>
  );
}

function sourceWord(kind: string): string {
  return kind === 'strap' ? 'a heart-rate strap' : kind === 'demo' ? 'the demo sensor' : kind === 'replay' ? 'a replayed recording' : 'an imported file';
}
