// Bumped whenever a change to shared/signal can change a reported number, so stored session
// summaries and CLI output can say which engine produced them.
// 1.1.0: issue 14's cleaning (count errors first, threshold windows a stream can have, the
// long/short and ectopic guards), the live filter equal to it, and gaps kept apart in batch.
export const ENGINE_VERSION = '1.1.0';
