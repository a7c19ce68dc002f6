import type { TrendRange } from '../../../shared/trends/aggregate.ts';
import type { SessionKind } from '../../../shared/trends/sessions-list.ts';
import { SessionsList } from './sessions-list.tsx';
import { TrendsViews } from './sessions-list-nav.tsx';

// Trends → Sessions as a chunk of its own: the list needs none of the charts (recharts is
// most of the Trends chunk), so opening it never waits for them. trends-screen.tsx loads it.

export default function SessionsListArea({ kind, range }: { kind: SessionKind | null; range: TrendRange }) {
  return (
    <>
      <TrendsViews current="sessions" />
      <SessionsList kind={kind} range={range} />
    </>
  );
}
