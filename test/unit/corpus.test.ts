/**
 * Every version of every Box card in ../shared/corpus, English and Japanese,
 * must parse: its API name found, and its context window normalised
 * whenever the cell holds a number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/registry';
import { CORPUS, manifest } from '../helpers';

/** An independent reading of the context-window cell: digits, separators and a unit. */
function expectedContext(text: string): number | null {
  const row = text.split(/\r?\n/).find((l) => /^\s*\|\s*(?:\*\*)?\s*(?:input context window|context length|入力コンテキストウィンドウ)\s*(?:\*\*)?\s*\|/i.test(l));
  if (!row) return null;
  const cell = row.split('|')[2].replace(/[*`]/g, '').trim();
  const m = /^([\d,.]+)\s*(k|m|万)?/i.exec(cell);
  if (!m) return null;
  const n = parseFloat(m[1].replace(/,/g, ''));
  const unit = (m[2] ?? '').toLowerCase();
  return Math.round(n * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : unit === '万' ? 1e4 : 1));
}

const rows = manifest();

test('the manifest lists English and Japanese, current and historical files', () => {
  assert.ok(rows.length > 700);
  for (const lang of ['en', 'ja']) for (const set of ['current', 'history']) assert.ok(rows.some((r) => r.lang === lang && r.set === set), `${lang}/${set}`);
});

test('every card version yields its API name and, where the cell has a number, its context window', () => {
  let cards = 0;
  let withContext = 0;
  const byLang: Record<string, number> = {};
  for (const r of rows) {
    if (/\/index(?:\/|\.md$)/.test(r.file)) continue;
    const text = readFileSync(path.join(CORPUS, r.file), 'utf8');
    const doc = parseDocument(r.file, text);
    assert.equal(doc.kind, 'card', `${r.file} not recognised as a card`);
    if (doc.kind !== 'card') continue;
    const name = doc.facts.name?.value;
    assert.ok(name && /^[a-z]+_{1,2}[a-z0-9_.\-]+$/.test(name), `${r.file}: API name ${name}`);
    assert.ok(text.includes(name), `${r.file}: ${name} is not in the text`);
    const expected = expectedContext(text);
    if (expected !== null) {
      assert.equal(doc.facts.contextWindow?.value, expected, `${r.file}: context window`);
      withContext++;
    }
    assert.equal(doc.diagnostics.filter((d) => d.code === 'card-bad-value').length, 0, `${r.file}: a value was not understood`);
    cards++;
    byLang[doc.lang] = (byLang[doc.lang] ?? 0) + 1;
  }
  assert.ok(cards >= 700, `only ${cards} cards`);
  assert.ok(withContext >= 690, `only ${withContext} context windows`);
  assert.ok((byLang.ja ?? 0) > 400 && (byLang.en ?? 0) > 200, JSON.stringify(byLang));
});

test('"1,000万" is ten million and "100万トークン" is one million in the Japanese cards', () => {
  const scout = readFileSync(path.join(CORPUS, 'ja/current/ibm-llama-4-scout-model-card.md'), 'utf8');
  const d = parseDocument('scout.md', scout);
  assert.equal(d.kind === 'card' && d.facts.contextWindow?.value, 10_000_000);
  const maverick = parseDocument('m.md', readFileSync(path.join(CORPUS, 'ja/current/ibm-llama-4-maverick-model-card.md'), 'utf8'));
  assert.equal(maverick.kind === 'card' && maverick.facts.contextWindow?.value, 1_000_000);
});

test('every index version yields its tiles with status, category and sections', () => {
  for (const r of rows) {
    if (!/\/index(?:\/|\.md$)/.test(r.file)) continue;
    const doc = parseDocument(r.file, readFileSync(path.join(CORPUS, r.file), 'utf8'));
    assert.equal(doc.kind, 'index', r.file);
    if (doc.kind !== 'index') continue;
    assert.ok(doc.tiles.length >= 5, `${r.file}: ${doc.tiles.length} tiles`);
    for (const t of doc.tiles) assert.match(t.title, /^[a-z]+_{1,2}[a-z0-9_\-]+$/, r.file);
  }
  const current = parseDocument('index.md', readFileSync(path.join(CORPUS, 'en/current/index.md'), 'utf8'));
  assert.equal(current.kind, 'index');
  if (current.kind !== 'index') return;
  const tile = (n: string) => current.tiles.find((t) => t.title === n)!;
  assert.equal(current.tiles.length, 31);
  assert.equal(tile('openai__gpt_5').category, 'premium');
  assert.deepEqual(tile('openai__gpt_5').defaultFor.sort(), ['Box AI Advanced Agent for Documents', 'Box AI Advanced Agent for Hubs', 'Box AI Advanced Agent for Notes Q&A']);
  assert.equal(tile('azure__openai__text_embedding_ada_002').purpose, 'embeddings');
  assert.equal(tile('google__gemini_3_pro').customerEnabled, true);
  assert.equal(tile('google__gemini_3_pro').status, 'beta');
  assert.equal(tile('openai__gpt_5').customerEnabled, false);
  assert.equal(tile('ibm__mistral_medium_2505').status, 'preview');
  const ja = parseDocument('index.md', readFileSync(path.join(CORPUS, 'ja/current/index.md'), 'utf8'));
  assert.equal(ja.kind === 'index' && ja.lang, 'ja');
  assert.equal(ja.kind === 'index' && ja.tiles.find((t) => t.title === 'xai__grok_3_beta')?.customerEnabled, true);
});
