/** Vendor model ids in SDK code, with the registry the build ships: exact limits, lifecycle, typos, the shapes ids take, ids newer than the data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/diagnostics/engine';
import type { Finding } from '../../server/src/diagnostics/types';
import { buildRegistry } from '../../server/src/registry';
import { readSettings } from '../../server/src/settings';
import { shippedDocuments } from '../helpers';

const registry = buildRegistry([shippedDocuments()]);
const check = (languageId: string, text: string): Finding[] => checkText({ text, languageId, registry, settings: readSettings({}) }).findings;
const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.code}`);
const at = (text: string, f: Finding) => text.slice(f.start, f.end);

const py = (model: string, extra = '') => `import anthropic\nclient = anthropic.Anthropic()\nclient.messages.create(model="${model}"${extra}, messages=[])\n`;
const openaiPy = (model: string, extra = '') => `from openai import OpenAI\nOpenAI().chat.completions.create(model="${model}"${extra}, messages=[])\n`;
const ts = (model: string, extra = '') => `import OpenAI from 'openai';\nawait client.chat.completions.create({ model: '${model}'${extra}, messages });\n`;

test('the shipped data: at least 300 vendor ids from at least 8 providers, each with a context window and a maximum output', () => {
  const vendor = registry.models.filter((m) => m.namespace === 'vendor' && m.contextWindow !== null && m.maxOutputTokens !== null);
  const providers = new Set(vendor.map((m) => m.provider).filter((p) => p !== null));
  assert.ok(vendor.length >= 300, `${vendor.length} vendor ids with both limits`);
  assert.ok(providers.size >= 8, [...providers].join(', '));
});

test('exact limits: a call at the maximum is fine, one token over is token-limit (Python and TypeScript)', () => {
  for (const [make, lang, model, max] of [
    [openaiPy, 'python', 'gpt-4o', 16_384],
    [openaiPy, 'python', 'gpt-4o-mini', 16_384],
    [ts, 'typescript', 'gpt-4o', 16_384],
    [(m: string, extra = '') => `litellm.completion(model="gemini/${m}"${extra}, messages=m)\n`, 'python', 'gemini-2.5-flash', 65_536],
  ] as const) {
    const sep = lang === 'python' ? '=' : ': ';
    assert.deepEqual(check(lang, make(model, `, max_tokens${sep}${max}`)), [], `${model} at ${max}`);
    const text = make(model, `, max_tokens${sep}${max + 1}`);
    const found = check(lang, text);
    assert.deepEqual(found.map((f) => f.code), ['token-limit'], `${model} at ${max + 1}`);
    assert.equal(at(text, found[0]), String(max + 1));
    assert.deepEqual(found[0].suggestions, [String(max)]);
    assert.match(found[0].message, new RegExp(`\\(${max.toLocaleString('en-US')} tokens`));
  }
});

test('a rounded maximum ("64K") is taken at the largest value it can mean', () => {
  assert.deepEqual(check('python', py('claude-haiku-4-5-20251001', ', max_tokens=64000')), []);
  assert.deepEqual(check('python', py('claude-haiku-4-5-20251001', ', max_tokens=65536')), []);
  const text = py('claude-haiku-4-5-20251001', ', max_tokens=65537');
  const [f] = check('python', text);
  assert.equal(f.code, 'token-limit');
  assert.match(f.message, /64K tokens, at most 65,536/);
  assert.deepEqual(f.suggestions, ['64000'], 'the fix is the stated figure, never more than the real limit');
});

test('two correct OpenAI calls that Box-copied limits used to fail are clean', () => {
  assert.deepEqual(check('python', openaiPy('gpt-4o', ', max_tokens=4096')), []);
  assert.deepEqual(check('python', openaiPy('gpt-4o-mini', ', max_tokens=16384')), []);
});

test('a limit only a catalogue states is a warning at most, and says where it comes from', () => {
  const model = registry.models.find((m) => m.namespace === 'vendor' && m.facts.maxOutputTokens?.origin && m.maxOutputTokens !== null)!;
  const text = openaiPy(model.name, `, max_tokens=${model.maxOutputTokens! + 1}`);
  const [f] = check('python', text);
  assert.equal(f.code, 'token-limit');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /per models\.dev data from @tokenlens\/models 1\.3\.0/);
});

test('vendor typos: unknown-model with the right fix, never a Box name', () => {
  for (const [make, lang, typo, fix] of [
    [py, 'python', 'claude-hiaku-4-5-20251001', 'claude-haiku-4-5-20251001'],
    [openaiPy, 'python', 'gpt-4o-minii', 'gpt-4o-mini'],
    [ts, 'typescript', 'gpt-4o-mnii', 'gpt-4o-mini'],
  ] as const) {
    const found = check(lang, make(typo));
    assert.deepEqual(found.map((f) => f.code), ['unknown-model'], typo);
    assert.equal(found[0].suggestions[0], fix, typo);
    assert.ok(found[0].suggestions.every((s) => !s.includes('__')), `${typo}: no Box name offered`);
  }
});

test('a dated snapshot that does not exist is reported with the real one; a date after the newest is not', () => {
  const live = check('python', py('claude-haiku-4-5-20250930'));
  assert.deepEqual(live.map((f) => f.code), ['unknown-model']);
  assert.deepEqual(live[0].suggestions, ['claude-haiku-4-5-20251001']);
  assert.match(live[0].message, /No snapshot of claude-haiku-4-5 is dated 20250930\./);
  assert.equal(live[0].preferred, true, 'the only snapshot of the family is the fix');
  // A slip of a deprecated snapshot: deprecated-model, naming the slip.
  const dep = check('python', openaiPy('gpt-4o-mini-2024-07-17'));
  assert.deepEqual(dep.map((f) => f.code), ['deprecated-model']);
  assert.match(dep[0].message, /Written "gpt-4o-mini-2024-07-17": no snapshot of gpt-4o-mini is dated 2024-07-17/);
  // The real snapshot of claude-3-haiku is retired: one finding, the retirement, naming the slip.
  const [f] = check('python', py('claude-3-haiku-20240229'));
  assert.equal(f.code, 'retired-model');
  assert.deepEqual(f.suggestions, [registry.get('claude-3-haiku-20240307')!.entry.successor]);
  assert.match(f.message, /^"claude-3-haiku-20240307" was retired on .*\(Written "claude-3-haiku-20240229": no snapshot of claude-3-haiku is dated 20240229\.\)$/);
  assert.deepEqual(check('python', openaiPy('gpt-4o-2030-01-01')), [], 'newer than the data');
});

test('ids newer than the data are not reported: new versions, new families', () => {
  for (const id of ['gpt-9', 'gpt-5.9-mini', 'o9-mini', 'claude-opus-9-1', 'claude-sonnet-9-20301231', 'gemini-9.5-pro', 'grok-9', 'mistral-medium-2901']) {
    assert.deepEqual(check('python', openaiPy(id)), [], id);
  }
});

test('ids of platforms and gateways we do not know are left alone', () => {
  for (const id of ['openai-gpt-4.1', 'openai.gpt-5.4', 'google-gemini-2.5-pro', 'my-company/gpt-4o-finetune', 'accounts/acme/models/llama-v3']) {
    assert.deepEqual(check('python', openaiPy(id)), [], id);
  }
});

test('gateway prefixes: the id inside is checked, and a fix keeps the prefix', () => {
  const typo = check('python', 'litellm.completion(model="anthropic/claude-hiaku-4-5-20251001", messages=m)\n');
  assert.deepEqual(typo.map((f) => f.code), ['unknown-model']);
  assert.equal(typo[0].suggestions[0], 'anthropic/claude-haiku-4-5-20251001');
  assert.deepEqual(check('python', 'litellm.completion(model="anthropic/claude-haiku-4-5-20251001", max_tokens=64000, messages=m)\n'), []);
  const over = check('python', 'litellm.completion(model="anthropic/claude-haiku-4-5-20251001", max_tokens=70000, messages=m)\n');
  assert.deepEqual(over.map((f) => f.code), ['token-limit']);
  const retired = check('python', 'litellm.completion(model="anthropic/claude-3-opus-20240229", messages=m)\n');
  assert.deepEqual(retired.map((f) => f.code), ['retired-model']);
  assert.ok(retired[0].suggestions[0].startsWith('anthropic/claude-'), 'the successor keeps the gateway prefix');
});

test('Bedrock and Vertex ids: the model is known, but the platform keeps its own lifecycle', () => {
  const bedrock = 'client.invoke_model(modelId="anthropic.claude-3-5-sonnet-20241022-v2:0")\n';
  assert.deepEqual(check('python', bedrock), []);
  assert.deepEqual(check('python', 'model = "us.anthropic.claude-3-5-sonnet-20241022-v2:0"\n'), []);
  assert.deepEqual(check('python', 'model = "claude-3-5-sonnet-v2@20241022"\n'), []);
});

test('the AI SDK: a provider function takes a model id', () => {
  const text = "import { anthropic } from '@ai-sdk/anthropic';\nconst model = anthropic('claude-hiaku-4-5-20251001');\n";
  const found = check('typescript', text);
  assert.deepEqual(found.map((f) => f.code), ['unknown-model']);
  assert.equal(at(text, found[0]), 'claude-hiaku-4-5-20251001');
  assert.deepEqual(check('typescript', "const m = openai('gpt-4o-mini');\n"), []);
});

test('retired vendor ids: retired-model with the date and the successor', () => {
  for (const [make, lang, id] of [
    [py, 'python', 'claude-3-opus-20240229'],
    [openaiPy, 'python', 'gpt-4.5-preview'],
    [ts, 'typescript', 'gpt-4.5-preview'],
  ] as const) {
    const text = make(id);
    const found = check(lang, text);
    assert.deepEqual(brief(found), ['error retired-model'], id);
    const entry = registry.get(id)!.entry;
    assert.equal(entry.status, 'retired');
    assert.ok(entry.retiredDate, `${id} has a retirement date`);
    assert.match(found[0].message, new RegExp(`retired on ${entry.retiredDate}`));
    if (entry.successor) assert.deepEqual(found[0].suggestions, [entry.successor]);
  }
});

test('a fix never needs a fix: the successor of a retired id is followed to a model that is neither retired nor deprecated', () => {
  // Gemini 2.0 Flash-Lite's successor, Gemini 3.1 Flash-Lite, is itself deprecated; its own successor is live.
  const first = registry.get('gemini-2.0-flash-lite-001')!.entry;
  const between = registry.get(first.successor!)!.entry;
  assert.equal(between.status, 'deprecated');
  const found = check('python', openaiPy('gemini-2.0-flash-lite'));
  assert.deepEqual(brief(found), ['error retired-model']);
  assert.deepEqual(found[0].suggestions, [between.successor]);
  assert.equal(registry.get(between.successor!)!.entry.status === 'retired' || registry.get(between.successor!)!.entry.status === 'deprecated', false);
  // Every retired or deprecated vendor id's fix is a model that works without another fix.
  for (const m of registry.models) {
    if (m.namespace !== 'vendor' || (m.status !== 'retired' && m.status !== 'deprecated') || m.successor === null) continue;
    const [f] = check('python', openaiPy(m.name)).filter((x) => x.code === 'retired-model' || x.code === 'deprecated-model');
    if (!f || f.suggestions.length === 0) continue;
    const to = registry.get(f.suggestions[0])?.entry;
    assert.notEqual(to?.status, 'retired', `${m.name} → ${f.suggestions[0]}`);
  }
});
