import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseDocument, type ParsedCard, type ParsedDocument } from '../../server/src/registry';

function card(text: string, file = 'card.md'): ParsedCard {
  const d: ParsedDocument = parseDocument(file, text);
  assert.equal(d.kind, 'card', `expected a card, got ${d.kind}`);
  return d as ParsedCard;
}
const codes = (c: { diagnostics: Array<{ code: string }> }) => c.diagnostics.map((d) => d.code).sort();

const FULL = `---
rank: 1
---
# Example

An example card.

## Model details

| Item | Value | Description |
|---|---|---|
| Model name | **Example 1** | The name. |
| API model name | \`aws__example_1\` | The API name. |
| Hosting layer | **Amazon Web Services (AWS)** | Host. |
| Model provider | **Anthropic** | Provider. |
| Release date | **March 4th 2024** | Date. |
| Knowledge cutoff date | **August 2023** | Cut-off. |
| Input context window | **200k tokens** | Context. |
| Maximum output tokens | **4k tokens** | Output. |
| Empirical throughput | **49.8** | Speed. |
| Open source | **No** | Open. |
`;

test('a complete English card', () => {
  const c = card(FULL);
  assert.equal(c.lang, 'en');
  assert.equal(c.title, 'Example');
  assert.equal(c.description, 'An example card.');
  assert.equal(c.facts.name?.value, 'aws__example_1');
  assert.equal(c.facts.contextWindow?.value, 200_000);
  assert.equal(c.facts.contextWindow?.raw, '200k tokens');
  assert.equal(c.facts.maxOutputTokens?.value, 4_000);
  assert.equal(c.facts.releaseDate?.value, '2024-03-04');
  assert.equal(c.facts.knowledgeCutoff?.value, '2023-08');
  assert.equal(c.facts.throughput?.value, 49.8);
  assert.equal(c.facts.openSource?.value, false);
  assert.deepEqual(codes(c), []);
  // The name's span is the name itself, inside the backticks (0-based line 12).
  const at = c.facts.name!.at;
  assert.equal(at.line, 12);
  assert.equal(FULL.split('\n')[12].slice(at.column, at.endColumn), 'aws__example_1');
});

test('labels in any case and spacing, values bold or not, in backticks or not', () => {
  const c = card(`| item | value |
|--|--|
|  API   MODEL  NAME | aws__example_2 |
|input context WINDOW|128,000|
| maximum Output tokens | \`8k tokens\` |
| RELEASE DATE | 2024年7月18日 |
`);
  assert.equal(c.facts.name?.value, 'aws__example_2');
  assert.equal(c.facts.contextWindow?.value, 128_000);
  assert.equal(c.facts.maxOutputTokens?.value, 8_000);
  assert.equal(c.facts.releaseDate?.value, '2024-07-18');
});

test('rows reordered, extra and missing; two-column drafts; "Context length"', () => {
  const c = card(`| Item | Value |
|---|---|
| Context length | **10m** |
| IP Infringement Protection | **No** |
| Model category | Premium |
| Some future row | whatever |
| API model name | \`ibm__llama_4_scout\` |
`);
  assert.equal(c.facts.contextWindow?.value, 10_000_000);
  assert.equal(c.facts.category?.value, 'premium');
  assert.equal(c.facts.ipProtection?.value, false);
  const missing = c.diagnostics.filter((d) => d.code === 'card-missing-field').map((d) => d.message);
  assert.ok(missing.some((m) => m.includes('Maximum output tokens')));
  assert.ok(missing.every((m) => !m.includes('API model name')));
});

test('two cards that lack the same row say so with one shared object (ten thousand cards hold no copies)', () => {
  const a = parseDocument('a.md', '| Item | Value |\n|---|---|\n| API model name | `ibm__llama_4_scout` |\n') as ParsedCard;
  const b = parseDocument('b.md', '| Item | Value |\n|---|---|\n| API model name | `ibm__granite_3_8b` |\n') as ParsedCard;
  const lacks = (c: ParsedCard) => c.diagnostics.filter((d) => d.code === 'card-missing-field' && d.text !== undefined);
  assert.ok(lacks(a).length > 0);
  assert.equal(lacks(a).length, lacks(b).length);
  lacks(a).forEach((d, i) => {
    assert.equal(d.text, lacks(b)[i].text);
    assert.ok(Object.isFrozen(d.text));
    // Each object holds its own fields (none added later, which would need a second store).
    assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'suggestions', 'text']);
  });
});

