/**
 * Giving back the memory of a large load. Reading thousands of card files leaves the heap grown to its peak; one full
 * collection right after returns what the load no longer holds (about 17 MB at 10,000 cards) instead of waiting for
 * the engine to do it on its own, which an idle server may never.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** Run one full garbage collection if the engine allows it here (quietly nothing otherwise). */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
