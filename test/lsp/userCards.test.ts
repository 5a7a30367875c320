/** The user's own cards: loaded over the built-in ones, picked up while running, shown escaped; and the Japanese locale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, TestClient } from './client';

const CARD = (name: string, extra = '') => `---
status: preview
---
# Private model

Our own deployment.${extra}

| Item | Value |
|---|---|
| Model name | **Private Model** |
| API model name | \`${name}\` |
| Model provider | **Example Corp** |
| Input context window | **64k tokens** |
| Maximum output tokens | **4k tokens** |
`;

function registryChanges(client: TestClient): number {
  return client.notifications.filter((n) => n.method === 'modelLens/registryChanged').length;
}

test('a card folder added while the server runs is picked up without a restart (watched files)', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'model-lens-ws-'));
  const client = await TestClient.start({ folders: [ws], settings: { cardPaths: ['cards/**/*.md'] } });
  try {
    const text = 'AiAgentBasicTextTool(model="aws__private_x")\n';
    client.open('file:///ws/a.py', 'python', text);
    assert.equal(await client.hover('file:///ws/a.py', positionOf(text, 'aws__private_x', 3)), null);

    const before = registryChanges(client);
    mkdirSync(path.join(ws, 'cards', 'team'), { recursive: true });
    const file = path.join(ws, 'cards', 'team', 'private.md');
    writeFileSync(file, CARD('aws__private_x'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] });
    await client.waitFor(() => registryChanges(client) > before, 'the registry to reload');

    const h = await client.hover('file:///ws/a.py', positionOf(text, 'aws__private_x', 3));
    assert.match((h!.contents as MarkupContent).value, /Private Model.*\n.*Preview/);
    const items = await client.completion('file:///ws/a.py', positionOf(text, 'aws__private_x', 5));
    assert.ok(items.some((i) => i.label === 'aws__private_x'));
    const loc = await client.definition('file:///ws/a.py', positionOf(text, 'aws__private_x', 3));
    assert.equal(fileURLToPath(loc!.uri), file);
    assert.equal(loc!.range.start.line, 10);

    // Deleting the card forgets the model.
    const beforeDelete = registryChanges(client);
    rmSync(file);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 3 }] });
    await client.waitFor(() => registryChanges(client) > beforeDelete, 'the registry to reload');
    assert.equal(await client.hover('file:///ws/a.py', positionOf(text, 'aws__private_x', 3)), null);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('user cards override built-in facts, and changing modelLens.cardPaths reloads', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'model-lens-ws-'));
  mkdirSync(path.join(ws, 'my-cards'));
  writeFileSync(
    path.join(ws, 'my-cards', 'mini'),
    CARD('azure__openai__gpt_4o_mini').replace('64k tokens', '100k tokens'),
  );
  const client = await TestClient.start({ folders: [ws], settings: {} });
  try {
    const text = 'model: azure__openai__gpt_4o_mini\n';
    client.open('file:///ws/b.yaml', 'yaml', text);
    const at = positionOf(text, 'azure__openai', 3);
    assert.match(((await client.hover('file:///ws/b.yaml', at))!.contents as MarkupContent).value, /128,000 tokens/);
    const before = registryChanges(client);
    client.settings = { cardPaths: ['my-cards'] };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => registryChanges(client) > before, 'the registry to reload');
    const md = ((await client.hover('file:///ws/b.yaml', at))!.contents as MarkupContent).value;
    assert.match(md, /100,000 tokens/);
    assert.match(md, /my-cards\/mini#L\d+/);
    const status = await client.request<{ userCards: number; models: number }>('modelLens/status');
    assert.equal(status.userCards, 1);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('card text is escaped in the hover: no raw HTML, no command links', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'model-lens-ws-'));
  mkdirSync(path.join(ws, 'cards'));
  writeFileSync(
    path.join(ws, 'cards', 'evil.md'),
    CARD('aws__evil_model', ' <img src=x onerror=alert(1)> [click me](command:workbench.action.quit) <script>x</script>')
      .replace('**Private Model**', '**Evil <b>bold</b> [run](command:evil)**')
      .replace('---\n#', '---\n#'),
  );
  const client = await TestClient.start({ folders: [ws], settings: { cardPaths: ['cards'] } });
  try {
    const text = 'model = "aws__evil_model"';
    client.open('file:///ws/c.py', 'python', text);
    const md = ((await client.hover('file:///ws/c.py', positionOf(text, 'aws__evil', 2)))!.contents as MarkupContent).value;
    assert.doesNotMatch(md, /<img|<script|<b>/);
    // Brackets from a card are escaped, so no link can form; HTML tags are dropped or escaped.
    assert.doesNotMatch(md, /(?<!\\)\]\(command:/);
    assert.doesNotMatch(md, /command:workbench/);
    assert.match(md, /\\\[run\\\]/);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('Japanese locale: labels and the values of the Japanese cards', async () => {
  const client = await TestClient.start({ locale: 'ja' });
  try {
    const text = 'tool = AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini")\n';
    client.open('file:///ws/j.py', 'python', text);
    const at = positionOf(text, 'azure__openai', 3);
    const md = ((await client.hover('file:///ws/j.py', at))!.contents as MarkupContent).value;
    for (const s of ['モデルプロバイダ', '入力コンテキストウィンドウ', '128,000トークン', '2024年7月18日', '2023年10月', '利用可能', '標準', 'モデルカードを開く']) {
      assert.ok(md.includes(s), `lacks ${s}:\n${md}`);
    }
    assert.match(md, /data\/cards\/ja\/azure-openai-gpt-4o-mini-model-card\.md/);
    const loc = await client.definition('file:///ws/j.py', at);
    assert.match(loc!.uri, /data\/cards\/ja\//);
  } finally {
    await client.stop();
  }
});
