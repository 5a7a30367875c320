/**
 * The Model Lens language server. This file only wires the connection to
 * the features; run it with `node dist/server.js --stdio` (or over IPC from
 * the extension).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from './analysis';
import { checkText, isExcluded, type CheckResult } from './diagnostics/engine';
import { allowNameEdit } from './features/allowName';
import { cardUri, detailLine, localeOf, preferredSource, type Locale } from './features/cardView';
import { languageOf } from './checkFiles';
import { ALLOW_COMMAND, FIX_ALL_KIND, fixAll, quickFixes } from './features/codeActions';
import { toDiagnostic } from './features/diagnostics';
import { completionItems, completionSite, resolveCompletion, TRIGGER_CHARACTERS } from './features/completion';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { builtinDocuments } from './registry/builtin';
import { anchorDocuments, RegistryService } from './registryService';
import { readSettings, type Settings } from './settings';
import { hasMagic } from './glob';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyzer = new Analyzer();
/** dist/server.js lives one level below the extension root, where data/cards is. */
const extensionRoot = path.resolve(__dirname, '..');
const service = new RegistryService(anchorDocuments(builtinDocuments, extensionRoot));

let locale: Locale = 'en';
let settings: Settings = readSettings(undefined);
let folders: string[] = [];
let canPullConfiguration = false;
let canWatchDynamically = false;
let relativePatterns = false;
let canRefreshDiagnostics = false;
let initialSettings: unknown;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = localeOf(params.locale);
  folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  if (!folders.length && params.rootUri) folders = [fileURLToPath(params.rootUri)];
  const caps = params.capabilities;
  canPullConfiguration = caps.workspace?.configuration === true;
  canWatchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  canRefreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  initialSettings = init?.settings;
  settings = readSettings(initialSettings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { resolveProvider: true, triggerCharacters: TRIGGER_CHARACTERS },
      hoverProvider: true,
      definitionProvider: true,
      diagnosticProvider: { identifier: 'model-lens', interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [ALLOW_COMMAND] },
    },
    serverInfo: { name: 'model-lens', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'modelLens' });
  await applySettings();
});

async function pullSettings(): Promise<Settings> {
  if (!canPullConfiguration) return readSettings(initialSettings);
  try {
    const [raw] = (await connection.workspace.getConfiguration([{ section: 'modelLens' }])) as unknown[];
    return readSettings(raw ?? initialSettings);
  } catch {
    return readSettings(initialSettings);
  }
}

let watcher: { dispose(): void } | null = null;

async function applySettings(): Promise<void> {
  settings = await pullSettings();
  await watchCards(settings.cardPaths);
  await service.configure(settings.cardPaths, folders);
  refreshDiagnostics();
}

/** Ask the client to pull diagnostics again: the registry or the settings changed. */
function refreshDiagnostics(): void {
  if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
}

/** Ask the client to tell us about changes to the user's card files. */
async function watchCards(cardPaths: readonly string[]): Promise<void> {
  watcher?.dispose();
  watcher = null;
  if (!canWatchDynamically || !cardPaths.length) return;
  const globs = cardPaths.flatMap((p) => (hasMagic(p) ? [p] : [p, `${p.replace(/\/$/, '')}/**`]));
  const watchers = folders.length && relativePatterns
    ? folders.flatMap((f) => globs.map((g) => ({ globPattern: { baseUri: pathToFileURL(f).toString(), pattern: g } })))
    : globs.map((g) => ({ globPattern: path.isAbsolute(g) || !folders.length ? g : `${folders[0]}/${g}` }));
  watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}

connection.onDidChangeConfiguration(() => {
  void applySettings();
});

let reloadTimer: NodeJS.Timeout | undefined;
connection.onDidChangeWatchedFiles((params) => {
  const relevant = params.changes.some((c) => {
    try {
      return service.isUserCard(fileURLToPath(c.uri));
    } catch {
      return false;
    }
  });
  if (!relevant) return;
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => void service.reload(), 50);
});

service.onDidChange(() => {
  void connection.sendNotification('modelLens/registryChanged', service.status());
  refreshDiagnostics();
});

/** The path of a document relative to its workspace folder (for `exclude`), and its absolute path. */
function pathsOf(uri: string): { absolute?: string; relative: string } {
  if (!uri.startsWith('file:')) return { relative: uri.replace(/^[a-z]+:/, '') };
  const absolute = fileURLToPath(uri);
  const folder = folders.find((f) => absolute.startsWith(f + path.sep));
  return { absolute, relative: folder ? path.relative(folder, absolute).split(path.sep).join('/') : absolute };
}

