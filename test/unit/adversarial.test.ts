/** Hostile documents and cards: nothing may hang, go quadratic or crash. Each case must finish quickly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { collectCardFiles, parseCardFiles } from '../../server/src/cards/files';
import { checkText } from '../../server/src/diagnostics/engine';
import { buildRegistry, parseDocument } from '../../server/src/registry';
import { scan } from '../../server/src/scanner';
import { readSettings } from '../../server/src/settings';
import { ROOT } from '../helpers';

const N = 40_000;
const CASES: Array<[string, string]> = [
  ['title of spaces', `# a${' '.repeat(5000)}b\n| API model name | \`aws__x\` |\n`],
  ['description of brackets', `# t\n\n${'a['.repeat(20_000)}\n\n| API model name | \`aws__x\` |\n`],
  ['separator of spaces', `| API model name | \`aws__x\` |\n|--${' '.repeat(30_000)}x\n`],
  ['many tile openings', '<Tile '.repeat(20_000)],
  ['many empty comments (C-like)', '//\n'.repeat(N)],
  ['many empty comments (#)', '#\n'.repeat(N)],
  ['many fences', '```\n'.repeat(N)],
  ['many backticks', '`'.repeat(N)],
  ['identifier, spaces, brackets', `a${' '.repeat(N)}${'('.repeat(N)}`],
  ['identifier, spaces, braces', `a${' '.repeat(N)}${'{'.repeat(N)}`],
  ['deep nesting', '{'.repeat(100_000)],
  ['YAML line of spaces', `a${' '.repeat(N)}: x\n`],
  ['YAML key without colon', `${'k'.repeat(N)} ${'v'.repeat(N)}\n`],
  ['unterminated strings', '"'.repeat(N)],
  ['long line after short ones', `${'x = 1\n'.repeat(20_000)}${'a'.repeat(100_000)}\n`],
  ['HTML comment openings without an end', '<!--'.repeat(N)],
  ['shell: open quotes and continuations', `aider --model ${"'".repeat(N)}\\\n`.repeat(3) + '"'.repeat(N)],
  ['console prompts', '$ llm -m gpt-4\n'.repeat(N / 4)],
  ['emoji before every name', '"😀gpt-4o-minii", '.repeat(N / 4)],
  ['unique Box-shaped typos', Array.from({ length: 3000 }, (_, i) => `m${i} = "azure__openai__gpt_${i}_zz${i}"`).join('\n')],
];

const LANGS = ['python', 'typescript', 'json', 'yaml', 'dotenv', 'markdown', 'plaintext', 'csharp', 'shellscript', 'unknown-language'];

test('no input makes parsing, scanning or checking slow', async () => {
  const registry = buildRegistry([await parseCardFiles(await collectCardFiles([path.join(ROOT, 'data', 'cards')]))]);
  const settings = readSettings({});
  for (const [name, text] of CASES) {
    const t0 = Date.now();
    parseDocument('x.md', text);
    for (const lang of LANGS) {
      scan(text, lang);
      checkText({ text, languageId: lang, path: lang === 'markdown' ? 'x.md' : undefined, registry, settings });
    }
    const ms = Date.now() - t0;
    if (process.env.MODEL_LENS_TIMINGS) console.log(`${name}: ${ms} ms`);
    assert.ok(ms < 4000, `${name}: ${ms} ms for ${LANGS.length} languages`);
  }
});

test('prototype names in cards and tiles are just unknown words', () => {
  const index = parseDocument('index.md', '<Tile title="aws__x" href="/x"><strong>constructor</strong><strong>__proto__</strong><strong>toString</strong></Tile>');
  assert.equal(index.kind, 'index');
  if (index.kind !== 'index') return;
  assert.equal(index.tiles[0].status, null);
  assert.equal(index.tiles[0].category, null);
  const r = buildRegistry([[index]]);
  assert.equal(r.get('aws__x')?.entry.status, 'available');
});

test('front matter names that are not names are refused (they would reach quick fixes and hovers)', () => {
  const d = parseDocument('c.md', '---\nstatus: retired\nsuccessor: \'x"; os.system("rm -rf /"); y="\'\naliases: ["x\\n\\n<b>h</b> [run](command:evil)"]\n---\n| Item | Value |\n|---|---|\n| API model name | `aws__old` |\n');
  assert.equal(d.kind, 'card');
  if (d.kind !== 'card') return;
  assert.equal(d.meta.successor, undefined);
  assert.deepEqual(d.meta.aliases, []);
  assert.equal(d.diagnostics.filter((x) => x.code === 'card-bad-value').length, 2);
});

test('completion in a very large document scans only around the cursor', async () => {
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const { ScanCache } = await import('../../server/src/session/scanCache');
  const { completionSite } = await import('../../server/src/features/completion');
  const filler = 'x = 1\n'.repeat(600_000);
  const text = `${filler}tool = AiAgentBasicTextTool(model="azure__op")\n${filler}`;
  const doc = TextDocument.create('file:///big.py', 'python', 1, text);
  const offset = text.indexOf('azure__op') + 4;
  const t0 = Date.now();
  const site = completionSite(doc, offset, new ScanCache().scanNear(doc, offset, 2 * 1024 * 1024));
  assert.ok(Date.now() - t0 < 200, `${Date.now() - t0} ms`);
  assert.equal(site?.typed, 'azur');
  assert.equal(site?.start, text.indexOf('azure__op'));
});

test('settings.json cannot pollute prototypes, and odd keys do not crash the CLI', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { readProjectSettings } = await import('../../server/src/cli/projectSettings');
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-proto-'));
  mkdirSync(path.join(dir, '.vscode'));
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{"modelLens.__proto__.polluted": 1, "modelLens.constructor.prototype.polluted2": 1, "modelLens.rules": "x", "modelLens.rules.a.b": 1, "modelLens.allow": ["a"]}');
  const { settings } = await readProjectSettings(dir);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(({} as Record<string, unknown>).polluted2, undefined);
  assert.deepEqual(settings.allow, ['a']);
});

test('globs that are not valid patterns are matched literally instead of failing', async () => {
  const { matchGlob } = await import('../../server/src/util/glob');
  assert.equal(matchGlob('build{', 'build{'), true);
  assert.equal(matchGlob('[z-a]', 'x'), false);
  assert.equal(matchGlob('src/{a,b}/*.py', 'src/a/x.py'), true);
});
