/** The five documents the product was specified from parse into the models they describe. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildRegistry, parseDocument, type ParsedDocument } from '../../server/src/registry';
import { SEEDS } from '../helpers';

const seeds = new Map<string, ParsedDocument>();
for (const f of readdirSync(SEEDS).sort()) seeds.set(f.slice(0, 3), parseDocument(f, readFileSync(path.join(SEEDS, f), 'utf8')));

test('000: English Box card for azure__openai__gpt_4o_mini', () => {
  const d = seeds.get('000')!;
  assert.equal(d.kind, 'card');
  if (d.kind !== 'card') return;
  assert.equal(d.lang, 'en');
  assert.equal(d.facts.name?.value, 'azure__openai__gpt_4o_mini');
  assert.equal(d.facts.contextWindow?.value, 128_000);
  assert.equal(d.facts.maxOutputTokens?.value, 16_000);
  assert.equal(d.facts.releaseDate?.value, '2024-07-18');
  assert.equal(d.facts.knowledgeCutoff?.value, '2023-10');
  assert.equal(d.facts.throughput?.value, 85.4);
  assert.match(d.docsUrl ?? '', /^https:\/\/learn\.microsoft\.com\//);
  assert.deepEqual(d.diagnostics, []);
});

test('001: Japanese Box card for azure__openai__gpt_o4_mini', () => {
  const d = seeds.get('001')!;
  assert.equal(d.kind === 'card' && d.lang, 'ja');
  if (d.kind !== 'card') return;
  assert.equal(d.facts.name?.value, 'azure__openai__gpt_o4_mini');
  assert.equal(d.facts.contextWindow?.value, 200_000);
  assert.equal(d.facts.maxOutputTokens?.value, 100_000);
  assert.equal(d.facts.releaseDate?.value, '2025-04-16');
  assert.equal(d.facts.throughput?.value, null);
  assert.equal(d.facts.throughput?.raw, '指定なし');
  assert.equal(d.facts.openSource?.value, false);
});

test('002: Japanese Box card for GPT-4.1 mini, whose API name breaks the naming rules', () => {
  const d = seeds.get('002')!;
  assert.equal(d.kind === 'card' && d.lang, 'ja');
  if (d.kind !== 'card') return;
  assert.equal(d.facts.name?.value, 'azure__openai__gpt_4.1_mini');
  assert.equal(d.facts.contextWindow?.value, 1_000_000);
  assert.equal(d.facts.maxOutputTokens?.value, 32_000);
  assert.deepEqual(
    d.diagnostics.map((x) => [x.code, x.suggestions]),
    [['name-format', ['azure__openai__gpt_4_1_mini']]],
  );
});

test('003: Azure catalogue page for gpt-4o-mini, facts from tables and prose', () => {
  const d = seeds.get('003')!;
  assert.equal(d.kind, 'catalogue');
  if (d.kind !== 'catalogue') return;
  assert.equal(d.id, 'gpt-4o-mini');
  assert.equal(d.version, '2024-07-18');
  assert.equal(d.contextWindow?.value, 128_000);
  assert.equal(d.knowledgeCutoff?.value, '2023-10');
  assert.deepEqual(d.inputTypes, ['text', 'image', 'audio']);
  assert.deepEqual(d.outputTypes, ['text']);
  assert.equal(d.languages.length, 27);
  assert.ok(d.languages.includes('ja'));
  assert.deepEqual(d.benchmarks.map((b) => b.score), ['82.0%', '87.0%', '87.2%', '59.4%']);
  assert.equal(d.provider, 'OpenAI');
});

test('004: Azure catalogue page for o4-mini, with glued specification labels', () => {
  const d = seeds.get('004')!;
  assert.equal(d.kind, 'catalogue');
  if (d.kind !== 'catalogue') return;
  assert.equal(d.id, 'o4-mini');
  assert.equal(d.version, '2025-04-16');
  assert.equal(d.contextWindow?.value, 200_000);
  assert.equal(d.knowledgeCutoff?.value, '2024-05');
  assert.deepEqual(d.inputTypes, ['text', 'image']);
  assert.deepEqual(d.outputTypes, ['text']);
  assert.equal(d.license, 'Custom');
  assert.ok(d.capabilities.includes('Reasoning summary'));
  assert.deepEqual(d.benchmarks, [{ task: 'Quality index', score: '0.89' }]);
});

test('the five seeds make one registry with the vendor ids linked to the Box names', () => {
  const r = buildRegistry([[...seeds.values()]]);
  const get = (n: string) => r.get(n)?.entry;
  assert.deepEqual(get('gpt-4o-mini')?.links, ['azure__openai__gpt_4o_mini']);
  assert.deepEqual(get('o4-mini')?.links, ['azure__openai__gpt_o4_mini']);
  assert.equal(get('gpt-4o-mini')?.namespace, 'vendor');
  assert.equal(get('azure__openai__gpt_4.1_mini')?.namespace, 'box');
  assert.equal(r.models.length, 5);
});
