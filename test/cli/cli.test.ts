/** The `model-lens` command, run as users run it: the built dist/cli.js in a child process. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS, DIST, ROOT, SEEDS } from '../helpers';

const CLI = path.join(DIST, 'cli.js');

function run(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonModel {
  [k: string]: unknown;
  name: string;
  namespace: string;
  status: string;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  releaseDate: string | null;
  knowledgeCutoff: string | null;
  sources: Array<{ file: string; line: number }>;
  catalogs: string[];
}
interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  suggestions: string[];
}

const MODEL_KEYS = ['id', 'namespace', 'name', 'provider', 'hosting', 'category', 'status', 'successor', 'purpose', 'contextWindow', 'maxOutputTokens', 'maxOutputBound', 'releaseDate', 'knowledgeCutoff', 'throughput', 'openSource', 'aliases', 'links', 'sources', 'catalogs'];

test('list --format json: the whole registry in the documented shape', () => {
  const r = run(['list', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const { models } = JSON.parse(r.stdout) as { models: JsonModel[] };
  assert.ok(models.length >= 60);
  for (const m of models) {
    for (const k of MODEL_KEYS) assert.ok(k in m, `${m.name} lacks ${k}`);
    for (const k of ['contextWindow', 'maxOutputTokens'] as const) assert.ok(m[k] === null || Number.isInteger(m[k]), `${m.name}.${k}`);
    for (const k of ['releaseDate', 'knowledgeCutoff'] as const) assert.ok(m[k] === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(m[k]!), `${m.name}.${k}=${m[k]}`);
    assert.ok(['available', 'preview', 'beta', 'deprecated', 'retired'].includes(m.status));
    assert.ok((m.sources.length > 0 || m.catalogs.length > 0) && m.sources.every((s) => s.line >= 1), `${m.name} has no source`);
  }
  const mini = models.find((m) => m.name === 'azure__openai__gpt_4o_mini')!;
  assert.equal(mini.contextWindow, 128_000);
  assert.equal(mini.maxOutputTokens, 16_000);
  assert.equal(mini.releaseDate, '2024-07-18');
  assert.deepEqual([...(mini.links as string[])].sort(), ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18']);
});

test('list: aligned text columns for people, no colour when not on a terminal', () => {
  const r = run(['list']);
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.stdout, /\u001b\[/);
  const lines = r.stdout.split('\n');
  const header = lines.find((l) => l.startsWith('NAME'))!;
  const row = lines.find((l) => l.startsWith('azure__openai__gpt_4o_mini '))!;
  for (const col of ['STATUS', 'PROVIDER', 'CONTEXT', 'OUTPUT']) {
    const at = header.indexOf(col);
    assert.ok(at > 0);
    assert.notEqual(row[at], ' ', `${col} column not aligned`);
    assert.equal(row[at - 1], ' ');
  }
  assert.match(row, /Microsoft Azure\s+128k\s+16k\s+standard\s+chat/);
});

test('cards over the current English docs reports exactly the real inconsistencies of Box\'s cards and index', () => {
  const r = run(['cards', path.join(CORPUS, 'en', 'current'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const { models, diagnostics } = JSON.parse(r.stdout) as { models: JsonModel[]; diagnostics: JsonDiagnostic[] };
  assert.equal(models.length, 31);
  const found = diagnostics.map((d) => `${path.basename(d.file)} ${d.code} ${d.severity}`).sort();
  assert.deepEqual(found, [
    // The card spells gpt_4.1_mini; its tile says gpt_4_1_mini.
    'azure-openai-gpt-4-1-mini-model-card.md card-tile-mismatch warning',
    'azure-openai-gpt-4-1-mini-model-card.md name-format warning',
    // Claude 4 Opus carries Claude 3 Sonnet's release date.
    'aws-claude-4-opus-model-card.md card-conflict info',
    // Titan Text Lite's provider is given as Anthropic.
    'aws-titan-text-lite-model-card.md card-conflict warning',
    // "Model name" twice.
    'google-gemini-2-0-flash-001-model-card.md card-duplicate-field info',
    // ibm__llama__3_2_… with a double underscore in the card; the tile has one.
    'ibm-llama-3-2-90b-vision-instruct-model-card.md card-tile-mismatch warning',
    'ibm-llama-3-2-90b-vision-instruct-model-card.md name-format warning',
    // The tile of azure__openai__gpt_4o shows Preview and Available.
    'index.md card-conflict warning',
    // The tile of aws__claude_4_sonnet links to the Claude 4.5 Sonnet card.
    'index.md card-tile-mismatch warning',
    // The Grok 3 Mini card says Standard, its tile Premium.
    'xai-grok-3-mini-beta-model-card.md card-tile-mismatch warning',
  ].sort());
  for (const d of diagnostics) {
    assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line && d.endColumn >= d.column);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
  }
  const fmt = diagnostics.find((d) => d.code === 'name-format' && d.file.includes('4-1-mini'))!;
  assert.deepEqual(fmt.suggestions, ['azure__openai__gpt_4_1_mini']);
  assert.equal(fmt.line, 20);
  assert.equal(fmt.column, 18);
  const tile = diagnostics.find((d) => d.code === 'card-tile-mismatch' && d.file.endsWith('index.md'))!;
  assert.match(tile.message, /aws__claude_4_sonnet.*aws__claude_4_5_sonnet/);
});

test('cards: text output lists models and problems as path:line:col severity code message', () => {
  const r = run(['cards', path.join(CORPUS, 'en', 'current')]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Box AI API names \(31\)$/m);
  assert.match(r.stdout, /azure-openai-gpt-4-1-mini-model-card\.md:20:18 warning name-format "azure__openai__gpt_4\.1_mini"/);
  assert.match(r.stdout, /32 file\(s\), 31 model\(s\); 0 error\(s\), 8 warning\(s\), 2 info/);
});

test('cards over the seeds: Box cards (English and Japanese) and catalogue pages', () => {
  const r = run(['cards', SEEDS, '--format', 'json']);
  assert.equal(r.code, 0);
  const { models } = JSON.parse(r.stdout) as { models: JsonModel[] };
  assert.deepEqual(models.map((m) => m.name).sort(), ['azure__openai__gpt_4.1_mini', 'azure__openai__gpt_4o_mini', 'azure__openai__gpt_o4_mini', 'gpt-4o-mini', 'o4-mini']);
});

test('cards: an unsafe card is an error (exit 1), and its code never runs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-cli-'));
  const trace = path.join(dir, 'ran');
  writeFileSync(path.join(dir, 'evil.md'), `---js\nrequire('fs').writeFileSync(${JSON.stringify(trace)}, 'x')\n---\n| Item | Value |\n|---|---|\n| API model name | \`aws__evil\` |\n`);
  const r = run(['cards', dir, '--format', 'json']);
  assert.equal(r.code, 1);
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
  assert.equal(diagnostics[0].code, 'card-unsafe-front-matter');
  assert.equal(spawnSync('test', ['-e', trace]).status, 1, 'the front matter was executed');
});

test('bad usage exits 2 with a message', () => {
  for (const args of [[], ['frobnicate'], ['cards'], ['list', '--format', 'xml'], ['cards', '/no/such/dir'], ['list', '--bogus']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^model-lens: /);
  }
  assert.equal(run(['--help']).code, 0);
});
