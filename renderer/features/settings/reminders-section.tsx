import type { ReminderSettings } from '../../../shared/model/reminder-settings.ts';
import type { Settings, WindowSettingsPatch } from '../../../shared/model/settings.ts';
import { BASELINE_STALE_AFTER_DAYS, CALM_AFTER_FLOOD_HOURS } from '../../../shared/model/reminders.ts';
import { CALIBRATION_READINGS } from '../../../shared/signal/baseline.ts';
import { useReminderStatus } from '../../app/reminder-status.ts';
import { ChoiceField, LinesField, NumberField, TimeField, ToggleField } from './fields.tsx';
import { ActiveDays, ActiveRanges, WEEKDAYS } from './reminder-hours.tsx';
import { PauseControls, ReminderHistory } from './reminder-activity.tsx';

// Reminders in Settings: pause and resume, which nudges come and when, quiet hours, start
// at login, and what became of recent reminders. Every change saves at once. The pause line
// and the history are in reminder-activity.tsx, the active days and hours in reminder-hours.tsx.

type Save = (field: string, label: string, patch: WindowSettingsPatch) => Promise<boolean>;

const WEEKDAY_OPTIONS = WEEKDAYS.map((label, day) => ({ value: String(day), label }));

/**
 * A field's value, error and save for one reminder setting. The setting's name is also the
 * field's name in the errors; `label` is how a save's outcome names it.
 */
function bindReminder(settings: ReminderSettings, errors: Record<string, string>, save: Save) {
  return <K extends keyof ReminderSettings>(field: K, label: string) => ({
    value: settings[field],
    error: errors[field],
    onCommit: (value: ReminderSettings[K]) => save(field, label, { reminders: { [field]: value } }),
  });
}

export function RemindersSection({ settings, errors, save }: { settings: Settings; errors: Record<string, string>; save: Save }) {
  const r = settings.reminders;
  const bind = bindReminder(r, errors, save);
  const { status, setStatus } = useReminderStatus();
  return (
    <>
      <p className="section-note">
        Small nudges from the tray through the day. They come only in your active hours, never in quiet hours or while
        you are in a check or a conversation, and the lock screen only ever says what kind of moment it is. Snooze one
        for an hour or skip it from the notification or the tray.
      </p>
      <PauseControls status={status} onStatus={setStatus} />

      <ToggleField
        label="Check-ins"
        hint="A short Feel → Find → Reflect moment: notice the mood, make a kind guess, check in gently."
        {...bind('checkIns', 'Check-ins')}
      />
      {r.checkIns ? (
        <>
          <NumberField
            label="Check-ins a day"
            hint={
              status?.fewerBecauseSkipped
                ? `Most check-ins this past week went by, so Attune is sending ${status.checkInsPerDay} a day for now. Taking some up brings the full number back.`
                : 'Spread across your active hours, at slightly different times each day. From 1 to 12.'
            }
            {...bind('checkInsPerDay', 'Check-ins a day')}
            min={1}
            max={12}
            onUnreadable={() => undefined}
          />
          <LinesField
            label="Check-in phrases"
            hint="One a line. A check-in shows one of them inside Attune, never on the lock screen. Make them sound like you."
            {...bind('phrases', 'Check-in phrases')}
          />
        </>
      ) : null}

      <ToggleField label="Daily journal prompt" {...bind('journalPrompt', 'Daily journal prompt')} />
      {r.journalPrompt ? (
        <TimeField label="Journal prompt at" {...bind('journalTime', 'Journal prompt time')} />
      ) : null}

      <ToggleField label="Weekly look back at the signs of progress" {...bind('weeklyProgress', 'Weekly look back')} />
      {r.weeklyProgress ? (
        <>
          <ChoiceField
            label="On"
            value={String(r.weeklyDay)}
            options={WEEKDAY_OPTIONS}
            error={errors['weeklyDay']}
            onCommit={(day) => save('weeklyDay', 'Weekly day', { reminders: { weeklyDay: Number(day) } })}
          />
          <TimeField label="At" {...bind('weeklyTime', 'Weekly time')} />
        </>
      ) : null}

      <ToggleField
        label="Tell me when a break is over"
        hint="This one comes even in quiet hours or a pause: you chose to take the break."
        {...bind('breakOver', 'Break over')}
      />
      <ToggleField label="Bring back repair agreements on their date" {...bind('agreementFollowUps', 'Agreement follow-ups')} />
      <ToggleField
        label="Ask for a resting reading on calm days"
        hint={`Once a day at most, never within ${CALM_AFTER_FLOOD_HOURS} hours of flooding, until your resting rate has ${CALIBRATION_READINGS} readings; then after ${BASELINE_STALE_AFTER_DAYS} days without one.`}
        {...bind('restingReadings', 'Resting readings')}
      />

      <section className="settings-subsection" aria-labelledby="settings-reminder-hours">
        <h3 id="settings-reminder-hours">When reminders may come</h3>
        <ActiveDays {...bind('activeDays', 'Active days')} />
        <ActiveRanges {...bind('activeRanges', 'Active hours')} />
        <ToggleField label="Quiet hours" {...bind('quietHours', 'Quiet hours')} />
        {r.quietHours ? (
          <div className="time-pair">
            <TimeField label="Quiet from" {...bind('quietStart', 'Quiet from')} />
            <TimeField label="Quiet until" {...bind('quietEnd', 'Quiet until')} />
          </div>
        ) : null}
        <ToggleField
          label="Respect the system's do-not-disturb"
          hint={
            status?.doNotDisturbSource === 'quiet-hours'
              ? 'Attune cannot read do-not-disturb on this computer, so your quiet hours stand in for it.'
              : 'While do-not-disturb is on, reminders wait.'
          }
          {...bind('respectDoNotDisturb', 'Do-not-disturb')}
        />
        <ToggleField
          label="Start Attune with my computer"
          hint="It starts quietly in the tray, without opening the window."
          {...bind('startAtLogin', 'Start with my computer')}
        />
      </section>

      <ReminderHistory status={status} />
    </>
  );
}
