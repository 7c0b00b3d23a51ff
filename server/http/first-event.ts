/**
 * Waiting for the first of several events of a stream, in the HTTP stage: a streamed body waits for
 * 'drain' or 'close', a refusal of the parser for the earlier response's 'finish' or 'close'. Every
 * listener it adds is removed once one fires.
 */
import type { EventEmitter } from 'node:events';

/** `await firstEvent(res, ['drain', 'close'])` resolves on whichever comes first. */
export function firstEvent(emitter: EventEmitter, events: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of events) emitter.off(event, done);
      resolve();
    };
    for (const event of events) emitter.on(event, done);
  });
}