test('duplicated rows: same value is information, a different value is a warning and the first wins', () => {
  const c = card(`| Item | Value |
|---|---|
| Model name | **A** |
| Model name | **A** |
| API model name | \`aws__a\` |
| Input context window | **128k tokens** |
| Input context window | **200k tokens** |
`);
  const dups = c.diagnostics.filter((d) => d.code === 'card-duplicate-field');
  assert.deepEqual(dups.map((d) => d.severity).sort(), ['info', 'warning']);
  assert.equal(c.facts.contextWindow?.value, 128_000);
});

test('parsed for a registry (notes: false), a card keeps its warnings and errors and leaves out its notes', () => {
  const text = `---
namespace: box
---
| Item | Value |
|---|---|
| Model name | **A** |
| Model name | **A** |
| Input context window | **128k tokens** |
| Input context window | **200k tokens** |
`;
  const all = card(text);
  const d = parseDocument('card.md', text, { notes: false });
  assert.equal(d.kind, 'card');
  assert.ok(all.diagnostics.some((x) => x.severity === 'info'));
  assert.deepEqual(
    d.diagnostics.map((x) => `${x.severity} ${x.code}`),
    all.diagnostics.filter((x) => x.severity !== 'info').map((x) => `${x.severity} ${x.code}`),
  );
  // The missing API name stays an error, the different duplicate a warning.
  assert.deepEqual(codes(d), ['card-duplicate-field', 'card-missing-field']);
  assert.deepEqual(d.kind === 'card' ? d.facts : null, all.facts);
});

test('a value that is not what the row needs is card-bad-value, and the raw text is kept', () => {
  const c = card(`| Item | Value |
|---|---|
| API model name | \`aws__a\` |
| Input context window | **a lot** |
`);
  const bad = c.diagnostics.find((d) => d.code === 'card-bad-value');
  assert.ok(bad);
  assert.equal(c.facts.contextWindow?.value, null);
  assert.equal(c.facts.contextWindow?.raw, 'a lot');
});

test('no API-name row: card-missing-field error', () => {
  const c = card(`---
namespace: box
---
| Item | Value |
|---|---|
| Model name | **A** |
`);
  assert.ok(c.diagnostics.some((d) => d.code === 'card-missing-field' && d.severity === 'error'));
});

test('a Japanese card', () => {
  const c = card(`## モデルの詳細

| 項目 | 値 | 説明 |
| --- | --- | --- |
| モデル名 | **GPT-4.1 mini** | モデルの名前。 |
| APIモデル名 | \`azure__openai__gpt_4_1_mini\` | 名前 |
| 入力コンテキストウィンドウ | **100万トークン** | x |
| 出力トークンの最大数 | **32,000トークン** | x |
| リリース日 | **2025年4月14日** | x |
| ナレッジカットオフ日 | **2024年5月** | x |
| 経験に基づいたスループット | **指定なし** | x |
| オープンソース | **いいえ** | x |
| モデルのカテゴリ | **標準** | x |
`);
  assert.equal(c.lang, 'ja');
  assert.equal(c.facts.contextWindow?.value, 1_000_000);
  assert.equal(c.facts.maxOutputTokens?.value, 32_000);
  assert.equal(c.facts.releaseDate?.value, '2025-04-14');
  assert.equal(c.facts.throughput?.value, null);
  assert.equal(c.facts.openSource?.value, false);
  assert.equal(c.facts.category?.value, 'standard');
  assert.equal(c.facts.contextWindow?.raw, '100万トークン');
});

test('name-format on a name that breaks the naming rules, with the fixed spelling', () => {
  for (const [bad, fixed] of [
    ['azure__openai__gpt_4.1_mini', 'azure__openai__gpt_4_1_mini'],
    ['ibm__llama__3_2_90b_vision_instruct', 'ibm__llama_3_2_90b_vision_instruct'],
    ['azure_openai__gpt_4o_2024_05_13', 'azure__openai__gpt_4o_2024_05_13'],
    ['azure__openai__gpt_o4-mini', 'azure__openai__gpt_o4_mini'],
    ['AWS__Claude_3_Haiku', 'aws__claude_3_haiku'],
  ]) {
    const c = card(`| Item | Value |\n|---|---|\n| API model name | \`${bad}\` |\n`);
    const d = c.diagnostics.find((x) => x.code === 'name-format');
    assert.ok(d, bad);
    assert.deepEqual(d.suggestions, [fixed]);
  }
});

