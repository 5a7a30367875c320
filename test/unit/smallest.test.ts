/** Smallest: the k smallest of a stream, as a sort of the whole stream would give them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Smallest } from '../../server/src/util/smallest';

test('the k smallest, smallest first, for random streams, k of 0 to 120, with ties and sorted input', () => {
  let seed = 11;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let trial = 0; trial < 300; trial++) {
    const k = trial % 121;
    const n = rand(400);
    const spread = [5, 1000, 1e9][trial % 3];
    const xs = Array.from({ length: n }, () => rand(spread));
    if (trial % 7 === 0) xs.sort((a, b) => a - b);
    if (trial % 11 === 0) xs.sort((a, b) => b - a);
    const s = new Smallest(k);
    for (const x of xs) s.add(x);
    assert.deepEqual([...s.sorted()], [...xs].sort((a, b) => a - b).slice(0, k), `trial ${trial}`);
    assert.equal(s.seen, n);
  }
});
