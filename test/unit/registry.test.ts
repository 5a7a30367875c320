import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { buildRegistry, nameDistance, parseDocument, type Registry } from '../../server/src/registry';
import { collectCardFiles, parseCardFiles } from '../../server/src/cards/files';
import { CORPUS, ROOT, SHARED } from '../helpers';

async function load(...dirs: string[]): Promise<Registry> {
  return buildRegistry([await parseCardFiles(await collectCardFiles(dirs))]);
}

const builtin = load(path.join(ROOT, 'data', 'cards'));

test('built-in cards cover every API name of the current docs index, live', async () => {
  const r = await builtin;
  const index = parseDocument('index.md', readFileSync(path.join(CORPUS, 'en/current/index.md'), 'utf8'));
  assert.equal(index.kind, 'index');
  if (index.kind !== 'index') return;
  for (const tile of index.tiles) {
    const m = r.get(tile.title);
    assert.ok(m && !m.viaAlias, `${tile.title} missing`);
    assert.notEqual(m.entry.status, 'retired', tile.title);
    assert.equal(m.entry.status, tile.status, `${tile.title} status`);
    assert.equal(m.entry.namespace, 'box');
  }
});

test('built-in cards cover every retired, renamed and legacy name of the notes, with dates and successors', async () => {
  const r = await builtin;
  const notes = readFileSync(path.join(SHARED, 'notes', 'box-model-names.md'), 'utf8');
  const lifecycle = notes.slice(notes.indexOf('## Lifecycle'), notes.indexOf('## Where developers'));
  let count = 0;
  for (const row of lifecycle.split('\n').filter((l) => l.startsWith('| `'))) {
    const [, names, what, successor] = row.split('|').map((c) => c.trim());
    const successors = [...successor.matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    const list = [...names.matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    list.forEach((name, i) => {
      const m = r.get(name);
      assert.ok(m, `${name} missing`);
      assert.equal(m.entry.status, 'retired', name);
      assert.ok(m.entry.retiredDate, `${name} has no date`);
      // One successor for the row, or one per name in order.
      const expectedSuccessor = successors.length === list.length ? successors[i] : successors[0];
      if (/renamed/.test(what)) assert.ok(m.entry.successor, `${name}: a renamed model always has a successor`);
      if (expectedSuccessor) assert.equal(m.entry.successor, expectedSuccessor, name);
      if (m.entry.successor) assert.ok(r.get(m.entry.successor), `${name}: successor ${m.entry.successor} unknown`);
      count++;
    });
  }
  assert.ok(count >= 25, `${count} lifecycle names`);
});

test('vendor ids of the seeds are known and linked to their Box names', async () => {
  const r = await builtin;
  for (const [vendor, box] of [
    ['gpt-4o-mini', 'azure__openai__gpt_4o_mini'],
    ['o4-mini', 'azure__openai__gpt_o4_mini'],
    ['gpt-4.1-mini', 'azure__openai__gpt_4_1_mini'],
  ]) {
    const v = r.get(vendor)?.entry;
    assert.equal(v?.namespace, 'vendor', vendor);
    assert.ok(v?.links.includes(box), `${vendor} → ${box}`);
    assert.ok(r.get(box)?.entry.links.includes(v!.name), `${box} → ${v!.name}`);
  }
});

test('our own cards are clean: no problem worse than info', async () => {
  const r = await builtin;
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
});

test('English and Japanese cards merge into one entry keeping both raw texts', async () => {
  const r = await builtin;
  const e = r.get('azure__openai__gpt_4o_mini')!.entry;
  assert.equal(e.contextWindow, 128_000);
  assert.equal(e.facts.contextWindow?.raw.en, '128k tokens');
  assert.equal(e.facts.contextWindow?.raw.ja, '128,000トークン');
  assert.ok(e.description.en && e.description.ja);
  assert.equal(e.sources.length, 2);
  assert.match(e.sources[0].file, /data\/cards\/en\//);
});

test('misspellings in cards are aliases of the canonical name', async () => {
  const r = await builtin;
  for (const [alias, canonical] of [
    ['azure__openai__gpt_4.1_mini', 'azure__openai__gpt_4_1_mini'],
    ['ibm__llama__3_2_90b_vision_instruct', 'ibm__llama_3_2_90b_vision_instruct'],
    ['azure__openai__gpt_4o_2024-05-13', 'azure__openai__gpt_4o_2024_05_13'],
  ]) {
    const m = r.get(alias);
    assert.equal(m?.entry.name, canonical, alias);
    assert.equal(m?.viaAlias, true);
  }
});

test('Box docs: a card spelling corrected by its tile becomes an alias; disagreements are kept and reported', async () => {
  const r = await load(path.join(CORPUS, 'en/current'), path.join(CORPUS, 'ja/current'));
  const mini = r.get('azure__openai__gpt_4.1_mini');
  assert.equal(mini?.entry.name, 'azure__openai__gpt_4_1_mini');
  // English and Japanese current cards agree on facts; both raw texts are kept.
  const scout = r.get('ibm__llama_4_scout')!.entry;
  assert.equal(scout.facts.contextWindow?.raw.en, '10m');
  assert.equal(scout.facts.contextWindow?.raw.ja, '1,000万');
  // The Grok mini card contradicts its tile.
  const grok = r.get('xai__grok_3_mini_reasoning_beta')!.entry;
  assert.ok(grok.conflicts.some((c) => c.field === 'category'));
});

test('two cards of one model that disagree: card-conflict, both values kept', () => {
  const a = parseDocument('a.md', '| Item | Value |\n|---|---|\n| API model name | `aws__x` |\n| Input context window | 128k |\n');
  const b = parseDocument('b.md', '| Item | Value |\n|---|---|\n| API model name | `aws__x` |\n| Input context window | 200k |\n');
  const r = buildRegistry([[a, b]]);
  const e = r.get('aws__x')!.entry;
  assert.equal(e.contextWindow, 128_000);
  assert.deepEqual(e.conflicts[0].values.map((v) => v.value), ['128000', '200000']);
  assert.ok(r.diagnostics.some((d) => d.code === 'card-conflict' && d.file === 'b.md'));
});

test("a user's layer overrides the built-in one without a conflict", () => {
  const base = parseDocument('data/x.md', '---\nstatus: available\n---\n| Item | Value |\n|---|---|\n| API model name | `aws__x` |\n| Input context window | 128k |\n');
  const user = parseDocument('user/x.md', '---\nstatus: deprecated\n---\n| Item | Value |\n|---|---|\n| API model name | `aws__x` |\n| Input context window | 200k |\n');
  const r = buildRegistry([[base], [user]]);
  const e = r.get('aws__x')!.entry;
  assert.equal(e.contextWindow, 200_000);
  assert.equal(e.status, 'deprecated');
  assert.deepEqual(r.diagnostics.filter((d) => d.code === 'card-conflict'), []);
  assert.equal(e.sources[0].file, 'user/x.md');
});

test('lookups: exact, normalised, prefix', async () => {
  const r = await builtin;
  assert.equal(r.get('azure__openai__gpt_4o_mini')?.entry.name, 'azure__openai__gpt_4o_mini');
  assert.equal(r.get('AZURE__OPENAI__GPT_4O_MINI'), undefined);
  assert.deepEqual(r.findNormalized('Azure_OpenAI-gpt.4o_mini').map((m) => m.entry.name), ['azure__openai__gpt_4o_mini']);
  assert.deepEqual(r.findNormalized('GPT-4o-Mini').map((m) => m.entry.name), ['gpt-4o-mini']);
  const names = r.withPrefix('aws__claude_4').map((e) => e.name).sort();
  assert.deepEqual(names, ['aws__claude_4_5_haiku', 'aws__claude_4_5_sonnet', 'aws__claude_4_opus', 'aws__claude_4_sonnet']);
});

test('nearest names: digits cost more than letters, separators least; live before retired', async () => {
  const r = await builtin;
  assert.ok(nameDistance('gpt_4o', 'gpt_4_1') > nameDistance('gpt_4o', 'gpt4o'));
  assert.ok(nameDistance('claude_3_haiku', 'claude_3_haikuu') < nameDistance('claude_3_haiku', 'claude_4_haiku'));
  assert.equal(r.nearest('azure__openai__gpt_4o_minii')[0]?.entry.name, 'azure__openai__gpt_4o_mini');
  assert.equal(r.nearest('aws__claude_3_haikku')[0]?.entry.name, 'aws__claude_3_haiku');
  assert.equal(r.nearest('google__gemini_2_5_flsh')[0]?.entry.name, 'google__gemini_2_5_flash');
  // gpt-4o is not a typo of gpt-4.1
  assert.ok(!r.nearest('gpt-4.1-minii').some((s) => s.entry.name === 'gpt-4o-mini'));
  // A live model comes before a retired one even when the retired one is closer.
  const s = r.nearest('google__gemini_2_5_flash_00');
  assert.equal(s[0].entry.status === 'retired', false);
  assert.ok(s.some((x) => x.entry.name === 'google__gemini_2_5_flash_001'));
  assert.deepEqual(r.nearest('completely_unrelated_words'), []);
});

test('lookups are cheap enough for every keystroke', async () => {
  const r = await builtin;
  const names = r.models.map((m) => m.name);
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (let i = 0; i < 2000; i++) {
    const name = names[i % names.length];
    r.get(name);
    r.findNormalized(name.toUpperCase());
    r.withPrefix(name.slice(0, 8));
    n += r.nearest(`${name}x${i}`).length;
  }
  const perOp = Number(process.hrtime.bigint() - t0) / 1e6 / 2000;
  assert.ok(n > 0);
  assert.ok(perOp < 1, `${perOp.toFixed(3)} ms per round of four lookups`);
});
