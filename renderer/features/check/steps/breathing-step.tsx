import { useCallback } from 'react';
import type { FlowState, Step } from '../../../../shared/check/check-flow-types.ts';
import { breathingElapsedMs } from '../../../../shared/check/check-flow-measures.ts';
import { BREATHING_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useSettings } from '../../../app/settings-context.tsx';
import { Pacer } from '../../breathe/pacer.tsx';
import { PatternPicker } from '../../breathe/pattern-picker.tsx';
import { useCheck, useTicker } from '../check-context.tsx';
import { LiveView } from '../live-view.tsx';
import { StepHeading, useReducedMotion } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// Paced breathing, the part of the check that does the settling: the pacer to follow, the
// heart rate beside it so the user can see it work, and the verdict when they feel ready.

export function BreathingStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'breathing' }> }) {
  const { send, nowMs, pattern, setPattern, series } = useCheck();
  const { state: settingsState, update } = useSettings();
  const reducedMotion = useReducedMotion();
  useTicker(true);
  const soundCues = settingsState.status === 'ready' && settingsState.settings.breathing.soundCues;
  const paused = step.pausedAtMs !== null;
  const elapsed = useCallback(() => breathingElapsedMs(step, nowMs()), [step, nowMs]);
  return (
    <div className="check-step check-step-breathing">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead">{WORDS.lead}</p>
      <div className="breathing-layout">
        <div className="breathing-pacer">
          <Pacer pattern={pattern} elapsedMs={elapsed} paused={paused} reducedMotion={reducedMotion} soundCues={soundCues} />
          {/* The way on sits right under the pacer, so it shows without scrolling on a small window. */}
          <div className="check-actions">
            <button type="button" className="button" onClick={() => send({ type: 'finish-breathing' })}>
              {WORDS.howAmIDoing}
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: paused ? 'resume' : 'pause' })}>
              {paused ? WORDS.resume : WORDS.pause}
            </button>
          </div>
          <PatternPicker pattern={pattern} onChange={setPattern} />
          <label className="check-toggle">
            <input type="checkbox" checked={soundCues} onChange={(event) => void update({ breathing: { soundCues: event.target.checked } })} />
            {WORDS.soundCues}
          </label>
        </div>
        <LiveView sample={flow.last} series={series} baselineHrBpm={flow.baselineHrBpm} sessionSec={(nowMs() - (flow.startedAtMs ?? nowMs())) / 1000} />
      </div>
      <div className="check-actions">
        <CancelButton />
      </div>
    </div>
  );
}
