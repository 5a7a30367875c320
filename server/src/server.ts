/**
 * The Model Lens language server. This file only wires the connection to
 * the features; run it with `node dist/server.js --stdio` (or over IPC from
 * the extension).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
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
import { localeOf, type Locale } from './features/cardView';
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
let initialSettings: unknown;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = localeOf(params.locale);
  folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  if (!folders.length && params.rootUri) folders = [fileURLToPath(params.rootUri)];
  const caps = params.capabilities;
  canPullConfiguration = caps.workspace?.configuration === true;
  canWatchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  initialSettings = init?.settings;
  settings = readSettings(initialSettings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { resolveProvider: true, triggerCharacters: TRIGGER_CHARACTERS },
      hoverProvider: true,
      definitionProvider: true,
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
});

connection.onRequest('modelLens/status', () => service.status());
connection.onRequest('modelLens/reload', async () => {
  await service.reload();
  return service.status();
});

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  const site = completionSite(doc, offset, analyzer.scan(doc));
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
