/** The CLI as an npm package: the tarball holds only what runs, installs into an empty folder and checks from there. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack holds only what runs; installed, `model-lens` checks a project', { timeout: 120_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'model-lens-npm-'));
  try {
    // The bundles are those the test run built; --ignore-scripts keeps `npm pack` from building them again meanwhile.
    const pack = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
    const files = info.files.map((f) => f.path);
    const allowed = /^(?:dist\/(?:cli|server)\.js|data\/cards\/.+\.md|data\/model-lens\.schema\.json|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;
    for (const f of files) assert.match(f, allowed, `${f} should not be published`);
    for (const f of ['dist/cli.js', 'dist/server.js', 'README.md', 'package.json']) assert.ok(files.includes(f), `${f} is published`);
    assert.ok(info.size < 3 * 1024 * 1024, `${info.size} bytes packed`);

    // An empty project installs it (it has no runtime dependencies) and runs it by its name.
    const project = path.join(work, 'project');
    spawnSync('mkdir', ['-p', project]);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "sample", "version": "1.0.0", "private": true }\n');
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, info.filename)], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    writeFileSync(path.join(project, 'agent.py'), 'old = {"model": "google__text_bison"}\n');
    const bin = path.join(project, 'node_modules', '.bin', 'model-lens');
    const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const check = spawnSync(bin, ['check', 'agent.py'], { cwd: project, encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^agent\.py:1:18 error retired-model/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
