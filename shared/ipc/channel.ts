import type { z } from 'zod';

/** One request/response channel: its input and output schemas and a line saying what it does. */
export type ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  summary: string;
};

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}