const noticed = new Set<string>();

/** Check a document; `open` documents share the cached scan with completion and hover. */
function check(doc: TextDocument, open = true): CheckResult {
  const { absolute, relative } = pathsOf(doc.uri);
  if (isExcluded(relative, settings)) return { findings: [], skipped: null };
  const registry = service.registry;
  const result = checkText({
    text: doc.getText(),
    languageId: doc.languageId,
    path: absolute ?? relative,
    registry,
    settings,
    scan: open && doc.getText().length <= settings.maxFileSize ? analyzer.scan(doc) : undefined,
    hrefFor: (entry) => {
      const card = preferredSource(entry, locale);
      return card ? cardUri(card) : entry.docsUrl;
    },
    registryDiagnostics: absolute && service.isUserCard(absolute) ? service.diagnosticsFor(absolute) : undefined,
  });
  if (result.skipped && open && !noticed.has(doc.uri)) {
    noticed.add(doc.uri);
    void connection.window.showInformationMessage(`${result.skipped.message} (${relative})`);
  }
  return result;
}

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: 'full', items: [] };
  return { kind: 'full', items: check(doc).findings.map((f) => toDiagnostic(doc, f)) };
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const only = params.context.only;
  const actions = [];
  if (!only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) actions.push(...quickFixes(doc, params));
  if (only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '')) {
    const all = fixAll(doc, check(doc).findings);
    if (all) actions.push(all);
  }
  return actions;
});

connection.onExecuteCommand(async (params) => {
  if (params.command !== ALLOW_COMMAND) return;
  const [name, uri] = (params.arguments ?? []) as unknown[];
  if (typeof name !== 'string') return;
  const docPath = typeof uri === 'string' && uri.startsWith('file:') ? fileURLToPath(uri) : null;
  const folder = (docPath && folders.find((f) => docPath.startsWith(f + path.sep))) ?? folders[0];
  if (!folder) {
    void connection.window.showWarningMessage('Model Lens: open a folder to allow a name in its settings.');
    return;
  }
  const edit = await allowNameEdit(folder, name);
  if (edit) await connection.workspace.applyEdit({ label: `Allow ${name}`, edit });
});

connection.onRequest('modelLens/status', () => ({ ...service.status(), pid: process.pid }));

/** The registry for the client's "Open Model Card…" quick pick. */
connection.onRequest('modelLens/models', () =>
  service.registry.models.map((m) => {
    const card = preferredSource(m, locale);
    return { name: m.name, displayName: m.displayName, detail: detailLine(m), namespace: m.namespace, status: m.status, card: card ? { uri: pathToFileURL(card.file).toString(), line: card.line } : null };
  }),
);

/** "Check Workspace": check files the editor has not opened, reading them in the background. */
connection.onRequest('modelLens/checkFiles', async (params: { uris: string[] }) => {
  const out: Array<{ uri: string; diagnostics: ReturnType<typeof toDiagnostic>[] }> = [];
  for (const uri of params.uris ?? []) {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) continue;
    const file = fileURLToPath(uri);
    const languageId = languageOf(file);
    if (!languageId) continue;
    try {
      const st = await fs.stat(file);
      if (st.size > settings.maxFileSize) continue;
      const doc = TextDocument.create(uri, languageId, 0, await fs.readFile(file, 'utf8'));
      out.push({ uri, diagnostics: check(doc, false).findings.map((f) => toDiagnostic(doc, f)) });
    } catch {
      // unreadable: nothing to report
    }
  }
  return out;
});
connection.onRequest('modelLens/reload', async () => {
  await service.reload();
  return service.status();
});

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  const site = completionSite(doc, offset, analyzer.scanNear(doc, offset, settings.maxFileSize));
  return site ? completionItems(site, doc, service.registry) : null;
});

connection.onCompletionResolve((item) => resolveCompletion(item, service.registry, locale));

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? hover(doc, doc.offsetAt(params.position), service.registry, locale) : null;
});

connection.onDefinition((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? definition(doc, doc.offsetAt(params.position), service.registry, locale) : null;
});

documents.onDidClose((e) => analyzer.forget(e.document.uri));
documents.listen(connection);
connection.listen();
