// The smoke test's injected clock. The built bundle reads the time through Date (Date.now()
// and `new Date()`), so the boot script swaps in a Date whose "now" it can move forward,
// before the bundle loads. Time then passes when the test says, not when the machine gets
// round to it: a loaded machine makes the run slower, never different.

export type AdjustableClock = { advance(ms: number): void };

export function installAdjustableClock(): AdjustableClock {
  const RealDate = Date;
  let offsetMs = 0;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  return {
    advance(ms) {
      offsetMs += ms;
    },
  };
}
