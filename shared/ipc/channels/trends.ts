import { z } from 'zod';
import { TrendsTimelineSchema } from '../../trends/timeline.ts';
import { defineChannel } from '../channel.ts';

// Trends reads everything once: compact session points, journal markers and the weekly
// signs ratings, built in main from the records index (only the signs entries are opened).

export const trendsChannels = {
  'trends.timeline': defineChannel({
    input: z.undefined(),
    output: TrendsTimelineSchema,
    summary: 'Every finished session as a trend point, journal entries as markers, and the weekly signs ratings.',
  }),
} as const;
