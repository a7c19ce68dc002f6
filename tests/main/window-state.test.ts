import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitToWorkAreas, readWindowState, saveWindowState } from '../../main/window-state.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const external = { x: 1440, y: 0, width: 2560, height: 1400 };
const minSize = { width: 720, height: 560 };

describe('window position memory', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  it('reopens where the window was left', () => {
    saveWindowState(dir.path, { bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: true });
    expect(readWindowState(dir.path)).toEqual({ bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: true });
    expect(fitToWorkAreas({ x: 1600, y: 100, width: 1200, height: 900 }, [laptop, external], minSize)).toEqual({
      x: 1600,
      y: 100,
      width: 1200,
      height: 900,
    });
  });

  it('brings a window back onto the laptop screen when the external monitor is gone', () => {
    const fitted = fitToWorkAreas({ x: 1600, y: 100, width: 1200, height: 900 }, [laptop], minSize);
    expect(fitted.x).toBeGreaterThanOrEqual(0);
    expect(fitted.x + fitted.width).toBeLessThanOrEqual(1440);
    expect(fitted.y + fitted.height).toBeLessThanOrEqual(860);
    expect(fitted.height).toBe(860);
  });

  it('never shrinks below the minimum size when the screen allows it', () => {
    expect(fitToWorkAreas({ x: 10, y: 10, width: 100, height: 100 }, [laptop], minSize)).toMatchObject({ width: 720, height: 560 });
  });

  it('ignores a damaged state file instead of failing to open', () => {
    writeFileSync(join(dir.path, 'window-state.json'), '{"bounds": {"x": "left"');
    expect(readWindowState(dir.path)).toBeNull();
    writeFileSync(join(dir.path, 'window-state.json'), JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false }));
    expect(readWindowState(dir.path)).toBeNull();
    saveWindowState(dir.path, { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false });
    expect(JSON.parse(readFileSync(join(dir.path, 'window-state.json'), 'utf8'))).toMatchObject({ maximized: false });
  });
});
