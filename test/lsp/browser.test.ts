/**
 * The browser build: its bundles exist and use no Node built-in, and the web-worker server answers over the
 * browser message transport. Node's worker threads stand in for a web worker: `self` is given the worker's port.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message } from 'vscode-jsonrpc/node';
import type { CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { DIST, ROOT } from '../helpers';

const SERVER = path.join(DIST, 'browser', 'server.js');

/** The page's side of the worker: JSON-RPC messages as they are, by structured clone (what a browser's Worker does). */
class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
  }
  listen(callback: DataCallback): Disposable {
    const on = (m: unknown) => callback(m as Message);
    this.worker.on('message', on);
    return { dispose: () => void this.worker.off('message', on) };
  }
}
class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }
  end(): void {}
}
const CLIENT = path.join(DIST, 'browser', 'extension.js');

test('the browser bundles: the manifest points at them, and they load no Node built-in', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { browser: string };
  assert.equal(path.resolve(ROOT, manifest.browser), CLIENT);
  for (const file of [SERVER, CLIENT]) {
    const text = readFileSync(file, 'utf8');
    const required = new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    // The client may load VS Code's API; js-yaml (under gray-matter) tries two optional modules inside try/catch.
    for (const r of required) assert.ok(['vscode', 'buffer', 'esprima'].includes(r), `${path.basename(file)} requires ${r}`);
    assert.doesNotMatch(text, /require\("node:/);
  }
  assert.ok(!readFileSync(SERVER, 'utf8').includes('require("vscode")'));
});

test('the web-worker server answers completion, hover and diagnostics from the built-in data', { timeout: 30_000 }, async () => {
  // A web worker's `self`: messages in through `onmessage`, out through `postMessage`.
  const bootstrap = `
    const { parentPort } = require('node:worker_threads');
    // A web worker has no setImmediate: the checks' slices must do without it.
    delete globalThis.setImmediate;
    globalThis.self = {
      set onmessage(listener) { parentPort.on('message', (data) => listener({ data })); },
      addEventListener() {},
      postMessage(message) { parentPort.postMessage(message); },
    };
    require(${JSON.stringify(SERVER)});
  `;
  const worker = new Worker(bootstrap, { eval: true });
  const connection = createMessageConnection(new WorkerReader(worker), new WorkerWriter(worker));
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  try {
    const init = (await connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { textDocument: { diagnostic: {}, completion: { completionList: { itemDefaults: ['editRange'] } } } },
      initializationOptions: { settings: { rules: { 'unknown-model': 'error' } } },
    })) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.completionProvider && init.capabilities.hoverProvider && init.capabilities.diagnosticProvider);
    assert.equal(init.capabilities.definitionProvider, undefined, 'no go to definition without the card files');
    void connection.sendNotification('initialized', {});
    const uri = 'vscode-vfs://github/acme/agents/agent.py';
    const text = 'tool = AiAgentBasicTextTool(model="azure__op")\nold = {"model": "azure__openai__gpt_4o_minii"}\n';
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const list = (await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 44 } })) as CompletionList;
    assert.ok(list.items.some((i) => i.label === 'azure__openai__gpt_4o_mini'), 'completion from the built-in data');
    const h = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 20 } })) as Hover | null;
    assert.equal(h, null, 'no card for a name that is not known');
    const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    assert.deepEqual(report.items.map((d) => [d.code, d.severity]), [['unknown-model', 1]], 'the settings given are used');
    const good = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } })) as Hover | null;
    assert.equal(good, null);
    void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'm = {"model": "azure__openai__gpt_4o_mini"}\n' }] });
    const card = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } })) as Hover;
    const value = typeof card.contents === 'object' && 'value' in card.contents ? card.contents.value : '';
    assert.match(value, /azure__openai__gpt_4o_mini/);
    assert.doesNotMatch(value, /file:\/\//, 'no link to a card file the browser cannot open');
    // A document large enough to be checked in several slices.
    const big = `[${Array.from({ length: 3000 }, (_, i) => `{"model": "azure__openai__gpt_4o_minii", "n": ${i}}`).join(',\n')}]`;
    const bigUri = 'vscode-vfs://github/acme/agents/big.json';
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'json', version: 1, text: big } });
    const many = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: bigUri } })) as { items: Diagnostic[] };
    assert.equal(many.items.length, 1000, 'capped at maxProblems');
  } finally {
    connection.dispose();
    await worker.terminate();
  }
});
