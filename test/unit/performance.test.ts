/**
 * Guards on the hot paths (the numbers themselves come from `npm run bench`).
 * Thresholds are several times the measured medians so a loaded CI machine
 * passes, while a quadratic slip does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { benchmarks as Benchmarks, scaleGuards as ScaleGuards } from '../../bench/features.bench';
import { ROOT } from '../helpers';

// The bundle the build makes of the benchmarks: the code as it ships, not the sources through the test loader.
const { benchmarks, scaleGuards } = require(path.join(ROOT, 'out', 'bench.js')) as { benchmarks: typeof Benchmarks; scaleGuards: typeof ScaleGuards };

test('completion and hover answer in about a millisecond; a 1 MB document is scanned and checked in tens of milliseconds', () => {
  const r = benchmarks();
  console.log(JSON.stringify(r));
  assert.ok(r.completion.median < 5, `completion median ${r.completion.median} ms`);
  assert.ok(r.hover.median < 2, `hover median ${r.hover.median} ms`);
  assert.ok(r.scanJson1MB.median < 100, `1 MB JSON scan ${r.scanJson1MB.median} ms`);
  assert.ok(r.scanPython.median < 100, `1 MB Python scan ${r.scanPython.median} ms`);
  assert.ok(r.diagnosticsJson1MB.median < 150, `1 MB JSON diagnostics ${r.diagnosticsJson1MB.median} ms`);
  assert.ok(r.diagnosticsPythonWithTypos.median < 300, `1 MB Python diagnostics with typos ${r.diagnosticsPythonWithTypos.median} ms`);
});

test('at 10,000 models completion stays about a millisecond; a one-character edit of 1 MB scans a fraction of a fresh scan', () => {
  const r = scaleGuards();
  console.log(JSON.stringify(r));
  assert.ok(r.models >= 10_000);
  assert.ok(r.emptySlot.median < 20, `completion in an empty slot at ${r.models} models: ${r.emptySlot.median} ms`);
  assert.ok(r.edit.median < r.fresh.median / 2, `edit ${r.edit.median} ms against a fresh scan of ${r.fresh.median} ms`);
});
