import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// The window comes back where the user left it: same size and place, maximised or not.
// A saved position that no longer fits any screen (a monitor was unplugged) is pulled back
// onto the nearest one instead of opening off-screen.

export type Rect = { x: number; y: number; width: number; height: number };

export const WindowStateSchema = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

const MIN_VISIBLE_PX = 80;

/** Returns bounds that are at least partly on a screen, resized to fit it if needed. */
export function fitToWorkAreas(bounds: Rect, workAreas: readonly Rect[], minSize: { width: number; height: number }): Rect {
  if (workAreas.length === 0) return bounds;
  const visibleOn = workAreas.find((area) => overlap(bounds, area).width >= MIN_VISIBLE_PX && overlap(bounds, area).height >= MIN_VISIBLE_PX);
  const area = visibleOn ?? nearest(bounds, workAreas);
  const width = clamp(bounds.width, minSize.width, area.width);
  const height = clamp(bounds.height, minSize.height, area.height);
  if (visibleOn) return { ...bounds, width, height };
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

export function readWindowState(directory: string): WindowState | null {
  const path = join(directory, 'window-state.json');
  if (!existsSync(path)) return null;
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    // A damaged window-state file only costs the window its old place.
    return null;
  }
}

export function saveWindowState(directory: string, state: WindowState): void {
  try {
    // Temp file + rename so a crash mid-write leaves the old state, never half a file.
    const path = join(directory, 'window-state.json');
    writeFileSync(`${path}.tmp`, JSON.stringify(state));
    renameSync(`${path}.tmp`, path);
  } catch {
    // Not worth bothering the user about; the window opens at its default place next time.
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function nearest(bounds: Rect, areas: readonly Rect[]): Rect {
  const centre = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
  let best = areas[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const area of areas) {
    const dx = centre.x - (area.x + area.width / 2);
    const dy = centre.y - (area.y + area.height / 2);
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = area;
      bestDistance = distance;
    }
  }
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(Math.min(value, max), Math.min(min, max));
}
