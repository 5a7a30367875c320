/** Asynchronous work on a list, a few items at a time, with the results taken in the list's order. */

/**
 * Start `work` for each item, at most `width` at once, and hand each result to `take` in the order of `items`.
 * When `take` returns false no more work is started; what is under way is awaited, and its results are dropped.
 * If `work` rejects, the rest is awaited and the first rejection is thrown.
 */
export async function inOrder<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>, take: (result: R, item: T) => boolean | void): Promise<void> {
  const queue: Array<{ item: T; result: Promise<R> }> = [];
  let next = 0;
  const fill = (): void => {
    while (next < items.length && queue.length < Math.max(1, width)) {
      const item = items[next++];
      queue.push({ item, result: work(item) });
    }
  };
  try {
    fill();
    for (let head = queue.shift(); head; head = queue.shift()) {
      if (take(await head.result, head.item) === false) return;
      fill();
    }
  } finally {
    await Promise.allSettled(queue.map((q) => q.result));
  }
}
