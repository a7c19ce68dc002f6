import { useId, useState, type FormEvent } from 'react';
import { DEBRIEF_SCALE } from '../../../../shared/content/check-copy.ts';
import { DEBRIEF_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { COUNSELLOR_WORDS } from '../../../../shared/content/counsellor-words.ts';
import { debriefEntryText, PARTNER_CUES, PARTNER_DEBRIEF_WORDS, PARTNER_NOTE_MAX_CHARS } from '../../../../shared/content/partner-noticing.ts';
import { DEFAULT_PHYSIOLOGY_SETTINGS } from '../../../../shared/model/settings.ts';
import { floodedRepeatedly } from '../../../../shared/trends/repeated-flooding.ts';
import { useDataClient } from '../../../app/data-client.ts';
import { useIpcQuery } from '../../../app/ipc-query.ts';
import { useSettings } from '../../../app/settings-context.tsx';
import { useCheck } from '../check-context.tsx';
import '../partner-noticing.css';
import { StepHeading } from '../step-parts.tsx';

// After the conversation, a moment to note how it went while it is fresh. It becomes a journal
// entry linked to this check's session, so later the feeling and the body can be read together.
// Skipping is as easy as saving. It also asks, optionally, what you noticed in your partner: the
// cues ticked go into the entry's cues (the journal's own vocabulary), a few words of your own
// into its text, so the entry view shows them beside how it went. After the body has flooded
// in several recent checks, one calm line under the buttons says a couples counsellor can help:
// here, where the person is already looking back, rather than as an interruption.

export function DebriefStep() {
  const data = useDataClient();
  const { send, sessionId, nowMs, flow } = useCheck();
  // This check is still recording, so the timeline does not hold it yet: it counts as flooded
  // when its reading was flooded or its verdict said to take a break (as Trends will count it).
  const counsellorLine = useRepeatedFlooding(nowMs, flow?.reading?.state === 'flooded' || flow?.verdict?.kind === 'take-a-break');
  const id = useId();
  const [scale, setScale] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [partnerCues, setPartnerCues] = useState<readonly string[]>([]);
  const [partnerNote, setPartnerNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const chosen = scale === null ? null : DEBRIEF_SCALE[scale]!;
    const result = await data.call('journal.create', {
      title: WORDS.entryTitle(chosen?.label ?? null),
      text: debriefEntryText(text, partnerNote),
      kind: 'debrief',
      cues: PARTNER_CUES.filter((cue) => partnerCues.includes(cue.id)).map((cue) => cue.id),
      pleasantness: chosen?.pleasantness ?? null,
      ...(sessionId === null ? {} : { sessionIds: [sessionId] }),
    });
    setSaving(false);
    if (result.ok) send({ type: 'debrief-done', entryId: result.value.id, pleasantness: chosen?.pleasantness ?? null });
    else setProblem(result.message);
  };

  return (
    <form className="check-step" onSubmit={(event) => void save(event)}>
      <StepHeading>{WORDS.heading}</StepHeading>
      <fieldset className="debrief-scale">
        <legend>{WORDS.scaleLegend}</legend>
        {DEBRIEF_SCALE.map((option, index) => (
          <label key={option.label}>
            <input type="radio" name={`${id}-scale`} checked={scale === index} onChange={() => setScale(index)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-text`}>{WORDS.noteLabel}</label>
      <textarea id={`${id}-text`} rows={4} value={text} onChange={(event) => setText(event.target.value)} maxLength={5000} />
      <fieldset className="debrief-partner">
        <legend>{PARTNER_DEBRIEF_WORDS.cuesLegend}</legend>
        <div className="debrief-partner-cues">
          {PARTNER_CUES.map((cue) => (
            <label key={cue.id} className="field-toggle">
              <input
                type="checkbox"
                className="checkbox"
                checked={partnerCues.includes(cue.id)}
                onChange={() => setPartnerCues((ticked) => (ticked.includes(cue.id) ? ticked.filter((c) => c !== cue.id) : [...ticked, cue.id]))}
              />
              <span>{cue.label}</span>
            </label>
          ))}
        </div>
        <label htmlFor={`${id}-partner`}>{PARTNER_DEBRIEF_WORDS.noteLabel}</label>
        <input id={`${id}-partner`} className="control" value={partnerNote} onChange={(event) => setPartnerNote(event.target.value)} maxLength={PARTNER_NOTE_MAX_CHARS} />
      </fieldset>
      <p className="check-problem" role="status">
        {problem ?? ''}
      </p>
      <div className="check-actions">
        <button type="submit" className="button" disabled={saving}>
          {WORDS.save}
        </button>
        <button type="button" className="button button-quiet" onClick={() => send({ type: 'debrief-done' })}>
          {WORDS.skip}
        </button>
      </div>
      {counsellorLine && (
        <p className="field-hint counsellor-line" data-testid="counsellor-line">
          {COUNSELLOR_WORDS.afterRepeatedFlooding}
        </p>
      )}
    </form>
  );
}

/** Whether the checks of the last two weeks flooded repeatedly; false until known (nothing shows while reading). */
function useRepeatedFlooding(nowMs: () => number, floodedNow: boolean): boolean {
  const timeline = useIpcQuery('trends.timeline', undefined);
  const { state } = useSettings();
  if (timeline.status !== 'ready') return false;
  const rule = state.status === 'ready' ? state.settings.physiology : DEFAULT_PHYSIOLOGY_SETTINGS;
  return floodedRepeatedly(timeline.value.sessions, nowMs(), rule, floodedNow);
}
