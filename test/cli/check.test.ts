/** `model-lens check` on a project: settings from .vscode/settings.json, .gitignore, every output format, exit codes. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DIST } from '../helpers';

let project: string;

function run(args: string[], cwd = project) {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
  writeFileSync(path.join(project, rel), text);
}

before(() => {
  project = mkdtempSync(path.join(tmpdir(), 'model-lens-check-'));
  write('agent.py', 'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_minii", num_tokens_for_completion=100)\nold = {"model": "google__text_bison"}\n');
  write('config/agent.json', '{"basic_text": {"model": "azure__openai__gpt_4o", "num_tokens_for_completion": 9000}, "long_text": {"embeddings": {"model": "aws__claude_3_haiku"}}}\n');
  write('config/app.yaml', 'model: azure_openai__gpt_4o_mini\n');
  write('.env', 'BOX_AI_MODEL=aws__claude_4_5_haiku\n');
  write('src/Agent.cs', 'var t = new AiAgentBasicTextTool { Model = "openai__gpt_5_reasoning_alpha" };\n');
  write('build/generated.py', 'x = "azure__openai__gpt_4o_minii"\n');
  write('.gitignore', 'build/\n');
  write('vendor/skip.ts', 'const m = "azure__openai__gpt_4o_minii";\n');
  write('docs/README.md', 'Set `model` to azure__openai__gpt_4o_mini.\n');
  write('.vscode/settings.json', '{\n  // the project\'s Model Lens settings\n  "modelLens.exclude": ["vendor/**"],\n  "modelLens.rules": { "name-format": "error" }\n}\n');
});
after(() => rmSync(project, { recursive: true, force: true }));

test('text output: path:line:col severity code message; .gitignore and exclude respected; exit 1 on errors', () => {
  const r = run(['check']);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 3).join(' ')), [
    'agent.py:1:36 warning unknown-model',
    'agent.py:2:18 error retired-model',
    'config/agent.json:1:80 error token-limit',
    'config/agent.json:1:126 error wrong-purpose',
    'config/app.yaml:1:8 error name-format',
    'src/Agent.cs:1:45 error retired-model',
  ]);
  assert.doesNotMatch(r.stdout, /build\/|vendor\//);
  assert.match(r.stderr, /7 file\(s\) checked, 0 skipped; 5 error\(s\), 1 warning\(s\)/);
});

test('paths: files and folders given on the command line', () => {
  const r = run(['check', 'config', '.env']);
  assert.equal(r.stdout.trim().split('\n').length, 3);
  assert.equal(run(['check', '.env']).code, 0);
});

test('--format json: the shape of the registry issue', () => {
  const r = run(['check', '--format', 'json']);
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Array<Record<string, unknown>> };
  assert.equal(diagnostics.length, 6);
  assert.deepEqual(Object.keys(diagnostics[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity', 'suggestions']);
  assert.deepEqual(diagnostics[0].suggestions, ['azure__openai__gpt_4o_mini', 'azure__openai__gpt_4_1_mini', 'azure__openai__gpt_o4_mini'].slice(0, (diagnostics[0].suggestions as string[]).length));
  assert.deepEqual(diagnostics.find((d) => d.code === 'token-limit')!.suggestions, ['2000']);
});

test('--format sarif: SARIF 2.1.0', () => {
  const sarif = JSON.parse(run(['check', '--format', 'sarif']).stdout) as {
    version: string;
    runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
  };
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'model-lens');
  assert.equal(run0.results.length, 6);
  for (const res of run0.results) assert.ok(run0.tool.driver.rules.some((rule) => rule.id === res.ruleId));
  const first = run0.results[0];
  assert.equal(first.level, 'warning');
  assert.deepEqual(first.locations[0].physicalLocation.region.startLine, 1);
  assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'agent.py');
});

test('--format github: workflow annotations', () => {
  const lines = run(['check', '--format', 'github']).stdout.trim().split('\n');
  assert.equal(lines.length, 6);
  assert.match(lines[0], /^::warning file=agent\.py,line=1,col=36,endLine=1,endColumn=63,title=model-lens unknown-model::"azure__openai__gpt_4o_minii" is not a known model name/);
  assert.match(lines[1], /^::error file=agent\.py,line=2,/);
});

test('allow in settings silences a name; a clean project exits 0', () => {
  const clean = mkdtempSync(path.join(tmpdir(), 'model-lens-clean-'));
  try {
    mkdirSync(path.join(clean, '.vscode'));
    writeFileSync(path.join(clean, '.vscode', 'settings.json'), '{"modelLens.allow": ["azure__openai__my_*"]}');
    writeFileSync(path.join(clean, 'a.py'), 'm = {"model": "azure__openai__my_deployment"}\nn = {"model": "aws__claude_3_haiku"}\n');
    const r = run(['check'], clean);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stdout, '');
  } finally {
    rmSync(clean, { recursive: true, force: true });
  }
});

test('bad usage exits 2', () => {
  assert.equal(run(['check', 'no/such/path']).code, 2);
  assert.equal(run(['check', '--format', 'xml']).code, 2);
  assert.equal(run(['list', '--format', 'sarif']).code, 2);
});

test('.gitignore: an anchored pattern matches only at its folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-anchored-'));
  try {
    writeFileSync(path.join(dir, '.gitignore'), '/config.py\n/build\n');
    writeFileSync(path.join(dir, 'config.py'), 'm = {"model": "google__text_bison"}\n');
    mkdirSync(path.join(dir, 'src', 'build'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'config.py'), 'm = {"model": "google__text_bison"}\n');
    writeFileSync(path.join(dir, 'src', 'build', 'x.py'), 'm = {"model": "google__text_bison"}\n');
    const files = run(['check', '--format', 'json'], dir);
    const { diagnostics } = JSON.parse(files.stdout) as { diagnostics: Array<{ file: string }> };
    assert.deepEqual(diagnostics.map((d) => d.file).sort(), ['src/build/x.py', 'src/config.py']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('modelLens.catalogs in .vscode/settings.json: check and list use the project\'s catalogue; list --provider filters', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-catalog-'));
  try {
    mkdirSync(path.join(dir, '.vscode'));
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "modelLens.catalogs": ["data/models.json"] }\n');
    writeFileSync(path.join(dir, 'data', 'models.json'), JSON.stringify({ acme: { id: 'acme', name: 'Acme AI', models: { 'acme-large-2611': { name: 'Acme Large', limit: { context: 300000, output: 8000 } } } } }));
    writeFileSync(path.join(dir, 'app.py'), 'client.chat.completions.create(model="acme-large-2611", max_tokens=9000)\n');
    const checked = run(['check', 'app.py', '--format', 'json'], dir);
    const { diagnostics } = JSON.parse(checked.stdout) as { diagnostics: Array<{ code: string; severity: string; message: string }> };
    assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code}`), ['warning token-limit']);
    assert.match(diagnostics[0].message, /8,000 tokens, per catalogue data\/models\.json/);

    const listed = run(['list', '--format', 'json'], dir);
    const { sources, models } = JSON.parse(listed.stdout) as { sources: Array<{ label: string; models: number }>; models: Array<{ name: string }> };
    assert.ok(sources.some((s) => s.label === 'catalogue data/models.json' && s.models === 1));
    assert.ok(models.some((m) => m.name === 'acme-large-2611'));

    const text = run(['list'], dir);
    assert.match(text.stdout, /^Data: Model Lens cards \(\d+ models, checked \d{4}-\d{2}-\d{2}\) · models\.dev data from @tokenlens\/models 1\.3\.0 \(\d+ models, data to \d{4}-\d{2}-\d{2}\) · catalogue data\/models\.json \(1 models, data to/);

    const anthropic = run(['list', '--provider', 'anthropic', '--format', 'json'], dir);
    const only = (JSON.parse(anthropic.stdout) as { models: Array<{ provider: string | null }> }).models;
    assert.ok(only.length > 20 && only.every((m) => m.provider === 'Anthropic'));
    assert.match(run(['list', '--provider', 'nobody'], dir).stdout, /No models of provider "nobody"\. Providers: .*Anthropic/);
    assert.equal(run(['check', '--provider', 'x'], dir).code, 2, '--provider is for list');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('notebooks: code cells checked, positions as cell and line in text, as the notebook file\'s in JSON', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-nb-'));
  try {
    const nb = {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Haiku\n', 'We call `claude-haiku-4-5-20251001`.'] },
        { cell_type: 'code', metadata: {}, outputs: [{ output_type: 'stream', text: ['claude-3-opus-20240229\n'] }], source: ['import anthropic\n', 'MODEL = "claude-3-haiku-20240229"\n'] },
      ],
      metadata: { kernelspec: { language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const text = JSON.stringify(nb, null, 1);
    writeFileSync(path.join(dir, 'demo.ipynb'), text);
    const out = run(['check'], dir);
    assert.equal(out.code, 1);
    assert.match(out.stdout, /^demo\.ipynb:cell 2:2:10 error retired-model "claude-3-haiku-20240307" was retired/m);
    assert.doesNotMatch(out.stdout, /claude-3-opus-20240229/, 'outputs are not read');
    const { diagnostics } = JSON.parse(run(['check', '--format', 'json'], dir).stdout) as { diagnostics: Array<{ line: number; column: number; endColumn: number; cell: number; cellLine: number; cellColumn: number }> };
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0];
    assert.deepEqual([d.cell, d.cellLine, d.cellColumn], [2, 2, 10]);
    const line = text.split('\n')[d.line - 1];
    assert.equal(line.slice(d.column - 1, d.endColumn - 1), 'claude-3-haiku-20240229');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files that are not regular text files are never read, and each is said: a FIFO, a link into /proc, a binary; bad settings said', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-special-'));
  try {
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'modelLens.allow': ['x'.repeat(5000)] }));
    writeFileSync(path.join(dir, 'a.py'), 'm = {"model": "azure__openai__gpt_4o_minii"}\n');
    writeFileSync(path.join(dir, 'blob.py'), Buffer.from('m = "azure__openai__gpt_4o_minii"\0\x01\x02'));
    spawnSync('mkfifo', [path.join(dir, 'pipe.py')]);
    if (existsSync('/proc/self/status')) symlinkSync('/proc/self/status', path.join(dir, 'status.py'));
    const started = Date.now();
    const r = run(['check', 'a.py', 'blob.py', 'pipe.py', ...(existsSync('/proc/self/status') ? ['status.py'] : [])], dir);
    assert.ok(Date.now() - started < 20_000);
    assert.equal(r.code, 0, r.stderr); // a warning only
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('a.py:')).length, 1, r.stdout);
    assert.ok(!r.stdout.includes('blob.py:'), r.stdout);
    assert.match(r.stderr, /skipped blob\.py: not a text file/);
    assert.match(r.stderr, /skipped pipe\.py: not a regular file/);
    if (existsSync('/proc/self/status')) assert.match(r.stderr, /skipped status\.py: nothing under \/proc, \/sys or \/dev is read/);
    // The settings' own problems are said once, too.
    assert.match(r.stderr, /model-lens: .*allow/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
