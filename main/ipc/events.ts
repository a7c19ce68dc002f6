import type { z } from 'zod';

// Pushes typed events to the window. Payloads are checked against the contract before
// they leave main, so the renderer can trust their shape.

export type EventSink = (event: string, payload: unknown) => void;

export type EventEmitter<E extends Record<string, z.ZodType>> = {
  emit<K extends keyof E & string>(event: K, payload: z.input<E[K]>): void;
};

export function createEventEmitter<E extends Record<string, z.ZodType>>(events: E, sink: EventSink): EventEmitter<E> {
  return {
    emit(event, payload) {
      const schema = events[event];
      if (!schema) throw new Error(`Unknown event ${event}`);
      sink(event, schema.parse(payload));
    },
  };
}
