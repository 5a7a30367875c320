/** `model-lens check` as CI tools expect: standard input, quoted globs, --max-warnings, --quiet, colour, --config. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { useColor } from '../../server/src/cli/text';
import { DIST } from '../helpers';

let project: string;
const ESC = '\u001b[';

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NO_COLOR'));
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd: project, input, encoding: 'utf8', env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
  writeFileSync(path.join(project, rel), text);
}

const WARN = 'a = {"model": "azure__openai__gpt_4o_minii"}\n';
const ERR = 'b = {"model": "google__text_bison"}\n';

before(() => {
  project = mkdtempSync(path.join(tmpdir(), 'model-lens-ci-'));
  write('src/agents/deep/one.py', WARN);
  write('src/two.py', ERR);
  write('docs/three.md', 'Use `azure__openai__gpt_4o_minii`.\n');
  write('warn-only.py', WARN + WARN.replace('a =', 'c ='));
});
after(() => rmSync(project, { recursive: true, force: true }));

test('check -: standard input, in the language and at the path --stdin-filename gives', () => {
  const named = run(['check', '-', '--stdin-filename', path.join(project, 'src', 'new.py'), '--format', 'json'], ERR);
  assert.equal(named.code, 1);
  const [d] = (JSON.parse(named.stdout) as { diagnostics: Array<{ file: string; code: string }> }).diagnostics;
  assert.deepEqual([d.file, d.code], ['src/new.py', 'retired-model']);
  // Without a name: plain text, reported as "-".
  const plain = run(['check', '-'], 'The model azure__openai__gpt_4o_minii is wrong.\n');
  assert.match(plain.stdout, /^-:1:11 /);
  // The name's language decides: the same text as YAML is a key and a value.
  assert.match(run(['check', '-', '--stdin-filename', 'cfg.yaml'], 'model: google__text_bison\n').stdout, /^cfg\.yaml:1:8 error retired-model/);
  assert.equal(run(['check', '--stdin-filename', 'x.py']).code, 2, '--stdin-filename without -');
});

test('quoted globs, with the matcher of exclude (no shell expansion, ** without globstar)', () => {
  const r = run(['check', 'src/**/*.py', '--format', 'json']);
  const files = (JSON.parse(r.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file).sort();
  assert.deepEqual(files, ['src/agents/deep/one.py', 'src/two.py']);
  assert.equal(run(['check', 'nothing/**/*.py']).code, 2, 'a glob that matches nothing is bad usage, like a missing path');
  const absolute = run(['check', path.join(project, 'src/**/*.py'), '--format', 'json']);
  assert.equal((JSON.parse(absolute.stdout) as { diagnostics: unknown[] }).diagnostics.length, 2, 'an absolute glob');
  assert.equal(run(['check', 'missing.py']).code, 2, 'a missing path is still bad usage');
});

test('--max-warnings N: exit 1 above it; --quiet: errors only, warnings still counted', () => {
  assert.equal(run(['check', 'warn-only.py']).code, 0);
  assert.equal(run(['check', 'warn-only.py', '--max-warnings', '2']).code, 0);
  const over = run(['check', 'warn-only.py', '--max-warnings', '1']);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /2 warning\(s\), more than --max-warnings 1/);
  assert.equal(run(['check', '--max-warnings', 'many']).code, 2);
  const quiet = run(['check', '--quiet', '--format', 'json']);
  const codes = (JSON.parse(quiet.stdout) as { diagnostics: Array<{ severity: string }> }).diagnostics.map((d) => d.severity);
  assert.deepEqual([...new Set(codes)], ['error']);
  assert.equal(run(['check', 'warn-only.py', '--quiet', '--max-warnings', '0']).code, 1);
});

test('colour: --color and --no-color win, then FORCE_COLOR, then a terminal without NO_COLOR', () => {
  assert.ok(run(['check', 'src/two.py', '--color']).stdout.includes(ESC));
  assert.ok(!run(['check', 'src/two.py']).stdout.includes(ESC), 'not a terminal');
  assert.ok(run(['check', 'src/two.py'], undefined, { FORCE_COLOR: '1' }).stdout.includes(ESC));
  assert.ok(!run(['check', 'src/two.py', '--no-color'], undefined, { FORCE_COLOR: '1' }).stdout.includes(ESC));
  assert.equal(useColor(null, { FORCE_COLOR: '0' }, true), false);
  assert.equal(useColor(null, { NO_COLOR: '1' }, true), false);
  assert.equal(useColor(null, {}, true), true);
});

test('--config FILE: a project file from elsewhere; one that is missing or broken is bad usage', () => {
  write('ci/model-lens.json', '{ "allow": ["azure__openai__gpt_4o_minii"], "rules": { "retired-model": "warning" } }');
  const r = run(['check', '--config', 'ci/model-lens.json', '--format', 'json']);
  assert.equal(r.code, 0, r.stdout);
  const ds = (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; severity: string }> }).diagnostics;
  assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['retired-model', 'warning']]);
  assert.equal(run(['check', '--config', 'ci/none.json']).code, 2);
  write('ci/broken.json', '{ "allow": ');
  const broken = run(['check', '--config', 'ci/broken.json']);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /not valid JSON/);
});

test('--force-exclude holds named files to exclude and the languages read (pre-commit names every file); the project file keeps the default excludes and its problems are said', () => {
  write('.model-lens.json', '{ "exclude": ["src/agents/**"], "bogus": 1 }');
  write('node_modules/pkg/x.py', ERR);
  write('data.csv', 'model,azure__openai__gpt_4o_minii\n');
  try {
    assert.equal(run(['check', 'src/agents/deep/one.py', '--format', 'json']).code, 0, 'named: checked even if excluded');
    assert.equal((JSON.parse(run(['check', 'src/agents/deep/one.py', '--format', 'json']).stdout) as { diagnostics: unknown[] }).diagnostics.length, 1);
    const forced = run(['check', '--force-exclude', 'src/agents/deep/one.py', 'data.csv', 'src/two.py', '--format', 'json']);
    const files = (JSON.parse(forced.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
    assert.deepEqual(files, ['src/two.py']);
    // The file's exclude joins the defaults: node_modules stays out of a check of the whole project.
    const all = run(['check', '--format', 'json']);
    const checked = (JSON.parse(all.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
    assert.ok(!checked.some((f) => f.startsWith('node_modules/') || f.startsWith('src/agents/')), checked.join(' '));
    assert.match(all.stderr, /model-lens: \.model-lens\.json:1:\d+: warning: "bogus" is not a Model Lens setting/);
  } finally {
    rmSync(path.join(project, '.model-lens.json'));
    rmSync(path.join(project, 'node_modules'), { recursive: true });
  }
});
