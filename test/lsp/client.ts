/**
 * A small LSP client for tests: starts the built server (`node dist/server.js
 * --stdio`), speaks JSON-RPC over its stdio, answers the server's requests
 * (configuration, registrations) and records its notifications.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CompletionItem,
  CompletionList,
  Hover,
  Location,
  CodeAction,
  Diagnostic,
  Position,
  Range,
  TextDocumentContentChangeEvent,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { DIST } from '../helpers';

export interface StartOptions {
  locale?: string;
  folders?: string[];
  settings?: Record<string, unknown>;
  /** Declare LSP 3.17 completion list defaults (`itemDefaults.editRange`). */
  itemDefaults?: boolean;
  /**
   * A client like Neovim 0.7 or Eglot: no diagnostic pulls (the server pushes), no `workspace/configuration`
   * (settings come in `initializationOptions` and `didChangeConfiguration`'s payload), no refresh.
   */
  push?: boolean;
  /** A client that answers `workspace/configuration` but cannot be asked to pull again (`workspace/diagnostic/refresh`). */
  noRefresh?: boolean;
  /** Return before sending `initialized` (the caller sends it). */
  holdInitialized?: boolean;
  /** Answer `client/registerCapability` with an error. */
  refuseRegistration?: boolean;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** Edits the server asked the client to apply (workspace/applyEdit). */
  readonly appliedEdits: WorkspaceEdit[] = [];
  settings: Record<string, unknown>;
  private versions = new Map<string, number>();

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    settings: Record<string, unknown>,
    refuseRegistration = false,
  ) {
    this.settings = settings;
    this.connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((i) => (i.section === 'modelLens' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => {
      if (refuseRegistration) throw new Error('registration refused');
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    this.connection.onRequest('window/showMessageRequest', (params: unknown) => {
      this.notifications.push({ method: 'window/showMessageRequest', params });
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.notifications.push({ method: 'workspace/diagnostic/refresh', params: null });
      return null;
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
    });
    this.connection.listen();
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe' });
    proc.stderr.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
    const client = new TestClient(proc, opts.settings ?? {}, opts.refuseRegistration);
    const folders = opts.folders ?? [];
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      locale: opts.locale,
      rootUri: folders[0] ? pathToFileURL(folders[0]).toString() : null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })),
      capabilities: opts.push
        ? { workspace: {}, textDocument: { completion: { completionItem: { snippetSupport: false } }, hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} } }
        : {
            workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, diagnostics: { refreshSupport: !opts.noRefresh } },
            textDocument: {
              completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] }, ...(opts.itemDefaults ? { completionList: { itemDefaults: ['editRange'] } } : {}) },
              hover: { contentFormat: ['markdown'] },
              diagnostic: { dynamicRegistration: false },
            },
          },
      initializationOptions: opts.push ? { settings: opts.settings ?? {} } : {},
    });
    if (opts.holdInitialized) return client;
    client.connection.sendNotification('initialized', {});
    await client.waitFor(() => client.notifications.some((n) => n.method === 'modelLens/registryChanged'), 'the registry to load');
    return client;
  }

  async waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    const t0 = Date.now();
    while (!(await check())) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = (await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[] | CompletionList | null;
    return r === null ? [] : Array.isArray(r) ? r : r.items;
  }

  /** The whole completion answer, as a list (with `isIncomplete`). */
  async completionList(uri: string, position: Position): Promise<CompletionList> {
    const r = (await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[] | CompletionList | null;
    return r === null ? { isIncomplete: false, items: [] } : Array.isArray(r) ? { isIncomplete: false, items: r } : r;
  }

  resolve(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest('completionItem/resolve', item) as Promise<CompletionItem>;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
  }

  async definition(uri: string, position: Position): Promise<Location | null> {
    const r = (await this.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position })) as Location | Location[] | null;
    return Array.isArray(r) ? (r[0] ?? null) : r;
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const r = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return r.items;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;
  }

  /** Change the settings the client answers with, tell the server, and wait for it to ask for fresh diagnostics. */
  async updateSettings(settings: Record<string, unknown>): Promise<void> {
    const count = () => this.notifications.filter((x) => x.method === 'workspace/diagnostic/refresh').length;
    const before = count();
    this.settings = settings;
    this.notify('workspace/didChangeConfiguration', { settings: null });
    await this.waitFor(() => count() > before, 'a diagnostics refresh');
  }

  /** The diagnostics last pushed for `uri` (publishDiagnostics), once one for `version` (or any, without one) arrives. */
  async pushed(uri: string, version?: number, timeoutMs = 5000): Promise<Diagnostic[]> {
    const last = () =>
      this.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri).pop()?.params as
        | { version?: number; diagnostics: Diagnostic[] }
        | undefined;
    await this.waitFor(() => {
      const l = last();
      return l !== undefined && (version === undefined || l.version === version);
    }, `diagnostics pushed for ${uri}${version === undefined ? '' : ` version ${version}`}`, timeoutMs);
    return last()!.diagnostics;
  }

  /** How many diagnostics pushes arrived for `uri` so far. */
  pushes(uri: string): number {
    return this.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri).length;
  }

  request<T>(method: string, params?: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    this.proc.kill();
  }
}

/** Find the cursor mark `§` in a fixture: returns the text without it and the cursor position. */
export function cursor(textWithBar: string): { text: string; position: Position } {
  const at = textWithBar.indexOf('§');
  if (at < 0) throw new Error('fixture has no §');
  const text = textWithBar.slice(0, at) + textWithBar.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** Position of the first occurrence of `needle` (plus an offset into it). */
export function positionOf(text: string, needle: string, into = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in fixture`);
  const before = text.slice(0, at + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
