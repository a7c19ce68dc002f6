import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { FLOOD_CUE } from '../../../shared/content/check-copy.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import { useApi } from '../../app/attune.ts';
import { playSoftTone, type ToneContext } from '../../audio/soft-tone.ts';
import { navigate } from '../../app/hash-route.ts';
import { isBreakShortcut } from '../../app/shortcuts.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { useHeartRate } from '../../sensors/heart-rate-context.tsx';
import { createCheckController, type CheckController, type CheckSettings, type CheckSnapshot } from './check-controller.ts';

// The running check, app-wide: it lives above the screens so moving to Device (to reconnect)
// or to the Journal during a conversation does not end it. All of it is in the controller
// (check-controller.ts); this provider only hands it the source, the settings and the
// system notification, connects it while mounted, and lets screens read it.

const CheckContext = createContext<CheckController | null>(null);

export function checkSettingsFrom(settings: Settings | null): CheckSettings {
  if (settings === null) return { thresholds: {}, maxCorrectedPercent: undefined };
  const p = settings.physiology;
  return {
    thresholds: {
      floodedMinBpm: p.floodedMinBpm,
      floodedAboveBaselinePercent: p.floodedAboveBaselinePercent,
      calmAboveBaselineBpm: p.calmAboveBaselineBpm,
      sustainSec: p.sustainSec,
    },
    maxCorrectedPercent: p.maxCorrectedPercent,
    floodCueSound: settings.conversation.floodCueSound,
  };
}

export function CheckProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const heart = useHeartRate();
  const { state: settingsState } = useSettings();
  // subscribe and followBreathing act on the sensors' own registry, so these copies stay valid.
  const [controller] = useState(() =>
    createCheckController({
      api,
      scheduler: heart.scheduler,
      subscribeMeasurements: heart.subscribe,
      followBreathing: heart.followBreathing,
      showFloodCue,
    }),
  );
  useEffect(() => controller.start(), [controller]);
  useEffect(() => controller.setSource(heart.source), [controller, heart.source]);
  const settings = settingsState.status === 'ready' ? settingsState.settings : null;
  useEffect(() => controller.configure(checkSettingsFrom(settings)), [controller, settings]);
  useBreakShortcut(controller);
  return <CheckContext value={controller}>{children}</CheckContext>;
}

/** Ctrl+B / ⌘B during the conversation, on any screen: the break, shown on the Check screen. */
function useBreakShortcut(controller: CheckController): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!isBreakShortcut(event) || controller.getSnapshot().flow?.step.name !== 'conversation') return;
      event.preventDefault();
      controller.send({ type: 'need-break' });
      navigate('check');
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller]);
}

const cueTone: ToneContext = { current: null };

function showFloodCue(withSound: boolean): void {
  // A system notification with neutral words; the tray's flooded icon comes from the live status.
  // Clicking it brings the conversation forward, where "I need a break" is the first button.
  // The notification itself stays silent; the soft two-note chime is the user's choice.
  if (withSound) playFloodCueChime();
  if (typeof Notification === 'undefined') return;
  try {
    if (Notification.permission === 'denied') return;
    const notification = new Notification(FLOOD_CUE.title, { body: FLOOD_CUE.body, silent: true });
    notification.onclick = () => {
      window.focus();
      navigate('check');
    };
  } catch {
    // No notifications here (a test browser, a locked-down system): the tray still shows it.
  }
}

/** Two low notes, falling gently: a nudge, not an alarm. */
export function playFloodCueChime(): boolean {
  return playSoftTone(cueTone, 392, 392, 0.7) && playSoftTone(cueTone, 330, 330, 0.9, 0.45);
}

export type CheckView = CheckSnapshot &
  Pick<CheckController, 'nowMs' | 'series' | 'begin' | 'send' | 'setPattern' | 'reset' | 'onFinished'>;

/** The running check for a screen: its state, re-rendered as it changes, and its actions. */
export function useCheck(): CheckView {
  const controller = useContext(CheckContext);
  if (!controller) throw new Error('useCheck() needs a <CheckProvider> above it.');
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  return useMemo(
    () => ({
      ...snapshot,
      nowMs: controller.nowMs,
      series: controller.series,
      begin: controller.begin,
      send: controller.send,
      setPattern: controller.setPattern,
      reset: controller.reset,
      onFinished: controller.onFinished,
    }),
    [snapshot, controller],
  );
}

/** Re-renders every `everyMs` of real time while `active` (countdowns, time in session). */
export function useTicker(active: boolean, everyMs = 1000): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setTick((tick) => tick + 1), everyMs);
    return () => window.clearInterval(timer);
  }, [active, everyMs]);
}
