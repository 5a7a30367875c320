/** Under locale `ja`, every diagnostic message and quick-fix title the server gives is Japanese. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let client: TestClient;
let ws: string;
before(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'model-lens-ja-'));
  client = await TestClient.start({ folders: [ws], locale: 'ja' });
});
after(async () => {
  await client.stop();
  rmSync(ws, { recursive: true, force: true });
});

// One finding of every rule, and a project file with every kind of problem.
const FILES: Array<[string, string, string]> = [
  [
    'agent.py',
    'python',
    [
      'from openai import OpenAI',
      'a = AiAgentBasicTextTool(model="azure_openai__gpt_4o_mini", num_tokens_for_completion=99999)',
      'b = {"model": "google__gemini_2_5_flash_001"}',
      'c = {"model": "azure__openai__gpt_4o_minii"}',
      'OpenAI().chat.completions.create(model="gemini-3.1-flash-lite", messages=[])',
      'e = {"embeddings": {"model": "azure__openai__gpt_4o_mini"}}',
      'OpenAI().chat.completions.create(model="claude-3-haiku-20240229", messages=[])',
      '',
    ].join('\n'),
  ],
  ['.model-lens.json', 'json', '{ "allow": "x", "rulez": 1, "rules": { "unknown-modle": "error", "retired-model": "loud" }, "maxFileSize": "big", "exclude": [1], "allow": [] }\n'],
  ['broken/.model-lens.json', 'json', '{ "allow": [ \n'],
];

test('locale ja: diagnostic messages and quick-fix titles are Japanese, for every rule and the project file', async () => {
  const seen = new Set<string>();
  for (const [rel, languageId, text] of FILES) {
    const uri = pathToFileURL(path.join(ws, rel)).toString();
    client.open(uri, languageId, text);
    const diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.length > 0, rel);
    for (const d of diagnostics) {
      seen.add(String(d.code));
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      assert.match(message, JAPANESE, `${d.code}: ${message}`);
      const actions = await client.codeActions(uri, d.range, [d]);
      for (const a of actions) assert.match(a.title, JAPANESE, `${d.code}: ${a.title}`);
    }
    const [all] = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.modelLens']);
    if (all) assert.match(all.title, JAPANESE, all.title);
  }
  assert.deepEqual([...seen].sort(), ['deprecated-model', 'name-format', 'project-config', 'retired-model', 'token-limit', 'unknown-model', 'wrong-purpose']);
});

test('locale ja: what loading skipped and what the settings left out are said in Japanese', async () => {
  const ws2 = mkdtempSync(path.join(tmpdir(), 'model-lens-ja-notices-'));
  const ja = await TestClient.start({ folders: [ws2], locale: 'ja', settings: { cardPaths: ['/'], allow: ['x'.repeat(2000)] } });
  try {
    await ja.waitFor(async () => (await ja.request<{ notices: string[] }>('modelLens/status', null)).notices.length > 0, 'a notice about the card path');
    const { notices } = await ja.request<{ notices: string[] }>('modelLens/status', null);
    for (const n of notices) assert.match(n, JAPANESE, n);
    const shownAt = (x: { method: string }) => /^window\/showMessage/.test(x.method);
    await ja.waitFor(() => ja.notifications.some(shownAt), 'the settings notice');
    const shown = ja.notifications.filter(shownAt).map((x) => (x.params as { message: string }).message);
    assert.ok(shown.some((m) => m.startsWith('modelLens.allow:') && JAPANESE.test(m)), JSON.stringify(shown));
  } finally {
    await ja.stop();
    rmSync(ws2, { recursive: true, force: true });
  }
});

test('locale ja: hover cards have Japanese labels; a model with no Japanese card says its description is English', async () => {
  const uri = pathToFileURL(path.join(ws, 'hover.py')).toString();
  const text = 'a = {"model": "azure__openai__gpt_4o_mini"}\nb = {"model": "claude-haiku-4-5-20251001"}\n';
  client.open(uri, 'python', text);
  const valueAt = async (line: number) => {
    const h = await client.hover(uri, { line, character: 20 });
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  };
  const box = await valueAt(0);
  assert.match(box, /コンテキストウィンドウ|最大出力/);
  assert.doesNotMatch(box, /日本語のカードはまだありません/, 'Box names have Japanese cards');
  const vendor = await valueAt(1);
  assert.match(vendor, JAPANESE);
  assert.match(vendor, /説明は英語です/);
});

test('locale ja: the problems of a model card are said in Japanese too', async () => {
  const uri = pathToFileURL(path.join(ws, 'cards', 'bad-card.md')).toString();
  const card = [
    '---',
    'namespace: box',
    'status: bogus',
    'retired: someday',
    '---',
    '# Broken model',
    '',
    '| Item | Value |',
    '|---|---|',
    '| Model name | **Broken** |',
    '| API model name | `azure_openai__gpt_broken` |',
    '| Release date | **not a date** |',
    '| Release date | **2024-01-01** |',
    '| Input context window | **lots** |',
    '',
  ].join('\n');
  client.open(uri, 'markdown', card);
  const diagnostics = await client.diagnostics(uri);
  const codes = new Set(diagnostics.map((d) => String(d.code)));
  for (const code of ['card-bad-value', 'card-duplicate-field', 'card-missing-field', 'name-format']) assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
  for (const d of diagnostics) {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    assert.match(message, JAPANESE, `${d.code}: ${message}`);
  }
});

test("locale ja: each completion item's one-line summary is Japanese", async () => {
  const uri = pathToFileURL(path.join(ws, 'complete.py')).toString();
  client.open(uri, 'python', 'tool = AiAgentBasicTextTool(model="azure__op")\n');
  const items = await client.completion(uri, { line: 0, character: 44 });
  const mini = items.find((i) => i.label === 'azure__openai__gpt_4o_mini');
  assert.ok(mini, items.map((i) => i.label).join(', '));
  assert.match(mini.detail ?? '', /コンテキスト · .* 出力/);
});
