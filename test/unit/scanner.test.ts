/** The scanner on its own: candidates, their keys and structures, and comments, for each family of languages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateAt, fileFlavor, scan, slotOf, type Candidate, type ScanResult } from '../../server/src/scanner';

/** The candidates as [text, key, reason], in document order. */
const found = (r: ScanResult): Array<[string, string | null, string]> => r.candidates.map((c) => [c.value.text, c.key, c.reason]);
const only = (r: ScanResult, text: string): Candidate => {
  const c = r.candidates.filter((x) => x.value.text === text);
  assert.equal(c.length, 1, `one candidate "${text}" in ${JSON.stringify(found(r))}`);
  return c[0];
};

test('code: keyword arguments, sibling pairs and the call they sit in (Python)', () => {
  const src = 'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini", num_tokens_for_completion=8000)\n';
  const r = scan(src, 'python');
  const c = only(r, 'azure__openai__gpt_4o_mini');
  assert.equal(c.key, 'model');
  assert.equal(c.reason, 'key');
  assert.equal(c.container.kind, 'call');
  assert.equal(c.container.callee, 'AiAgentBasicTextTool');
  assert.equal(c.container.pairs.get('num_tokens_for_completion')?.text, '8000');
  assert.equal(c.container.pairs.get('num_tokens_for_completion')?.kind, 'number');
  assert.equal(src.slice(c.value.start, c.value.end), 'azure__openai__gpt_4o_mini');
});

test('code: Python string prefixes, triple quotes and comments', () => {
  const r = scan('a = r"gpt-4o-mini"\nb = """claude-3-haiku-20240307"""\n# uses o4-mini and gpt-4.1\n', 'python');
  assert.deepEqual(found(r), [
    ['gpt-4o-mini', 'a', 'shape'],
    ['claude-3-haiku-20240307', null, 'shape'],
    ['o4-mini', null, 'shape'],
    ['gpt-4.1', null, 'shape'],
  ]);
  assert.equal(r.comments.length, 1);
  assert.equal(r.comments[0].text, ' uses o4-mini and gpt-4.1');
  // A triple-quoted string is a docstring or a block of text: its words are prose.
  assert.deepEqual(r.candidates.map((c) => c.where), ['value', 'prose', 'comment', 'comment']);
});

test('code: JSON keys are keys, nested objects carry their key', () => {
  const src = '{"ai_agent": {"type": "ai_agent_ask", "long_text": {"model": "aws__claude_4_5_haiku", "embeddings": {"model": "azure__openai__text_embedding_ada_002"}}}}';
  const r = scan(src, 'json');
  const chat = only(r, 'aws__claude_4_5_haiku');
  assert.equal(chat.key, 'model');
  assert.equal(chat.container.key, 'long_text');
  assert.equal(slotOf(chat), 'chat');
  const emb = only(r, 'azure__openai__text_embedding_ada_002');
  assert.equal(emb.container.key, 'embeddings');
  assert.equal(slotOf(emb), 'embeddings');
  assert.equal(r.candidates.some((c) => c.value.text === 'ai_agent_ask'), false, 'a type tag is not a candidate');
});

test('code: TypeScript objects, a conditional is not a key, template literals', () => {
  const r = scan('const m = fast ? "gpt-4o-mini" : "gpt-4.1";\nconst o = { modelName: `gpt-4o`, maxTokens: 100 };\n', 'typescript');
  assert.deepEqual(found(r), [
    ['gpt-4o-mini', 'm', 'shape'],
    ['gpt-4.1', null, 'shape'],
    ['gpt-4o', 'modelName', 'key'],
  ]);
  assert.equal(only(r, 'gpt-4o').container.pairs.get('maxTokens')?.text, '100');
});

test('code: a Java builder chain keeps its calls together', () => {
  const r = scan('AiAgentBasicTextTool t = new AiAgentBasicTextTool.Builder().model("azure__openai__gpt_4o_mini").numTokensForCompletion(9000).build();', 'java');
  const c = only(r, 'azure__openai__gpt_4o_mini');
  assert.equal(c.key, 'model');
  assert.equal(c.container.pairs.get('numTokensForCompletion')?.text, '9000');
});

test('code: C# properties and verbatim strings; Go raw strings have no escapes', () => {
  const cs = scan('var t = new AiAgentBasicTextTool { Model = @"azure__openai__gpt_4o_mini", NumTokensForCompletion = 8000 };', 'csharp');
  const c = only(cs, 'azure__openai__gpt_4o_mini');
  assert.equal(c.key, 'Model');
  assert.equal(c.container.callee, 'AiAgentBasicTextTool');
  // In a raw string a backslash escapes nothing: the string ends at the next back quote.
  const go = scan('path := `C:\\models\\`\nmodel := "gpt-4o-mini"', 'go');
  assert.deepEqual(found(go), [['gpt-4o-mini', 'model', 'key']]);
});

