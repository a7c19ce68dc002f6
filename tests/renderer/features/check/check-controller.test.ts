// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { BREATHING_PRESET_SPECS } from '../../../../shared/check/breathing.ts';
import { NO_BEATS_HINT_MS, READING_SEC, SIGNAL_CHECK_CLEAN_SEC } from '../../../../shared/check/check-flow-types.ts';
import type { DemoScenario } from '../../../../shared/sensors/demo-physiology.ts';
import { createCheckController, type CheckController } from '../../../../renderer/features/check/check-controller.ts';
import { createDemoSource } from '../../../../renderer/sensors/demo-source.ts';
import type { HeartRateSource } from '../../../../renderer/sensors/heart-rate-source.ts';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// The check's controller on its own, in Node: the real main-side services in process, the
// demo heart and the controller's sample timer on one manual clock. What the screens show of
// each step is the component tests' business; this is the orchestration underneath.

const PATTERN = BREATHING_PRESET_SPECS['long-exhale-4-6'];

type Rig = {
  main: InProcessApi;
  scheduler: ManualScheduler;
  demo: HeartRateSource;
  controller: CheckController;
  stop: () => void;
  floodCues: number;
  notified: number;
};

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    rig.stop();
    rig.controller.dispose();
    await rig.demo.disconnect();
    await rig.main.close();
  }
});

async function rig(scenario: DemoScenario | null): Promise<Rig> {
  const scheduler = createManualScheduler(Date.parse('2026-12-01T18:00:00Z'));
  const main = createInProcessApi();
  const demo = createDemoSource({ scheduler, scenario: scenario ?? 'calm', seed: 7 });
  const made: Rig = {
    main,
    scheduler,
    demo,
    floodCues: 0,
    notified: 0,
    stop: () => {},
    controller: createCheckController({
      api: main.api,
      scheduler,
      subscribeMeasurements: (listener) => demo.on('measurement', listener),
      followBreathing: (cue) => demo.followBreathing(cue),
      showFloodCue: () => {
        made.floodCues += 1;
      },
    }),
  };
  made.controller.subscribe(() => {
    made.notified += 1;
  });
  made.controller.setSource(demo);
  made.stop = made.controller.start();
  if (scenario !== null) await demo.connect();
  rigs.push(made);
  return made;
}

/** Moves the shared clock in one-second steps, letting main's answers land between them. */
async function advance(scheduler: ManualScheduler, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 1000) await scheduler.advanceAsync(Math.min(1000, left));
}

async function answered(main: InProcessApi): Promise<void> {
  await expect.poll(() => main.pendingCalls()).toBe(0);
}

async function sessions(main: InProcessApi) {
  const result = await main.api.invoke('session.list', { fromMs: 0, toMs: Date.parse('2100-01-01') });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the check controller', () => {
  it('takes a resting reading from the source’s beats, records it and says when it is saved', async () => {
    const { main, scheduler, controller } = await rig('calm');
    let saved = 0;
    controller.onFinished(() => (saved += 1));
    controller.begin('calibration', null, PATTERN);
    expect(controller.getSnapshot().flow?.step.name).toBe('signal-check');
    await advance(scheduler, (SIGNAL_CHECK_CLEAN_SEC + 5) * 1000);
    expect(controller.getSnapshot().flow?.step.name).toBe('reading');
    await advance(scheduler, (READING_SEC + 2) * 1000);
    expect(controller.getSnapshot().flow?.step.name).toBe('calibrated');
    await answered(main);
    await expect.poll(() => saved).toBe(1);
    const [reading] = await sessions(main);
    expect(reading).toMatchObject({ kind: 'calibration', status: 'finished', sourceKind: 'demo' });
    expect(reading!.beatCount).toBeGreaterThan(60);
    expect(controller.getSnapshot().sessionId).toBe(reading!.id);
    expect(controller.series.length).toBeGreaterThanOrEqual(reading!.beatCount);
  });

  it('reads against the baseline, marks each phase in the session and keeps the tray told', async () => {
    const { main, scheduler, controller } = await rig('elevated');
    controller.begin('check', 62, PATTERN);
    await advance(scheduler, (SIGNAL_CHECK_CLEAN_SEC + READING_SEC + 8) * 1000);
    const flow = controller.getSnapshot().flow;
    expect(flow?.step.name).toBe('result');
    if (flow?.step.name !== 'result') throw new Error('no result');
    expect(flow.step.reading.state).not.toBe('calm');
    await answered(main);
    const [check] = await sessions(main);
    const detail = await main.api.invoke('session.get', { sessionId: check!.id });
    if (!detail.ok) throw new Error(detail.error.message);
    const phases = detail.value.session.markers.map((marker) => `${marker.phase}:${marker.edge}`);
    expect(phases).toEqual(expect.arrayContaining(['signal-check:start', 'signal-check:end', 'reading:start', 'reading:end']));
    expect(main.services.reminders.liveStatus.get()).toMatchObject({ connected: true, state: flow.step.reading.state });
  });

  it('notices a silent source on its own timer, with no beats to wake it', async () => {
    const { scheduler, controller } = await rig(null);
    controller.begin('check', 62, PATTERN);
    await advance(scheduler, NO_BEATS_HINT_MS + 2000);
    const flow = controller.getSnapshot().flow;
    expect(flow?.step.name === 'signal-check' && flow.step.problem).toBe('no-beats');
  });

  it('once disconnected, records nothing more and drops the answers still on their way', async () => {
    const made = await rig('calm');
    const { main, scheduler, controller } = made;
    controller.begin('calibration', null, PATTERN);
    await advance(scheduler, 3000);
    // The session's start is still with main when the window goes away.
    expect(main.pendingCalls()).toBeGreaterThan(0);
    const beatsBefore = controller.series.length;
    made.stop();
    const notifiedAtStop = made.notified;
    await answered(main);
    await advance(scheduler, 20_000);
    expect(controller.series.length).toBe(beatsBefore);
    expect(made.notified).toBe(notifiedAtStop);
    expect(controller.getSnapshot().sessionId).toBeNull();
    // Its own timer is gone: only the demo heart's remain, and none once it stops too.
    await made.demo.disconnect();
    expect(scheduler.pending()).toBe(0);
  });

  it('connects again after a disconnect (a remount), and cannot be started once disposed', async () => {
    const made = await rig('calm');
    made.stop();
    made.stop = made.controller.start();
    made.controller.begin('calibration', null, PATTERN);
    await advance(made.scheduler, 5000);
    expect(made.controller.series.length).toBeGreaterThan(0);
    made.stop();
    made.controller.dispose();
    expect(() => made.controller.start()).toThrow(/disposed/);
  });
});
