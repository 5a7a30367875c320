/** Pull diagnostics and quick fixes over LSP: every rule in several languages, each fix applied, settings, refresh. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

let client: TestClient;
let ws: string;
let n = 0;

before(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'model-lens-diag-'));
  client = await TestClient.start({ folders: [ws] });
});
after(async () => {
  await client.stop();
  rmSync(ws, { recursive: true, force: true });
});

function open(languageId: string, ext: string, text: string): string {
  const uri = pathToFileURL(path.join(ws, `file-${++n}.${ext}`)).toString();
  client.open(uri, languageId, text);
  return uri;
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 1, text), edits);
}

async function fixOnce(uri: string, text: string, d: Diagnostic, title: RegExp): Promise<{ text: string; action: CodeAction }> {
  const actions = await client.codeActions(uri, d.range, [d]);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  const edits = action.edit?.changes?.[uri] ?? [];
  return { text: apply(text, edits), action };
}

const CASES: Array<{ lang: string; ext: string; text: string; code: string; fix: RegExp; fixed: string }> = [
  { lang: 'python', ext: 'py', text: 'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_minii")\n', code: 'unknown-model', fix: /Replace .* with "azure__openai__gpt_4o_mini"/, fixed: 'azure__openai__gpt_4o_mini' },
  { lang: 'json', ext: 'json', text: '{"basic_text": {"model": "azure_openai__gpt_4o_mini"}}', code: 'name-format', fix: /Fix the spelling/, fixed: '"azure__openai__gpt_4o_mini"' },
  { lang: 'yaml', ext: 'yaml', text: 'agent:\n  model: xai__grok_3_mini\n', code: 'retired-model', fix: /successor "xai__grok_3_mini_reasoning_beta"/, fixed: 'model: xai__grok_3_mini_reasoning_beta' },
  { lang: 'typescript', ext: 'ts', text: 'const a = { longText: { embeddings: { model: "aws__claude_3_haiku" } } };\n', code: 'wrong-purpose', fix: /azure__openai__text_embedding_ada_002/, fixed: 'model: "azure__openai__text_embedding_ada_002"' },
  { lang: 'csharp', ext: 'cs', text: 'var t = new AiAgentBasicTextTool { Model = "azure__openai__gpt_4o", NumTokensForCompletion = 9000 };\n', code: 'token-limit', fix: /maximum, 2,000/, fixed: 'NumTokensForCompletion = 2000' },
  { lang: 'java', ext: 'java', text: 'var t = new AiAgentBasicTextTool.Builder().model("google__gemini_2_5_flash_001").build();\n', code: 'retired-model', fix: /successor "google__gemini_2_5_flash"/, fixed: '.model("google__gemini_2_5_flash")' },
  { lang: 'go', ext: 'go', text: 'cfg := Config{Model: "aws__claude_4_5_haikuu"}\n', code: 'unknown-model', fix: /aws__claude_4_5_haiku"/, fixed: '"aws__claude_4_5_haiku"' },
  { lang: 'dotenv', ext: 'env', text: 'BOX_AI_MODEL=AWS__CLAUDE_3_HAIKU\n', code: 'name-format', fix: /Fix the spelling/, fixed: 'BOX_AI_MODEL=aws__claude_3_haiku' },
  { lang: 'markdown', ext: 'md', text: 'Set the model to `google__gemini_2_5_flsh`.\n', code: 'unknown-model', fix: /google__gemini_2_5_flash"/, fixed: '`google__gemini_2_5_flash`' },
];

for (const c of CASES) {
  test(`${c.code} in ${c.lang}: the diagnostic, its data, and its quick fix applied`, async () => {
    const uri = open(c.lang, c.ext, c.text);
    const diags = await client.diagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), [c.code]);
    const d = diags[0];
    assert.equal(d.source, 'model-lens');
    assert.ok(Array.isArray((d.data as { suggestions: string[] }).suggestions));
    if (c.code !== 'unknown-model') assert.ok(d.codeDescription?.href, 'a link to the card');
    const { text, action } = await fixOnce(uri, c.text, d, c.fix);
    assert.ok(text.includes(c.fixed), text);
    client.change(uri, [{ text }]);
    assert.deepEqual(await client.diagnostics(uri), [], `still flagged after "${action.title}"`);
  });
}

test('the first suggestion is preferred only when unambiguous', async () => {
  const uri = open('python', 'py', 'm = {"model": "azure__openai__gpt_4o_minii"}\n');
  const [d] = await client.diagnostics(uri);
  const actions = await client.codeActions(uri, d.range, [d]);
  assert.equal(actions.filter((a) => a.isPreferred).length, 1);
  assert.match(actions.find((a) => a.isPreferred)!.title, /"azure__openai__gpt_4o_mini"$/);
});

test('insert an ignore comment in the language\'s syntax, indented', async () => {
  for (const [lang, ext, text, expected] of [
    ['python', 'py', 'def f():\n    m = "azure__openai__gpt_4o_minii"\n', '    # model-lens-ignore-next-line unknown-model\n    m ='],
    ['typescript', 'ts', 'const m = "azure__openai__gpt_4o_minii";\n', '// model-lens-ignore-next-line unknown-model\nconst m'],
    ['yaml', 'yaml', 'a:\n  model: azure__openai__gpt_4o_minii\n', '  # model-lens-ignore-next-line unknown-model\n  model:'],
    ['markdown', 'md', 'Use azure__openai__gpt_4o_minii.\n', '<!-- model-lens-ignore-next-line unknown-model -->\nUse'],
  ]) {
    const uri = open(lang, ext, text);
    const [d] = await client.diagnostics(uri);
    const fixed = await fixOnce(uri, text, d, /^Ignore/);
    assert.ok(fixed.text.includes(expected), fixed.text);
    client.change(uri, [{ text: fixed.text }]);
    assert.deepEqual(await client.diagnostics(uri), [], lang);
  }
});

test('allow this name: the command adds it to the project file, .model-lens.json, which the server reads again when it changes', async () => {
  const uri = open('python', 'py', 'm = {"model": "azure__openai__my_private_deployment"}\n');
  const [d] = await client.diagnostics(uri);
  const { action } = await fixOnce(uri, '', d, /^Allow/);
  assert.equal(action.command?.command, 'modelLens.allowName');
  await client.request('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
  const edit = client.appliedEdits.at(-1)!;
  const change = edit.documentChanges!.find((c) => 'edits' in c) as { textDocument: { uri: string }; edits: TextEdit[] };
  const file = path.join(ws, '.model-lens.json');
  assert.equal(change.textDocument.uri, pathToFileURL(file).toString());
  const written = change.edits[0].newText;
  assert.deepEqual((JSON.parse(written) as { allow: string[] }).allow, ['azure__openai__my_private_deployment']);
  // The client applies the edit (here: writes the file) and says the file changed; the name is no longer reported.
  const refreshes = () => client.notifications.filter((x) => x.method === 'workspace/diagnostic/refresh').length;
  const changed = async (type: number) => {
    const before = refreshes();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type }] });
    await client.waitFor(() => refreshes() > before, 'a diagnostics refresh after the project file changed');
  };
  writeFileSync(file, written);
  await changed(1);
  assert.deepEqual(await client.diagnostics(uri), []);
  rmSync(file);
  await changed(3);
  assert.equal((await client.diagnostics(uri)).length, 1);
});

test('source.fixAll.modelLens applies every unambiguous fix at once', async () => {
  const text = 'a = AiAgentBasicTextTool(model="azure_openai__gpt_4o_mini", num_tokens_for_completion=99999)\nb = {"model": "google__gemini_2_5_flash_001"}\nc = {"model": "azure__openai__gpt_99_ultra"}\n';
  const uri = open('python', 'py', text);
  const diags = await client.diagnostics(uri);
  assert.deepEqual(diags.map((d) => d.code), ['name-format', 'token-limit', 'retired-model', 'unknown-model']);
  const [all] = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.modelLens']);
  assert.equal(all.kind, 'source.fixAll.modelLens');
  // Asked for the parent kind (as "fix all on save" does), the same action is offered.
  const parent = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  assert.deepEqual(parent.map((a) => a.kind), ['source.fixAll.modelLens']);
  const fixed = apply(text, all.edit!.changes![uri]);
  // The misspelt name, its token limit and the retired name are fixed; the unknown name has no single fix and stays.
  assert.equal(fixed, 'a = AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini", num_tokens_for_completion=16000)\nb = {"model": "google__gemini_2_5_flash"}\nc = {"model": "azure__openai__gpt_99_ultra"}\n');
  client.change(uri, [{ text: fixed }]);
  assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['unknown-model']);
});

test('rules can be turned off or made stricter in settings', async () => {
  const uri = open('yaml', 'yaml', 'model: google__text_bison\n');
  assert.equal((await client.diagnostics(uri))[0].severity, 1);
  await client.updateSettings({ rules: { 'retired-model': 'off' } });
  assert.deepEqual(await client.diagnostics(uri), []);
  await client.updateSettings({ rules: { 'retired-model': 'hint' } });
  assert.equal((await client.diagnostics(uri))[0].severity, 4);
  await client.updateSettings({});
});

test('excluded files are not checked; large files are skipped with one notice', async () => {
  await client.updateSettings({ exclude: ['**/*.gen.py'], maxFileSize: 2000 });
  const excluded = pathToFileURL(path.join(ws, 'x.gen.py')).toString();
  client.open(excluded, 'python', 'm = "azure__openai__gpt_4o_minii"\n');
  assert.deepEqual(await client.diagnostics(excluded), []);
  const big = open('python', 'py', 'm = "azure__openai__gpt_4o_minii"\n'.repeat(200));
  assert.deepEqual(await client.diagnostics(big), []);
  assert.deepEqual(await client.diagnostics(big), []);
  const notices = client.notifications.filter((x) => /^window\/showMessage/.test(x.method) && /maxFileSize/.test(JSON.stringify(x.params)));
  assert.equal(notices.length, 1);
  await client.updateSettings({});
});