test('code: statements apart are not siblings', () => {
  const r = scan('model = "gpt-4o-mini"\nmax_tokens = 99999\n', 'python');
  assert.equal(only(r, 'gpt-4o-mini').container.pairs.has('max_tokens'), false);
});

test('code: an empty model value is a candidate for completion; ordinary strings are not candidates', () => {
  const r = scan('client.create(model="", prompt="hello_world", url="https://x/gpt-4o")', 'python');
  assert.deepEqual(found(r), [['', 'model', 'key']]);
});

test('YAML: keys, nesting, sequences, flow collections and comments', () => {
  const src = [
    'agent:',
    '  basic_text:',
    '    model: azure__openai__gpt_4o_mini   # the default',
    '    num_tokens_for_completion: 8000',
    'models:',
    '  - gpt-4o-mini',
    '  - "o4-mini"',
    'inline: {model: "gpt-4.1"}',
    'model: ',
  ].join('\n');
  const r = scan(src, 'yaml');
  assert.deepEqual(found(r), [
    ['azure__openai__gpt_4o_mini', 'model', 'key'],
    ['', 'models', 'key'],
    ['gpt-4o-mini', 'models', 'key'],
    ['o4-mini', 'models', 'key'],
    ['gpt-4.1', 'model', 'key'],
    ['', 'model', 'key'],
  ]);
  const c = only(r, 'azure__openai__gpt_4o_mini');
  assert.equal(c.container.key, 'basic_text');
  assert.equal(c.container.pairs.get('num_tokens_for_completion')?.kind, 'number');
  assert.equal(r.comments.length, 1);
  assert.equal(r.comments[0].text, ' the default');
});

test('key=value: .env, INI sections, TOML arrays and comments', () => {
  const env = scan('# Box AI\nBOX_AI_MODEL=aws__claude_4_5_haiku\nexport OPENAI_MODEL="gpt-4o-mini"\nAPI_KEY=abc # gpt-4.1 in a comment is not a value\n', 'dotenv');
  assert.deepEqual(found(env), [
    ['aws__claude_4_5_haiku', 'BOX_AI_MODEL', 'key'],
    ['gpt-4o-mini', 'OPENAI_MODEL', 'key'],
  ]);
  const ini = scan('[llm]\nmodel = gpt-4o-mini\n', 'ini');
  assert.equal(only(ini, 'gpt-4o-mini').container.kind, 'section');
  assert.equal(only(ini, 'gpt-4o-mini').container.key, 'llm');
  const toml = scan('models = ["gpt-4o-mini", "o4-mini"]\n', 'toml');
  assert.deepEqual(found(toml).map((f) => f[0]), ['gpt-4o-mini', 'o4-mini']);
});

test('Markdown: prose words shaped like names, fenced blocks scanned as their language, HTML comments', () => {
  const src = [
    'Use azure__openai__gpt_4o_mini for speed.',
    '',
    '```python',
    'client.chat.completions.create(model="gpt-4o-mini")  # or o4-mini',
    '```',
    '',
    '<!-- model-lens-ignore-next-line -->',
    'Plain words like model and deployment are not names.',
  ].join('\n');
  const r = scan(src, 'markdown');
  assert.deepEqual(found(r), [
    ['azure__openai__gpt_4o_mini', null, 'shape'],
    ['gpt-4o-mini', 'model', 'key'],
    ['o4-mini', null, 'shape'],
  ]);
  assert.equal(only(r, 'gpt-4o-mini').container.callee, 'client.chat.completions.create');
  assert.equal(only(r, 'o4-mini').where, 'comment');
  assert.ok(r.comments.some((c) => c.text.includes('model-lens-ignore-next-line')));
});

test('plain text: only words shaped like model names', () => {
  const r = scan('We moved from gpt-4o to gpt-4.1 and aws__claude_4_5_sonnet; see model_settings.yml.', 'plaintext');
  assert.deepEqual(found(r).map((f) => f[0]), ['gpt-4o', 'gpt-4.1', 'aws__claude_4_5_sonnet']);
});

test('unknown languages get the generic scanner', () => {
  const r = scan('let m = "gpt-4o-mini" // and o4-mini\n# also claude-3-haiku-20240307', 'some-new-language');
  assert.deepEqual(found(r).map((f) => f[0]), ['gpt-4o-mini', 'o4-mini', 'claude-3-haiku-20240307']);
});

test('candidates are in document order; candidateAt finds the one under an offset, ends included', () => {
  const src = 'a(model="gpt-4o-mini")\nb(model="o4-mini")';
  const r = scan(src, 'python');
  const at = src.indexOf('o4-mini');
  assert.equal(candidateAt(r, at)?.value.text, 'o4-mini');
  assert.equal(candidateAt(r, at + 'o4-mini'.length)?.value.text, 'o4-mini');
  assert.equal(candidateAt(r, 0), undefined);
  for (let i = 1; i < r.candidates.length; i++) assert.ok(r.candidates[i - 1].value.start <= r.candidates[i].value.start);
});

