// Bumped whenever a change to shared/signal can change a reported number, so stored session
// summaries and CLI output can say which engine produced them.
export const ENGINE_VERSION = '1.0.0';