test('a card open in the editor shows its card problems', async () => {
  const uri = open('markdown', 'md', '| Item | Value |\n|---|---|\n| API model name | `azure__openai__gpt_4.1_mini` |\n| Input context window | **lots** |\n');
  const codes = (await client.diagnostics(uri)).filter((d) => d.severity !== 3).map((d) => d.code).sort();
  assert.deepEqual(codes, ['card-bad-value', 'name-format']);
});

test('positions are exact after emoji and CRLF', async () => {
  const text = 'note = "🚀🚀"\r\nm = {"model": "azure__openai__gpt_4o_minii"}\r\n';
  const uri = open('python', 'py', text);
  const [d] = await client.diagnostics(uri);
  assert.deepEqual(d.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 42 } });
});

test('edits sent as ranges, one after another: each pull equals the pull of the same text opened afresh', async () => {
  const entry = (i: number) => `  {"id": ${i}, "basic_text": {"model": "azure__openai__gpt_4o_mini${i % 7 === 0 ? 'i' : ''}", "num_tokens_for_completion": ${i % 5 === 0 ? 99999 : 100}}, "models": ["gpt-4o", "gpt-4.1"]}`;
  let doc = TextDocument.create('file:///x.json', 'json', 1, `[\n${Array.from({ length: 400 }, (_, i) => entry(i)).join(',\n')}\n]\n`);
  const uri = open('json', 'json', doc.getText());
  await client.diagnostics(uri);
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pieces = ['i', '"', ',', '}', '{', ']', '0', 'azure__openai__gpt_4o_minii', '"max_tokens": 99999, ', ''];
  for (let k = 0; k < 40; k++) {
    const text = doc.getText();
    const start = doc.positionAt(Math.floor(rnd() * text.length));
    const end = doc.positionAt(Math.min(text.length, doc.offsetAt(start) + Math.floor(rnd() * 4)));
    const change = { range: { start, end }, text: pieces[Math.floor(rnd() * pieces.length)] };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    client.change(uri, [change]);
    const incremental = await client.diagnostics(uri);
    const fresh = open('json', 'json', doc.getText());
    assert.deepEqual(incremental, await client.diagnostics(fresh), `edit ${k}`);
    client.close(fresh);
  }
});
