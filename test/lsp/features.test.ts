/**
 * Completion, hover and definition, driven over stdio against the built
 * server, in the languages model names are written in.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { cursor, positionOf, TestClient } from './client';
import { ROOT } from '../helpers';

let client: TestClient;
let n = 0;
const uriFor = (ext: string) => `untitled:fixture-${++n}.${ext}`;

before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

async function complete(languageId: string, fixture: string, ext = languageId): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, position } = cursor(fixture);
  const uri = uriFor(ext);
  client.open(uri, languageId, text);
  return { items: await client.completion(uri, position), text };
}

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
const labels = (items: CompletionItem[]) => sorted(items).map((i) => i.label);
const editOf = (i: CompletionItem) => i.textEdit as TextEdit;

describe('completion', () => {
  test('a client that takes itemDefaults gets the edit range once for the list, and each item only its text', async () => {
    const other = await TestClient.start({ itemDefaults: true });
    try {
      const { text, position } = cursor('tool = AiAgentBasicTextTool(model="azure__op§")\n');
      other.open('untitled:defaults.py', 'python', text);
      const list = await other.completionList('untitled:defaults.py', position);
      assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 0, character: 35 }, end: { line: 0, character: 44 } });
      const mini = list.items.find((i) => i.label === 'azure__openai__gpt_4o_mini')!;
      assert.equal(mini.textEditText, 'azure__openai__gpt_4o_mini');
      assert.equal(mini.textEdit, undefined);
      // The same request from a client without it: a full edit per item.
      client.open('untitled:no-defaults.py', 'python', text);
      const plain = await client.completionList('untitled:no-defaults.py', position);
      assert.equal(plain.itemDefaults, undefined);
      assert.deepEqual(editOf(plain.items.find((i) => i.label === 'azure__openai__gpt_4o_mini')!).range, list.itemDefaults?.editRange);
    } finally {
      await other.stop();
    }
  });

  test('Python: empty keyword argument of a Box agent tool offers live chat models first, retired last', async () => {
    const { items } = await complete('python', 'from box_sdk_gen import AiAgentBasicTextTool\ntool = AiAgentBasicTextTool(model="§")\n', 'py');
    const names = labels(items);
    assert.ok(names.length >= 60);
    assert.ok(names.includes('azure__openai__gpt_4o_mini'));
    const first = sorted(items)[0];
    assert.match(first.label, /__/, 'Box names first in a Box file');
    assert.equal(items.find((i) => i.label === first.label)?.tags, undefined);
    const box = sorted(items).filter((i) => i.label.includes('__'));
    assert.deepEqual(box.at(-1)!.tags, [1], 'retired names at the end, tagged deprecated');
    const firstVendor = names.findIndex((n) => !n.includes('__'));
    assert.ok(firstVendor === -1 || firstVendor >= box.length, 'every Box name before any vendor id in a Box file');
    const iLive = names.indexOf('azure__openai__gpt_4o_mini');
    const iPreview = names.indexOf('ibm__mistral_medium_2505');
    const iBeta = names.indexOf('xai__grok_3_beta');
    const iRetired = names.indexOf('google__text_bison');
    const iEmb = names.indexOf('azure__openai__text_embedding_ada_002');
    assert.ok(iLive < iPreview && iPreview < iBeta && iBeta < iRetired, 'live, then preview, then beta, then retired');
    assert.ok(iLive < iEmb, 'chat models before embeddings in a chat slot');
    const mini = items.find((i) => i.label === 'azure__openai__gpt_4o_mini')!;
    assert.equal(mini.detail, 'Microsoft Azure · 128k context · 16k out · Standard');
    assert.deepEqual(editOf(mini).range, { start: { line: 1, character: 35 }, end: { line: 1, character: 35 } });
    assert.equal(editOf(mini).newText, 'azure__openai__gpt_4o_mini');
  });

  test('a partly typed name is replaced whole, including the part after the cursor', async () => {
    const { items } = await complete('python', 'AiAgentBasicTextTool(model="azure__op§enai__gpt_4o")\n', 'py');
    const mini = items.find((i) => i.label === 'azure__openai__gpt_4o_mini')!;
    assert.deepEqual(editOf(mini).range, { start: { line: 0, character: 28 }, end: { line: 0, character: 49 } });
  });

  test('filterText lets "4o mini" and "gpt4o" find azure__openai__gpt_4o_mini', async () => {
    const { items } = await complete('python', 'AiAgentBasicTextTool(model="§")\n', 'py');
    const ft = items.find((i) => i.label === 'azure__openai__gpt_4o_mini')!.filterText!;
    const fuzzy = (pattern: string, target: string) => {
      let k = 0;
      for (const ch of target.toLowerCase()) if (ch === pattern[k]) k++;
      return k === pattern.length;
    };
    assert.ok(ft.includes('4o mini'));
    assert.ok(fuzzy('gpt4o', ft));
    assert.ok(ft.includes('gpt-4o-mini'), 'the linked vendor id');
  });

  test('typing "4o mini" in the string finds the name and replaces what was typed', async () => {
    const { items } = await complete('python', 'AiAgentBasicTextTool(model="4o mini§")\n', 'py');
    const mini = items.find((i) => i.label === 'azure__openai__gpt_4o_mini')!;
    assert.ok(mini.filterText!.includes('4o mini'));
    assert.deepEqual(editOf(mini).range, { start: { line: 0, character: 28 }, end: { line: 0, character: 35 } });
  });

  test('YAML: an empty model under embeddings offers embeddings models first', async () => {
    const { items } = await complete('yaml', 'long_text:\n  embeddings:\n    model: §\n', 'yaml');
    assert.equal(labels(items)[0], 'azure__openai__text_embedding_ada_002');
  });

  test('JSON: an embeddings slot offers embeddings models first', async () => {
    const { items } = await complete('json', '{"ai_agent": {"type": "ai_agent_ask", "long_text": {"model": "aws__claude_3_haiku", "embeddings": {"model": "§"}}}}');
    assert.equal(labels(items)[0], 'azure__openai__text_embedding_ada_002');
  });

  test('JSON: a chat slot next to it offers chat models first', async () => {
    const { items } = await complete('json', '{"long_text": {"model": "§", "num_tokens_for_completion": 1000}}');
    const first = items.find((i) => i.label === labels(items)[0])!;
    assert.doesNotMatch(first.label, /embedding/);
  });

  test('JSON: after `"model": ` with no quote yet, the name is inserted with quotes', async () => {
    const { items } = await complete('json', '{"model": §}');
    assert.equal(editOf(items.find((i) => i.label === 'aws__claude_3_haiku')!).newText, '"aws__claude_3_haiku"');
  });

  test('YAML: `model: ` with nothing typed, inserted bare', async () => {
    const { items } = await complete('yaml', 'agent:\n  model: §\n', 'yaml');
    const item = items.find((i) => i.label === 'aws__claude_3_haiku')!;
    assert.equal(editOf(item).newText, 'aws__claude_3_haiku');
    assert.deepEqual(editOf(item).range.start, { line: 1, character: 9 });
  });

  test('.env: BOX_AI_MODEL= with a partial name', async () => {
    const { items } = await complete('dotenv', 'BOX_AI_MODEL=aws__cl§\n', 'env');
    const item = items.find((i) => i.label === 'aws__claude_4_5_haiku')!;
    assert.deepEqual(editOf(item).range, { start: { line: 0, character: 13 }, end: { line: 0, character: 20 } });
    assert.match(labels(items)[0], /^aws__/);
  });

  test('TypeScript: a vendor SDK call prefers vendor ids', async () => {
    const { items } = await complete('typescript', "import OpenAI from 'openai';\nconst r = await client.chat.completions.create({ model: '§' });\n", 'ts');
    assert.equal(sorted(items)[0].label.includes('__'), false, labels(items).slice(0, 3).join());
  });

  test('a vendor SDK call prefers vendor ids even without an import', async () => {
    const { items } = await complete('python', 'r = client.chat.completions.create(model="§", messages=[])\n', 'py');
    assert.equal(sorted(items)[0].label.includes('__'), false, labels(items).slice(0, 3).join());
  });

  test('JavaScript: camelCase agent config in an object literal', async () => {
    const { items } = await complete('javascript', 'const agent = { basicText: { model: "§", numTokensForCompletion: 1000 } };\n', 'js');
    assert.ok(items.some((i) => i.label === 'azure__openai__gpt_4o_mini'));
  });

  test('C#, Java and Go', async () => {
    for (const [lang, ext, fixture] of [
      ['csharp', 'cs', 'var tool = new AiAgentBasicTextTool { Model = "§" };'],
      ['java', 'java', 'var t = new AiAgentBasicTextTool.Builder().model("§").build();'],
      ['go', 'go', 'cfg := Config{Model: "§"}'],
    ]) {
      const { items } = await complete(lang, fixture, ext);
      assert.ok(items.some((i) => i.label === 'azure__openai__gpt_4o_mini'), lang);
    }
  });

  test('Markdown: inside a fenced JSON block', async () => {
    const { items } = await complete('markdown', '# Config\n\n```json\n{"model": "§"}\n```\n', 'md');
    assert.ok(items.length >= 60);
  });

  test('a string that already starts like a model name, outside any model key', async () => {
    const { items } = await complete('python', 'CHOICES = ["azure__§"]\n', 'py');
    assert.ok(items.some((i) => i.label === 'azure__openai__gpt_4_1'));
  });

  test('no model completions in ordinary strings', async () => {
    for (const fixture of ['greeting = "hello§"\n', 'kind = "ai_agent_ask§"\n', 'url = "https://example.com/§"\n', 'msg = "a sentence with words§"\n']) {
      const { items } = await complete('python', fixture, 'py');
      assert.deepEqual(items, [], fixture);
    }
  });

  test('incremental edits keep the server in sync', async () => {
    const uri = uriFor('py');
    client.open(uri, 'python', 'x = 1\n');
    client.change(uri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: '\ntool = AiAgentBasicTextTool(model="aws__")' }]);
    const items = await client.completion(uri, { line: 1, character: 40 });
    assert.ok(items.some((i) => i.label === 'aws__claude_3_haiku'));
  });

  test('resolve fills in the hover card as documentation', async () => {
    const { items } = await complete('python', 'AiAgentBasicTextTool(model="§")\n', 'py');
    const r = await client.resolve(items.find((i) => i.label === 'azure__openai__gpt_4o_mini')!);
    const doc = r.documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /128,000 tokens \(128k\)/);
  });
});

describe('hover', () => {
  async function hoverAt(languageId: string, text: string, needle: string, ext = languageId) {
    const uri = uriFor(ext);
    client.open(uri, languageId, text);
    return client.hover(uri, positionOf(text, needle, 3));
  }

  test('Python: the card with its facts and the exact range of the name', async () => {
    const text = 'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini")\n';
    const h = (await hoverAt('python', text, 'azure__openai__gpt_4o_mini', 'py'))!;
    const md = (h.contents as MarkupContent).value;
    assert.deepEqual(h.range, { start: { line: 0, character: 35 }, end: { line: 0, character: 61 } });
    for (const s of ['GPT-4o mini', 'Microsoft Azure', '128,000 tokens (128k)', '16,000 tokens (16k)', 'July 18, 2024', 'October 2023', 'Standard', 'Chat', '85.4', '`gpt-4o-mini`', 'Open model card', 'Official documentation', 'Available']) {
      assert.ok(md.includes(s), `hover lacks ${s}:\n${md}`);
    }
    const link = /\[Open model card\]\((file:[^)]+)\)/.exec(md)![1];
    assert.match(link, /data\/cards\/en\/azure-openai-gpt-4o-mini-model-card\.md#L\d+$/);
  });

  test('names in comments and prose', async () => {
    const go = await hoverAt('go', '// The default is aws__claude_3_haiku for now.\npackage main\n', 'aws__claude_3_haiku');
    assert.match((go!.contents as MarkupContent).value, /AWS Claude 3 Haiku/);
    const md = await hoverAt('markdown', 'We moved from gpt-4o-mini to openai__gpt_5_mini.\n', 'openai__gpt_5_mini', 'md');
    assert.match((md!.contents as MarkupContent).value, /GPT-5 mini/);
  });

  test('a retired name shows its date and successor', async () => {
    const h = await hoverAt('yaml', 'model: azure__openai__gpt_o3\n', 'azure__openai__gpt_o3');
    assert.match((h!.contents as MarkupContent).value, /Renamed June 18, 2025 → use `openai__gpt_o3`/);
  });

  test('a vendor id shows the linked Box name, and a misspelling the canonical one', async () => {
    const v = await hoverAt('typescript', "model: 'gpt-4o-mini'", 'gpt-4o-mini', 'ts');
    assert.match((v!.contents as MarkupContent).value, /`azure__openai__gpt_4o_mini` \(Box AI API name\)/);
    const a = await hoverAt('json', '{"model": "azure__openai__gpt_4.1_mini"}', 'azure__openai__gpt_4.1_mini');
    assert.match((a!.contents as MarkupContent).value, /`azure__openai__gpt_4\.1_mini` → `azure__openai__gpt_4_1_mini`/);
  });

  test('no hover on ordinary words', async () => {
    assert.equal(await hoverAt('python', 'x = "hello_world"\n', 'hello_world', 'py'), null);
  });
});

describe('definition', () => {
  test('opens the built-in card at the row that states the name', async () => {
    const text = 'BOX_AI_MODEL=aws__claude_4_5_haiku\n';
    const uri = uriFor('env');
    client.open(uri, 'dotenv', text);
    const loc = (await client.definition(uri, positionOf(text, 'aws__claude', 5)))!;
    const file = fileURLToPath(loc.uri);
    assert.equal(file, path.join(ROOT, 'data/cards/en/aws-claude-4-5-haiku-model-card.md'));
    const line = readFileSync(file, 'utf8').split('\n')[loc.range.start.line];
    assert.equal(line.slice(loc.range.start.character, loc.range.end.character), 'aws__claude_4_5_haiku');
    assert.match(line, /API model name/);
  });

  test('C#, Java and Markdown too', async () => {
    for (const [lang, text] of [
      ['csharp', 'Model = "google__gemini_2_5_flash"'],
      ['java', '.model("google__gemini_2_5_flash")'],
      ['markdown', 'Use google__gemini_2_5_flash.'],
    ]) {
      const uri = uriFor(lang);
      client.open(uri, lang, text);
      const loc = await client.definition(uri, positionOf(text, 'google__gemini', 4));
      assert.match(loc?.uri ?? '', /google-gemini-2-5-flash-model-card\.md$/, lang);
    }
  });
});
