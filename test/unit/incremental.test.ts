/**
 * Scanning and checking again after an edit gives exactly what a fresh open gives: thousands of random edits
 * (characters that open and close structures and strings, commas, names, whole lines) on documents of several
 * languages, each scanned from the scan before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan, type Candidate, type Container, type ScanResult } from '../../server/src/scanner';
import { changedSpan, rescanSteps } from '../../server/src/scanner/incremental';
import { drain } from '../../server/src/util/steps';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonConfig, pythonModule } from '../../bench/fixtures';
import { checkText } from '../../server/src/diagnostics/engine';
import { RuleMemo } from '../../server/src/diagnostics/memo';
import { buildRegistry, type ParsedDocument } from '../../server/src/registry';
import { readSettings } from '../../server/src/settings';
import { ROOT } from '../helpers';

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['"', "'", ',', '[', ']', '{', '}', '(', ')', ':', '=', ' ', '\n', '#', '//', '/*', '*/', '"model": "gpt-4o-mini"', 'azure__openai__gpt_4o_minii', '"max_tokens": 99999', 'x', '0', '"a", "b", "c", "d", "e", "f"', 'model="claude-3-haiku-20240307"', '\\'];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const remove = rnd() < 0.5 ? Math.floor(rnd() * 12) : 0;
  const insert = rnd() < 0.8 ? PIECES[Math.floor(rnd() * PIECES.length)] : '';
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
}

const containerShape = (c: Container): unknown => ({ kind: c.kind, key: c.key, callee: c.callee, start: c.start, about: c.about === true, pairs: [...c.pairs].map(([k, v]) => [k, v.text, v.start, v.end, v.kind]) });
const candidateShape = (c: Candidate): unknown => ({ value: c.value, key: c.key, reason: c.reason, where: c.where, about: c.about, container: containerShape(c.container), parent: c.container.parent ? containerShape(c.container.parent) : null });
const shape = (r: ScanResult) => ({ candidates: r.candidates.map(candidateShape), comments: r.comments });

const big = (n: number) => `[\n${Array.from({ length: n }, (_, i) => `  {"name": "agent ${i}", "basic_text": {"model": "azure__openai__gpt_4o_mini", "num_tokens_for_completion": ${i}}, "models": ["gpt-4o", "gpt-4.1"]}`).join(',\n')}\n]\n`;
const js = (n: number) => `export const agents = [\n${Array.from({ length: n }, (_, i) => `  { id: ${i}, model: "gpt-4o-mini", max_tokens: ${i * 10}, tools: [call("x", ${i}), "claude-3-haiku-20240307"] }`).join(',\n')}\n];\n`;

const DOCS: Array<[string, string]> = [
  ['json', jsonConfig(40_000)],
  ['json', big(300)],
  ['javascript', js(300)],
  ['python', pythonModule(300)],
  ['yaml', 'model: gpt-4o\nitems:\n  - a\n  - b\n'.repeat(200)],
];

test('random edits: the scan from the scan before equals a fresh scan, edit after edit', { timeout: 300_000 }, () => {
  let resumed = 0;
  for (const [d, [languageId, start]] of DOCS.entries()) {
    const rnd = random(1000 + d);
    let text = start;
    let previous = scan(text, languageId);
    for (let i = 0; i < 300; i++) {
      const next = edit(text, rnd);
      const incremental = drain(rescanSteps(text, previous, next, languageId));
      const fresh = scan(next, languageId);
      assert.deepEqual(shape(incremental), shape(fresh), `${languageId} document ${d}, edit ${i}`);
      if (incremental.checkpoints && fresh.checkpoints && incremental.checkpoints !== fresh.checkpoints) resumed++;
      text = next;
      previous = incremental;
    }
  }
  assert.ok(resumed > 0);
});

test('a file cut short after a checkpoint: the pairs found after the cut are not kept', () => {
  for (const languageId of ['json', 'json5', 'javascript']) {
    const before = `{"model": "gpt-4o", "list": [${Array.from({ length: 600 }, (_, i) => `"item ${i}"`).join(', ')}], "max_tokens": 99999}`;
    const after = before.slice(0, 3000);
    const incremental = drain(rescanSteps(before, scan(before, languageId), after, languageId));
    assert.deepEqual(shape(incremental), shape(scan(after, languageId)), languageId);
    // Large cuts and pastes anywhere, too.
    const rnd = random(99);
    let text = before;
    let previous = scan(text, languageId);
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(rnd() * text.length);
      const next = rnd() < 0.5 ? text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(rnd() * 3000))) : text.slice(0, at) + before.slice(0, Math.floor(rnd() * 2000)) + text.slice(at);
      const again = drain(rescanSteps(text, previous, next, languageId));
      assert.deepEqual(shape(again), shape(scan(next, languageId)), `${languageId}, edit ${i}`);
      text = next;
      previous = again;
    }
  }
});

test('the changed span of two texts', () => {
  assert.deepEqual(changedSpan('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changedSpan('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
  assert.deepEqual(changedSpan('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changedSpan('abc', ''), { start: 0, oldEnd: 3, newEnd: 0 });
});

const INDEX = path.join(ROOT, 'out', 'registry-index.json');

test('random edits: the check with the rules carried over equals a fresh check', { timeout: 300_000, skip: !existsSync(INDEX) && 'needs the compiled registry (npm run build)' }, () => {
  const index = JSON.parse(readFileSync(INDEX, 'utf8')) as { documents: ParsedDocument[] };
  const registry = buildRegistry([index.documents]);
  const settings = readSettings({ maxProblems: 40 });
  const docs: Array<[string, string]> = [
    ['json', big(200).replace(/gpt-4\.1/g, (m, at: number) => (at % 3 === 0 ? 'gpt-4.1-minii' : m))],
    ['javascript', js(200).replace(/max_tokens: (\d+)/g, (_m, n: string) => `max_tokens: ${Number(n) * 9}`)],
    ['json', `[${Array.from({ length: 600 }, (_, i) => `{"model": "azure__openai__gpt_4o_mini${'i'.repeat(i % 3)}", "note": "x${i}"}`).join(',\n')}]`],
  ];
  let carried = 0;
  let replayed = 0;
  /** Counts the candidates whose results were carried over. */
  class CountingMemo extends RuleMemo {
    override replay(...args: Parameters<RuleMemo['replay']>): ReturnType<RuleMemo['replay']> {
      const kept = super.replay(...args);
      if (kept) replayed++;
      return kept;
    }
  }
  for (const [d, [languageId, start]] of docs.entries()) {
    const rnd = random(7000 + d);
    const memo = new CountingMemo();
    let text = start;
    let previous = scan(text, languageId);
    for (let i = 0; i < 150; i++) {
      const next = edit(text, rnd);
      const scanned = drain(rescanSteps(text, previous, next, languageId));
      const incremental = checkText({ text: next, languageId, registry, settings, scan: scanned, memo, path: 'agents.json' });
      const fresh = checkText({ text: next, languageId, registry, settings, path: 'agents.json' });
      assert.deepEqual(incremental, fresh, `${languageId} document ${d}, edit ${i}`);
      carried += scanned.candidates.filter((c) => previous.candidates.includes(c)).length > 0 ? 1 : 0;
      text = next;
      previous = scanned;
    }
  }
  assert.ok(carried > 100, `scans that carried candidates over: ${carried}`);
  assert.ok(replayed > 3000, `candidates whose findings were carried over: ${replayed}`);
});
