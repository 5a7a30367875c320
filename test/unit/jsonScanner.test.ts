/** The JSON scanner: the same candidates as the general code scanner where both apply, and JSON's own cases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonConfig } from '../../bench/fixtures';
import { checkText } from '../../server/src/diagnostics/engine';
import { buildRegistry } from '../../server/src/registry';
import { scan, type Candidate, type Container } from '../../server/src/scanner';
import { readSettings } from '../../server/src/settings';
import { isModelShaped, mayStartName } from '../../server/src/scanner/shape';
import { shippedDocuments } from '../helpers';

/**
 * A candidate as the rules see it: text and place, key, why, where, whether about names, and its structure's pairs and
 * keys up the chain. The general scanner takes a top-level `{` for a block of code; JSON's is an object.
 */
function shape(c: Candidate): unknown {
  const chain: unknown[] = [];
  for (let k: Container | null = c.container; k && k.kind !== 'root'; k = k.parent) chain.push([k.kind === 'block' ? 'object' : k.kind, k.key]);
  const pairs = [...c.container.pairs].map(([k, v]) => [k, v.text, v.start, v.end, v.kind]);
  return [c.value.text, c.value.start, c.value.end, c.key, c.reason, c.where, c.about, chain, pairs];
}

const HERE = path.resolve(__dirname, '..');
const lists = [
  jsonConfig(60_000),
  readFileSync(path.join(HERE, 'fixtures/precision/clean/providers.json'), 'utf8'),
  '[{"model": "gpt-4o", "max_tokens": 99999, "name": "GPT-4o"}, {"id": "gpt-4.1", "created": 1, "object": "model", "choices": []}]',
  '[\n  // a comment naming azure__openai__gpt_4o_mini\n  {"model": "azure__openai__gpt_4o_minii", /* and aws__claude_3_haiku */ "num_tokens_for_completion": 8000}\n]',
  '["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3-mini", "o4-mini"]',
  '[{"models": ["claude-3-haiku-20240307", "gemini-2.5-pro"], "engine": "text-embedding-3-small", "deployment": "gpt-4o"}]',
  '[{"model": "gpt-4o\n", "x": 1}, {"model": "azure__openai__gpt_4o_mini", "deep": [[[["gpt-4.1"]]]]}]',
  '[{"😀gpt-4o-mini": 1, "model": "😀gpt-4o-mini"}, {"model": "a\\"b", "k": "\\u0067pt-4o"}]',
  // Values under keys that are not model keys, which the JSON scanner passes over uncut when they plainly name no model.
  `[${[' gpt-4o', '\\tgpt-4o', '🚀 gpt-4o', ' 🚀gpt-4o', '\u00a0gpt-4o', 'vertex:gemini-2.5-pro', 'vertex_ai/gemini-2.5-pro', 'publishers/google/models/gemini-2.5-pro', 'bedrock/anthropic.claude-3-haiku-20240307-v1:0', 'GPT-4o', 'Claude-3-haiku', 'O3-mini', 'XAI__grok_4', 'IBM__llama_3', 'anthropic/claude-3-haiku-20240307', 'bedrock:anthropic.claude-3-haiku-20240307-v1:0', '@cf/meta/llama-3-8b', 'x:gpt-4o', 'gpt-4o@latest', '4o-mini', '_gpt-4o', '-gpt-4o', '', 'note 9', 'https://example.com/gpt-4o', 'mistral-large-latest', 'text-embedding-3-small', 'llama-3.1-8b', 'meta-llama-3', 'grok-3', 'gemini-2.5-pro', 'azure__openai__gpt_4o_mini'].map((v, i) => `{"note${i}": "${v}", "n": 1_000, "t": true}`).join(',')}]`,
  // …and under model keys, where what is typed counts too.
  '[{"model": "4o mini"}, {"model_name": "deepseek-chat"}, {"engine": "davinci"}, {"llm": ""}]',
];