test('CRLF line endings and a leading blank line before the front matter', () => {
  const c = card(`\r\n---\r\nnamespace: box\r\nstatus: preview\r\n---\r\n| Item | Value |\r\n|---|---|\r\n| API model name | \`aws__a\` |\r\n`);
  assert.equal(c.meta.status, 'preview');
  assert.equal(c.facts.name?.value, 'aws__a');
  assert.equal(c.facts.name?.at.line, 7);
});

test('front matter of our own cards: status, aliases, links, dates, successor', () => {
  const c = card(`---
namespace: box
status: retired
purpose: embeddings
successor: google__new
aliases: [google__old__1]
links:
  - old-1
retired: 2025-01-17
deprecated: 2025-01-09
retired_reason: removed
customer_enabled: true
docs: https://example.com/docs
---
| Item | Value |
|---|---|
| API model name | \`google__old_1\` |
`);
  assert.deepEqual(c.meta, {
    namespace: 'box',
    status: 'retired',
    purpose: 'embeddings',
    successor: 'google__new',
    aliases: ['google__old__1'],
    links: ['old-1'],
    retired: '2025-01-17',
    deprecated: '2025-01-09',
    retiredReason: 'removed',
    customerEnabled: true,
    docs: 'https://example.com/docs',
  });
  assert.equal(c.docsUrl, 'https://example.com/docs');
});

test('a wrong front-matter value is reported, not trusted', () => {
  const c = card(`---\nstatus: sunsetting\ndocs: "javascript:alert(1)"\n---\n| Item | Value |\n|---|---|\n| API model name | \`aws__a\` |\n`);
  assert.equal(c.meta.status, undefined);
  assert.equal(c.meta.docs, undefined);
  assert.equal(c.diagnostics.filter((d) => d.code === 'card-bad-value').length, 2);
});

test('file type is decided by content: a card without an extension, a card named .txt', () => {
  assert.equal(parseDocument('cards/my-model', FULL).kind, 'card');
  assert.equal(parseDocument('cards/my-model.txt', FULL).kind, 'card');
  assert.equal(parseDocument('notes.md', '# Notes\n\nNothing here.\n').kind, 'unknown');
});

test('SECURITY: executable front matter is never run, and is reported', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-sec-'));
  const trace = path.join(dir, 'executed');
  const g = globalThis as { __modelLensExecuted?: boolean };
  delete g.__modelLensExecuted;
  const payload = `(globalThis.__modelLensExecuted = true, require('fs').writeFileSync(${JSON.stringify(trace)}, 'x'), { namespace: 'box' })`;
  const body = '\n| Item | Value |\n|---|---|\n| API model name | `aws__evil` |\n';
  for (const lang of ['js', 'javascript', 'coffee', 'JS', 'json']) {
    const d = parseDocument('evil.md', `---${lang}\n${payload}\n---${body}`);
    assert.equal(g.__modelLensExecuted, undefined, `---${lang} was executed`);
    assert.equal(existsSync(trace), false, `---${lang} wrote a file`);
    assert.ok(
      d.diagnostics.some((x) => x.code === 'card-unsafe-front-matter' && x.severity === 'error'),
      `---${lang} was not reported`,
    );
  }
  // YAML's JavaScript types are not loaded either.
  const y = parseDocument('evil.md', `---\nx: !!js/function "function () { globalThis.__modelLensExecuted = true }"\n---${body}`);
  assert.equal(g.__modelLensExecuted, undefined);
  assert.ok(y.diagnostics.some((x) => x.code === 'card-bad-value' && /not valid YAML/.test(x.message)));
});

test('hostile input neither crashes nor hangs', () => {
  const inputs = [
    '',
    '|',
    '||||||||',
    '---',
    '---\n---',
    `---\n${'a: &a [*a]\n'}---\n| API model name | x |`,
    '| API model name |' + '`'.repeat(10_000),
    '| Item | Value |\n' + '| API model name | `aws__a` |\n'.repeat(20_000),
    '<Tile title="' + 'x'.repeat(100_000),
    '\u0000binary',
    'a'.repeat(3 * 1024 * 1024),
  ];
  for (const text of inputs) {
    const t0 = Date.now();
    parseDocument('x.md', text);
    assert.ok(Date.now() - t0 < 2000, `took too long on input of length ${text.length}`);
  }
});
