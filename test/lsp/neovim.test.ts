/**
 * Neovim 0.7 (Debian's package) as a real third-party client: it neither pulls diagnostics nor answers
 * `workspace/configuration`. A headless Neovim opens a file, edits it, pushes a setting, hovers, completes and
 * applies a quick fix (test/lsp/neovim/client.lua); this test checks what it saw. CI installs Neovim and sets
 * MODEL_LENS_REQUIRE_NVIM=1, so there the test cannot be skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DIST } from '../helpers';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const available = nvim.status === 0;
const required = process.env.MODEL_LENS_REQUIRE_NVIM === '1';

const TEXT = [
  'from box_sdk_gen import AiAgentBasicTextTool',
  'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_minii")',
  'old = AiAgentBasicTextTool(model="azure__openai__gpt_o3")',
  'new = AiAgentBasicTextTool(model="azure__op")',
  '',
].join('\n');

interface Seen {
  error?: string;
  steps: Array<{ name: string; value: unknown }>;
}

test('Neovim: pushed diagnostics that follow edits and pushed settings, hover, completion and an applied quick fix', { skip: !available && !required && 'nvim is not installed (CI installs it: scripts/setup-clients.sh)', timeout: 60_000 }, () => {
  assert.ok(available, 'nvim must be installed where MODEL_LENS_REQUIRE_NVIM=1');
  const root = mkdtempSync(path.join(tmpdir(), 'model-lens-nvim-'));
  try {
    const file = path.join(root, 'agent.py');
    writeFileSync(file, TEXT);
    const out = path.join(root, 'seen.json');
    const plan = {
      node: process.execPath,
      server: path.join(DIST, 'server.js'),
      root,
      file,
      out,
      settings: { rules: { 'unknown-model': 'error' } },
      changedSettings: { rules: { 'unknown-model': 'error', 'retired-model': 'hint' } },
      editLine: 1,
      afterEdit: 1,
      hoverAt: [2, 40],
      completeAt: [3, 42],
    };
    writeFileSync(path.join(root, 'plan.json'), JSON.stringify(plan));
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim', 'client.lua')}`], {
      env: { ...process.env, MODEL_LENS_NVIM: path.join(root, 'plan.json') },
      encoding: 'utf8',
      timeout: 50_000,
    });
    const seen = JSON.parse(readFileSync(out, 'utf8')) as Seen;
    assert.equal(seen.error, undefined, `${seen.error ?? ''}\n${r.stderr}`);
    const step = (name: string) => seen.steps.find((s) => s.name === name)?.value;

    // Opened: the typo as an error (the setting given at start), the retired name as an error, within a second;
    // the half-typed name on the last line is not reported.
    const opened = step('opened') as { ms: number; diagnostics: Array<{ code: string; severity: number; line: number }> };
    assert.deepEqual(opened.diagnostics.map((d) => [d.line, d.code, d.severity]), [[1, 'unknown-model', 1], [2, 'retired-model', 1]]);
    assert.ok(opened.ms < 1000, `diagnostics within a second of opening (took ${Math.round(opened.ms)} ms)`);
    // Edited: the typo fixed, its diagnostic gone.
    assert.deepEqual((step('edited') as Array<{ code: string; line: number }>).map((d) => [d.line, d.code]), [[2, 'retired-model']]);
    // A setting pushed in didChangeConfiguration's payload: the retired name is now a hint (Neovim's severity 4).
    assert.deepEqual((step('settings') as Array<{ code: string; severity: number }>).map((d) => [d.code, d.severity]), [['retired-model', 4]]);
    assert.match(step('hover') as string, /gpt_o3[\s\S]*(?:renamed|retired)/i);
    assert.ok((step('completion') as string[]).some((l) => l.startsWith('azure__openai__')), JSON.stringify(step('completion')));
    const fixed = step("fixed") as { title: string; text: string[]; diagnostics: Array<{ code: string }> };
    assert.equal(fixed.title, 'Replace with the successor "openai__gpt_o3"');
    assert.equal(fixed.text[2], 'old = AiAgentBasicTextTool(model="openai__gpt_o3")');
    assert.deepEqual(fixed.diagnostics, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
