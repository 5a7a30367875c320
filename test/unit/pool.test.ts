/** inOrder: bounded parallel work whose results are taken in the list's order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inOrder } from '../../server/src/util/pool';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

test('results come in the order of the items, whatever order the work ends in, never more than width at once', async () => {
  let running = 0;
  let most = 0;
  const taken: number[] = [];
  await inOrder([5, 1, 4, 2, 3, 0], 3, async (n) => {
    most = Math.max(most, ++running);
    const r = await later(n * 10, n * 3);
    running--;
    return r;
  }, (r) => {
    taken.push(r);
  });
  assert.deepEqual(taken, [50, 10, 40, 20, 30, 0]);
  assert.equal(most, 3);
});

test('take returning false starts no more work, and what was under way is awaited', async () => {
  const started: number[] = [];
  let settled = 0;
  const taken: number[] = [];
  await inOrder([1, 2, 3, 4, 5, 6], 2, async (n) => {
    started.push(n);
    await later(0, 2);
    settled++;
    return n;
  }, (n) => {
    taken.push(n);
    return n < 2;
  });
  assert.deepEqual(taken, [1, 2]);
  assert.deepEqual(started, [1, 2, 3]);
  assert.equal(settled, 3);
});

test('a rejection is thrown once the rest has settled', async () => {
  let settled = 0;
  await assert.rejects(
    inOrder([1, 2, 3], 3, async (n) => {
      await later(0, n);
      settled++;
      if (n === 1) throw new Error('one');
      return n;
    }, () => true),
    /one/,
  );
  assert.equal(settled, 3);
});
