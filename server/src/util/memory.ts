/**
 * How this process's heap is run, and giving back the memory of a large load. Reading thousands of card files leaves
 * the heap grown to its peak; full collections right after return what the load no longer holds instead of waiting
 * for the engine to do it on its own, which an idle server may never.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Run full garbage collections if the engine allows it here (quietly nothing otherwise): `times` of them in a row.
 * After a large load two give back more than one: at 10,000 cards, resident memory 300 ms after the load was
 * 137–142 MB with two and 140–156 MB with one (eight loads each), for a pause of 54–81 ms against 30–53 ms.
 */
export function collectGarbage(times = 1): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  for (let i = 0; i < times && collect; i++) collect();
}

/**
 * How long the engine is left alone before each of the collections that follow a large load: it judges the rate of
 * allocation over its last five seconds.
 */
const QUIET_MS = 5500;
/** How many such collections at most: the first or the second gives the young generation back, as a rule. */
const QUIET_TRIES = 4;
/** Above this size the young generation is still the size a load grew it to. */
const GROWN_YOUNG_BYTES = 8 * 1024 * 1024;
let quiet: ReturnType<typeof setTimeout> | null = null;

/**
 * A few more full collections, a few seconds apart, until the young generation has shrunk (a later call starts
 * again). Right after a load the engine keeps its young generation at the size the load grew it to (about 32 MB);
 * it shrinks it only at a collection that finds little allocated over the five seconds before, which an idle
 * server may never make by itself.
 */
export function collectWhenQuiet(tries = QUIET_TRIES): void {
  if (quiet) clearTimeout(quiet);
  quiet = setTimeout(() => {
    quiet = null;
    // The engine gives the young generation back only when it sees allocation slow but not stopped (a rate of
    // exactly nothing leaves it as it is): a few hundred bytes make the rate it sees small rather than zero.
    const pulse = new Array<number>(64).fill(tries);
    collectGarbage();
    void pulse;
    if (tries > 1 && youngGenerationBytes() > GROWN_YOUNG_BYTES) collectWhenQuiet(tries - 1);
  }, QUIET_MS);
  quiet.unref();
}

function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
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
