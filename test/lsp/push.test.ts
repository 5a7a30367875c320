/** Clients that do not pull: pushed diagnostics and settings given in the payload; and the first pull waits for the settings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client';

const TYPO = 'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_minii")\n';

test('a client that does not pull gets diagnostics pushed: on open, after edits, with the settings it sends, cleared on close', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'model-lens-push-'));
  const client = await TestClient.start({ folders: [ws], push: true, settings: { rules: { 'unknown-model': 'error' } } });
  try {
    const uri = pathToFileURL(path.join(ws, 'agent.py')).toString();
    const t0 = Date.now();
    client.open(uri, 'python', TYPO);
    const first = await client.pushed(uri, 1);
    assert.ok(Date.now() - t0 < 1000, `pushed within a second (took ${Date.now() - t0} ms)`);
    assert.deepEqual(first.map((d) => [d.code, d.severity]), [['unknown-model', 1]], 'the severity given in initializationOptions');

    // Typing: one check per pause, for the newest text only.
    client.change(uri, [{ text: TYPO.replace('minii', 'min') }]);
    client.change(uri, [{ text: TYPO.replace('minii', 'mini') }]);
    assert.deepEqual(await client.pushed(uri, 3), []);
    client.change(uri, [{ text: TYPO }]);
    assert.equal((await client.pushed(uri, 4)).length, 1);

    // Settings sent the usual way for such clients: didChangeConfiguration with the settings in its payload.
    const before = client.pushes(uri);
    client.notify('workspace/didChangeConfiguration', { settings: { modelLens: { rules: { 'unknown-model': 'off' } } } });
    await client.waitFor(() => client.pushes(uri) > before, 'a push after the settings changed');
    assert.deepEqual(await client.pushed(uri), []);
    client.notify('workspace/didChangeConfiguration', { settings: { modelLens: { rules: { 'unknown-model': 'hint' } } } });
    await client.waitFor(async () => (await client.pushed(uri)).length === 1, 'the finding back, as a hint');
    assert.equal((await client.pushed(uri))[0].severity, 4);

    client.close(uri);
    await client.waitFor(async () => (await client.pushed(uri)).length === 0, 'the diagnostics cleared on close');
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('a client that pulls but cannot be asked to pull again: the first pull already uses its settings', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'model-lens-first-'));
  const client = await TestClient.start({ folders: [ws], noRefresh: true, holdInitialized: true, settings: { rules: { 'unknown-model': 'error' } } });
  try {
    const uri = pathToFileURL(path.join(ws, 'agent.py')).toString();
    client.open(uri, 'python', TYPO);
    // The pull is sent before `initialized`, so before the server could have asked for the settings.
    const pulled = client.diagnostics(uri);
    client.notify('initialized', {});
    const items = await pulled;
    assert.deepEqual(items.map((d) => [d.code, d.severity]), [['unknown-model', 1]]);
    // And a server that pulls is not pushed to.
    assert.equal(client.pushes(uri), 0);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('a client that refuses a registration does not stop the server; quick changes of settings apply in order', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'model-lens-refuse-'));
  const client = await TestClient.start({ folders: [ws], refuseRegistration: true, settings: { rules: { 'unknown-model': 'error' } } });
  try {
    for (const severity of ['hint', 'info', 'warning', 'off', 'error']) client.notify('workspace/didChangeConfiguration', { settings: { modelLens: { rules: { 'unknown-model': severity } } } });
    const uri = pathToFileURL(path.join(ws, 'agent.py')).toString();
    client.open(uri, 'python', TYPO);
    await client.waitFor(async () => (await client.diagnostics(uri)).some((d) => d.severity === 1), 'the last settings, applied last');
    assert.equal(client.proc.exitCode, null, 'the server is still running');
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
