/**
 * How this process's heap is run, and giving back the memory of a large load. Reading thousands of card files leaves the heap grown to its peak; one full
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

/** How long after a large load the engine is given a second collection: by then the server is usually idle. */
const QUIET_MS = 6000;
let quiet: ReturnType<typeof setTimeout> | null = null;

/**
 * One more full collection a few seconds from now (a later call moves it). Right after a load the engine keeps its
 * young generation at the size the load grew it to (about 32 MB); it shrinks it only at a collection made while
 * little is being allocated, which an idle server may never make by itself.
 */
export function collectWhenQuiet(): void {
  if (quiet) clearTimeout(quiet);
  quiet = setTimeout(() => {
    quiet = null;
    collectGarbage();
  }, QUIET_MS);
  quiet.unref();
}

/**
 * Turn off V8's allocation-site pretenuring for this process (the Node server and the CLI call it first). A check
 * makes tens of thousands of objects that live until its result is given: a scan's structures, values and
 * candidates. Once a large load has taught the engine that such objects survive (the registry built a second time,
 * then a large file checked), it places them straight in the old generation, and every later collection of the young
 * one costs several times more: the check of 1 MB of JSON went from 10 to 15 ms and stayed there. With it off the
 * check keeps its speed, and card loading and memory are unchanged (see the README's Speed section).
 */
export function keepAllocationsYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
