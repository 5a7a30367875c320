/**
 * The Model Lens language server. This file only wires the connection to
 * the features; run it with `node dist/server.js --stdio` (or over IPC from
 * the extension).
 */
import * as path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DefinitionRequest,
  ExecuteCommandRequest,
  LSPErrorCodes,
  ResponseError,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readProjectConfig } from './cards/projectFile';
import { anchorDocuments, RegistryService } from './cards/service';
import { ALLOW_COMMAND, allowNameCommand } from './features/allowName';
import { checkFiles } from './features/checkWorkspace';
import { definition } from './features/definition';
import { modelList } from './features/modelList';
import { localeOf, messages } from './messages';
import { isProjectConfigPath, PROJECT_CONFIG_FILE, untrusted, withProjectConfig } from './projectConfig';
import { builtinCards, builtinDocuments } from './registry/builtin';
import { keepAllocationsYoung } from './util/memory';
import { cancellable, ClientSettings, DOCUMENT_CAPABILITIES, documentClientOf, settingsGate, wireDocumentFeatures, type DocumentState } from './session/documentFeatures';
import { documentUri, paramsObject, position } from './session/params';
import { ScanCache } from './session/scanCache';
import { Workspace } from './session/workspace';
import { readSettings, settingsNoticeText, type Settings } from './settings';
import { VERSION } from './version';

keepAllocationsYoung();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const scans = new ScanCache();
const workspace = new Workspace();
/** dist/server.js lives one level below the extension root, where data/cards is. */
const service = new RegistryService(anchorDocuments(builtinDocuments, path.resolve(__dirname, '..')), builtinCards);

/** False while VS Code says the workspace is not trusted (Restricted Mode); other clients have no such mode. */
let trusted = true;
const clientSettings = new ClientSettings(connection);
/** What the client can do with file watchers. */
const client = { watchDynamically: false, relativePatterns: false };
const gate = settingsGate();
const state: DocumentState = { settings: readSettings(undefined), locale: 'en', client: documentClientOf({}), ready: gate.ready };
const features = wireDocumentFeatures(connection, documents, { state, workspace, service, scans, allowName: true });
const { checker } = features;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  state.locale = localeOf(params.locale);
  workspace.initialize(params);
  const caps = params.capabilities;
  client.watchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  state.client = documentClientOf(caps);
  const options = clientSettings.initialize(params);
  trusted = options.trusted !== false;
  state.settings = readSettings(options.settings);
  return {
    capabilities: {
      ...DOCUMENT_CAPABILITIES,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      definitionProvider: true,
      executeCommandProvider: { commands: [ALLOW_COMMAND] },
    },
    serverInfo: { name: 'model-lens', version: VERSION },
  };
});

connection.onInitialized(async () => {
  // A client may refuse the registration: it then sends configuration changes as it likes, or not at all.
  if (clientSettings.asked) connection.client.register(DidChangeConfigurationNotification.type, { section: 'modelLens' }).catch(() => undefined);
  await applySettings();
  gate.settled();
});

/** The client's settings with the workspace folders' `.model-lens.json` files. */
async function settingsWith(raw: unknown): Promise<Settings> {
  const projects = (await Promise.all(workspace.folders.map(readProjectConfig))).filter((p): p is NonNullable<typeof p> => p !== null).map((p) => (trusted ? p : untrusted(p)));
  return readSettings(withProjectConfig(raw, projects));
}

let watcher: { dispose(): void } | null = null;

/** Notices already shown this session: each is said once. */
const shownNotices = new Set<string>();
function noticeOnce(message: string): void {
  if (shownNotices.has(message)) return;
  shownNotices.add(message);
  void connection.window.showWarningMessage(message);
}

let applying: Promise<void> = Promise.resolve();

/**
 * Apply the client's settings (`given`, or those asked for) and the project files. One application at a time, in
 * the order asked, so a later one never loses to an earlier one that finishes late; a failure is logged, never fatal.
 */
function applySettings(given?: unknown): Promise<void> {
  applying = applying
    .then(() => applyNow(given))
    .catch((e: unknown) => connection.console.error(`Model Lens: the settings could not be applied: ${e instanceof Error ? e.message : String(e)}`));
  return applying;
}

async function applyNow(given: unknown): Promise<void> {
  const settings = await settingsWith(given ?? (await clientSettings.current()));
  state.settings = settings;
  for (const n of settings.notices) noticeOnce(settingsNoticeText(n, messages(state.locale)));
  watcher?.dispose();
  watcher = null;
  const watched = [...settings.cardPaths, ...settings.catalogs];
  if (client.watchDynamically) {
    const watchers = [...workspace.cardWatchers(watched, client.relativePatterns), ...workspace.projectConfigWatchers(PROJECT_CONFIG_FILE, client.relativePatterns)];
    // A client may refuse the registration: then nothing is watched, and saving the project file still reloads it.
    watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => null);
  }
  await service.configure(settings, workspace.folders);
  refreshDiagnostics();
}

/** Diagnostics again: the registry or the settings changed. */
function refreshDiagnostics(): void {
  features.refresh();
}

connection.onNotification('modelLens/trusted', () => {
  trusted = true;
  void applySettings();
});

connection.onDidChangeConfiguration((params) => void applySettings(clientSettings.changed(params)));

let reloadTimer: NodeJS.Timeout | undefined;
connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((c) => isProjectConfigPath(c.uri))) {
    void applySettings();
    return;
  }
  if (!params.changes.some((c) => service.isUserCardUri(c.uri))) return;
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => void service.reload(), 50);
});

service.onDidChange(() => {
  void connection.sendNotification('modelLens/registryChanged', service.status(state.locale));
  refreshDiagnostics();
});


connection.onRequest(ExecuteCommandRequest.type, async (params) => {
  const { command, arguments: args } = paramsObject(params);
  if (command !== ALLOW_COMMAND) return;
  const result = await allowNameCommand(Array.isArray(args) ? args : undefined, workspace, state.locale);
  if (result === 'noFolder') void connection.window.showWarningMessage(messages(state.locale).noFolderToAllow());
  else if (result) await connection.workspace.applyEdit(result);
});

connection.onRequest('modelLens/status', () => ({ ...service.status(state.locale), pid: process.pid }));
connection.onRequest('modelLens/models', () => modelList(service.registry, state.locale));
connection.onRequest('modelLens/checkFiles', (params: { uris?: unknown } | null, token) =>
  cancellable(() => checkFiles(params !== null && typeof params === 'object' ? params.uris : undefined, checker, state.settings.maxFileSize, token)),
);
connection.onRequest('modelLens/reload', async (_params: unknown, token) => {
  if (!(await service.reload(token)) && token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  return service.status(state.locale);
});

connection.onRequest(DefinitionRequest.type, (params) => {
  const doc = documents.get(documentUri(params));
  const at = position(params);
  return doc ? definition(doc, doc.offsetAt(at), service.registry, state.locale) : null;
});

// Clients that do not watch files: a project file saved in the editor is read again.
documents.onDidSave((e) => {
  if ((!client.watchDynamically || watcher === null) && isProjectConfigPath(e.document.uri)) void applySettings();
});
documents.listen(connection);
connection.listen();
