// Journal formatting of one long entry (keys in `npm run bench`):
// - journalFormat50kMs: parsing a 50,000-character entry into the blocks the window draws,
//   the slowest of four kinds of entry (unmatched stars, unmatched underscores, unmatched
//   strong markers, ordinary prose with emphasis), each the median of 5 runs after a warm-up.
//   Goal ≤ 20. Before the closers were looked up in a table, the unmatched kinds took 5 to 12
//   seconds, during which the window froze.
// Plain Node 22 type stripping runs this file: erasable TypeScript and .ts imports only.
import { parseLightFormat } from '../../shared/journal/light-format.ts';
import { medianMs } from './timing.ts';

const LENGTH = 50_000;

function entryOf(unit: string): string {
  return unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
}

const ENTRIES = [
  entryOf('*a '),
  entryOf('_a '),
  entryOf('**a '),
  entryOf('I felt my *jaw* tighten and **stopped**, then we talked it through. '),
];

export async function run(): Promise<Record<string, number>> {
  const slowest = Math.max(...ENTRIES.map((entry) => medianMs(() => parseLightFormat(entry))));
  return { journalFormat50kMs: slowest };
}
