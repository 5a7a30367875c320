/**
 * The CI integrations: the GitHub Action runs the script its one step runs (scripts/action.sh) with the inputs as
 * GitHub passes them; the pre-commit hook is installed and run by pre-commit itself (`pre-commit try-repo`, Debian's
 * package; CI installs it and sets MODEL_LENS_REQUIRE_PRECOMMIT=1, so there it cannot be skipped).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import matter from 'gray-matter';
import { ROOT } from '../helpers';

let project: string;
before(() => {
  project = mkdtempSync(path.join(tmpdir(), 'model-lens-action-'));
  mkdirSync(path.join(project, 'src', 'deep'), { recursive: true });
  writeFileSync(path.join(project, 'src', 'deep', 'agent.py'), 'old = {"model": "google__text_bison"}\n');
  writeFileSync(path.join(project, 'src', 'typo.py'), 'a = {"model": "azure__openai__gpt_4o_minii"}\n');
  writeFileSync(path.join(project, 'notes.txt'), 'nothing here\n');
});
after(() => rmSync(project, { recursive: true, force: true }));

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Array<{ id?: string; run?: string; env?: Record<string, string> }> };
}

function action(inputs: Record<string, string>, output?: string) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_WORKSPACE: project };
  if (output) env.GITHUB_OUTPUT = output;
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  return spawnSync('bash', [path.join(ROOT, 'scripts', 'action.sh')], { env, encoding: 'utf8' });
}

test('action.yml: a composite action whose step passes every input to scripts/action.sh', () => {
  const spec = matter(`---\n${readFileSync(path.join(ROOT, 'action.yml'), 'utf8')}\n---\n`).data as Action;
  assert.equal(spec.runs.using, 'composite');
  const step = spec.runs.steps.find((s) => s.run?.includes('scripts/action.sh'));
  assert.ok(step, 'a step runs scripts/action.sh');
  for (const name of Object.keys(spec.inputs)) {
    const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
    assert.equal(step.env?.[variable], `\${{ inputs.${name} }}`, variable);
    assert.ok(readFileSync(path.join(ROOT, 'scripts', 'action.sh'), 'utf8').includes(variable), `the script reads ${variable}`);
  }
});

test('the action: annotations, a quoted glob in paths, max-warnings, and a SARIF file with its output', () => {
  const annotations = action({ paths: 'src/**/*.py', format: 'github' });
  assert.equal(annotations.status, 1, annotations.stderr);
  const lines = annotations.stdout.trim().split('\n').sort();
  assert.equal(lines.length, 2, annotations.stdout);
  assert.match(lines[0], /^::error file=src\/deep\/agent\.py,line=1,/);
  assert.match(lines[1], /^::warning file=src\/typo\.py,line=1,/);
  assert.equal(action({ paths: 'src/typo.py', 'max-warnings': '' }).status, 0);
  assert.equal(action({ paths: 'src/typo.py', 'max-warnings': '0' }).status, 1);
  const out = path.join(project, 'github-output');
  const sarif = action({ paths: '.', format: 'sarif', 'sarif-file': 'results.sarif' }, out);
  assert.equal(sarif.status, 1);
  assert.equal(readFileSync(out, 'utf8'), 'sarif-file=results.sarif\n');
  const log = JSON.parse(readFileSync(path.join(project, 'results.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs[0].results.length, 2);
  assert.equal(action({ format: 'html' }).status, 2);
});

const precommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.MODEL_LENS_REQUIRE_PRECOMMIT === '1';

test('the pre-commit hook: installed by pre-commit from this repository and run on staged files', { skip: !precommit && !required && 'pre-commit is not installed (CI installs it: scripts/setup-clients.sh)', timeout: 900_000 }, () => {
  assert.ok(precommit, 'pre-commit must be installed where MODEL_LENS_REQUIRE_PRECOMMIT=1');
  const repo = mkdtempSync(path.join(tmpdir(), 'model-lens-precommit-'));
  try {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    writeFileSync(path.join(repo, 'agent.py'), 'old = {"model": "google__text_bison"}\n');
    writeFileSync(path.join(repo, 'fine.py'), 'ok = {"model": "azure__openai__gpt_4o_mini"}\n');
    git('add', '.');
    const run = (...files: string[]) =>
      spawnSync('pre-commit', ['try-repo', ROOT, 'model-lens', '--files', ...files], { cwd: repo, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: path.join(repo, '.cache') }, timeout: 880_000 });
    const bad = run('agent.py', 'fine.py');
    assert.equal(bad.status, 1, `${bad.stdout}\n${bad.stderr}`);
    assert.match(bad.stdout, /agent\.py:1:18 error retired-model/);
    const good = run('fine.py');
    assert.equal(good.status, 0, `${good.stdout}\n${good.stderr}`);
    assert.match(good.stdout, /Model Lens\.+Passed/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