test('an unterminated string is open (the user is typing) and ends at the line', () => {
  const r = scan('x = create(model="azure__openai__gp\ny = 1', 'python');
  const c = r.candidates[0];
  assert.equal(c.value.text, 'azure__openai__gp');
  assert.equal(c.value.open, true);
});

test("fileFlavor: whose names a file uses", () => {
  assert.equal(fileFlavor('from box_sdk_gen import AiAgentAsk'), 'box');
  assert.equal(fileFlavor('from openai import OpenAI'), 'vendor');
  assert.equal(fileFlavor('from openai import OpenAI\nfrom box_sdk_gen import X'), null);
  assert.equal(fileFlavor('print(1)'), null);
});

test('shell: flag arguments and assignments are values; other words and `git commit -m` messages are not', () => {
  const src = [
    'aider --model o1-mini --weak-model=gpt-4o-mini',
    'export OPENAI_MODEL="gpt-4o" && llm -m claude-3-haiku-20240307 "hi"',
    'git commit -m "gpt-4 fix" ; python -m gpt_tool',
    'echo gpt-4o-mini  # the default is gpt-4.1',
    "curl -d '{\"model\": \"gpt-4-0613\"}' https://example.test",
  ].join('\n');
  const r = scan(src, 'shellscript');
  assert.deepEqual(found(r), [
    ['o1-mini', 'model', 'key'],
    ['gpt-4o-mini', 'weak-model', 'key'],
    ['gpt-4o', 'OPENAI_MODEL', 'key'],
    ['claude-3-haiku-20240307', 'model', 'key'],
    ['gpt-4.1', null, 'shape'],
    ['gpt-4-0613', 'model', 'key'],
  ]);
  assert.deepEqual(r.candidates.map((c) => c.where), ['value', 'value', 'value', 'value', 'comment', 'value']);
  const c = only(r, 'gpt-4o');
  assert.equal(src.slice(c.value.start, c.value.end), 'gpt-4o');
});

test('shell: in a console transcript (```console), only the lines after a prompt are commands', () => {
  const md = '```console\n$ llm -m gpt-4o-mini hi\n--model gpt-4-0314\nMODEL=o1-mini\n```\n';
  assert.deepEqual(found(scan(md, 'markdown')), [['gpt-4o-mini', 'model', 'key']]);
  // A fence without prompts is a script: every line is a command.
  assert.deepEqual(found(scan('```bash\naider --model o1-mini\n```\n', 'markdown')), [['o1-mini', 'model', 'key']]);
});

test('shell: a request body quoted over several lines, and a JSON block under a shell tag, are read as JSON', () => {
  const md = [
    '```sh',
    'curl -X POST "https://api.box.com/2.0/ai/ask" \\',
    "  -d '{",
    '    "ai_agent": { "basic_text": { "model": "azure__openai__gpt_4o_mini" } }',
    "  }'",
    'aider --model o1-mini',
    '```',
    '```sh',
    '{ "model": "openai__gpt_4o_2024_05_13" }',
    '```',
  ].join('\n');
  const r = scan(md, 'markdown');
  assert.deepEqual(found(r), [
    ['azure__openai__gpt_4o_mini', 'model', 'key'],
    ['o1-mini', 'model', 'key'],
    ['openai__gpt_4o_2024_05_13', 'model', 'key'],
  ]);
  assert.equal(only(r, 'azure__openai__gpt_4o_mini').container.parent?.key, 'ai_agent');
});

test('shell: a quote left open runs to the end, as in the shell; what follows is inside it', () => {
  // Bash reads `don't …` as an open quote too: the next line is part of the string, not a command.
  assert.deepEqual(found(scan("echo don't\naider --model o1-mini\n", 'shellscript')), []);
  // A value whose closing quote is missing is not a name (the quote is part of the word).
  assert.deepEqual(found(scan('MODEL="o1-mini\n', 'shellscript')), []);
  // Closed, the same lines are found.
  assert.deepEqual(found(scan("echo 'done'\naider --model o1-mini\nMODEL=\"o1-mini\"\n", 'shellscript')), [
    ['o1-mini', 'model', 'key'],
    ['o1-mini', 'MODEL', 'key'],
  ]);
});

test('code: a subscript being assigned names the key of its value (`os.environ["…"] = …`)', () => {
  const src = 'os.environ["OPENAI_MODEL"] = "gpt-4o-mini"\nos.environ["AZURE_OPENAI_DEPLOYMENT_NAME"] = "gpt-4o-2024-08-06"\nok = cfg["model"] == "gpt-4.1"\nnames = ["gpt-4o"]\n';
  const r = scan(src, 'python');
  assert.deepEqual(found(r), [
    ['gpt-4o-mini', 'OPENAI_MODEL', 'key'],
    ['gpt-4o-2024-08-06', 'AZURE_OPENAI_DEPLOYMENT_NAME', 'key'],
    ['gpt-4.1', null, 'shape'],
    ['gpt-4o', null, 'shape'],
  ]);
  // A deployment is the user's own name; the compared value is about names.
  assert.deepEqual(r.candidates.map((c) => c.about), [false, true, true, false]);
});
