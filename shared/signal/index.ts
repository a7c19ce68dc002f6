// Public surface of the heart-signal engine. Import from here outside shared/signal.
export * from './version.ts';
export * from './availability.ts';
export * from './time-domain.ts';
export * from './frequency-domain.ts';
export * from './coherence.ts';
export * from './artefact-correction.ts';
export * from './rr-range.ts';
export * from './analyze-recording.ts';
export * from './synthetic-rr.ts';
export * from './live-beat-filter.ts';
export * from './streaming-analyser.ts';
export * from './regulation-rules.ts';
export * from './baseline.ts';
export * from './verdict.ts';
export * from './resample.ts';
export * from './welch.ts';
export * from './cubic-spline.ts';