test('the same candidates, structures and pairs as the general scanner gives', () => {
  for (const text of lists) {
    // JSON5 is read by the general code scanner; JSON by its own.
    const general = scan(text, 'json5').candidates.map(shape);
    const own = scan(text, 'json').candidates.map(shape);
    assert.deepEqual(own, general, text.slice(0, 80));
  }
});

test('every model-shaped name of the registry, in either case, starts as a name may: none is passed over uncut', () => {
  const registry = buildRegistry([shippedDocuments()]);
  let shaped = 0;
  for (const m of registry.models) {
    for (const name of [m.name, ...(m.aliases ?? [])].flatMap((n) => [n, n.toUpperCase()])) {
      if (!isModelShaped(name)) continue;
      shaped++;
      assert.ok(mayStartName(name.charCodeAt(0)), name);
    }
  }
  assert.ok(shaped > 500, `${shaped} shaped names`);
});

test('a top-level object is one structure: its members are siblings across lines', () => {
  const text = '{\n  "model": "gpt-4o",\n  "max_tokens": 99999,\n  "temperature": 0\n}\n';
  const [c] = scan(text, 'json').candidates;
  assert.equal(c.container.kind, 'object');
  assert.equal(c.container.pairs.get('max_tokens')?.text, '99999');
  const registry = buildRegistry([shippedDocuments()]);
  const findings = checkText({ text, languageId: 'json', registry, settings: readSettings({}) }).findings;
  assert.deepEqual(findings.map((f) => f.code), ['token-limit']);
});

test('what a user is typing: an open string, a missing comma, an unquoted key, stray characters', () => {
  const open = scan('{"model": "azure__openai__gpt_4o_mi\n}', 'json');
  assert.equal(open.candidates[0].value.text, 'azure__openai__gpt_4o_mi');
  assert.equal(open.candidates[0].value.open, true);
  const comma = scan('{"model": "gpt-4o" "max_tokens": 5}', 'json');
  assert.equal(comma.candidates[0].container.pairs.get('max_tokens')?.text, '5');
  const bare = scan('{model: "gpt-4o", ) ; max_tokens: 7}', 'json');
  assert.equal(bare.candidates[0].key, 'model');
  assert.equal(bare.candidates[0].container.pairs.get('max_tokens')?.text, '7');
  // Unbalanced closers and a file of openers neither throw nor lose the names.
  assert.equal(scan(']]]}}{"model": "gpt-4o"}', 'json').candidates[0].key, 'model');
  assert.equal(scan('['.repeat(5000) + '"gpt-4o"', 'json').candidates.length, 1);
});

test('a structure without a candidate keeps no pairs; one with a candidate keeps them all, numbers and literals too', () => {
  const r = scan('[{"id": "x", "n": 3, "inner": {"model": "gpt-4o", "max_tokens": 10, "stream": true, "stop": null}}]', 'json');
  const [c] = r.candidates;
  assert.deepEqual([...c.container.pairs].map(([k]) => k), ['model', 'max_tokens', 'stream', 'stop']);
  assert.equal(c.container.pairs.get('stream')?.kind, 'bare');
  assert.equal(c.container.parent!.pairs.size, 0);
});

test('a JSON block of a Markdown file leaves the judging of records and responses to the whole document', () => {
  const fence = '```';
  const blocks = [
    `${fence}python\nresp = ChatCompletion(id="x", model="gpt-4-0314", choices=[], usage=None)\n${fence}\n`,
    `${fence}yaml\n- dirname: run-1\n  pass_rate_1: 50.0\n  model: gpt-4-0314\n${fence}\n`,
  ];
  for (const block of blocks) {
    // Before and after the record, a JSON block with nothing about names in it.
    for (const md of [`${block}\n${fence}json\n{"note": "nothing here"}\n${fence}\n`, `${fence}jsonc\n// only a comment\n${fence}\n\n${block}`]) {
      const found = scan(md, 'markdown').candidates.filter((c) => c.value.text === 'gpt-4-0314');
      assert.equal(found.length, 1, md);
      assert.equal(found[0].about, true, md);
    }
  }
});
