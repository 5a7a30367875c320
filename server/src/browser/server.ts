/**
 * The Model Lens language server for browsers (vscode.dev, github.dev): a web worker with the built-in data and no
 * file system. Completion, hover, diagnostics and code actions work on the open documents; card folders,
 * catalogues, the project file, go to definition and "Allow name" need the disk and are not offered.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localeOf } from '../messages';
import { buildRegistry } from '../registry';
import { builtinDocuments } from '../registry/builtin';
import { ClientSettings, DOCUMENT_CAPABILITIES, documentClientOf, settingsGate, wireDocumentFeatures, type DocumentState } from '../session/documentFeatures';
import { ScanCache } from '../session/scanCache';
import { readSettings } from '../settings';
import { VERSION } from '../version';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const documents = new TextDocuments(TextDocument);
const scans = new ScanCache();
const registry = buildRegistry([builtinDocuments]);
/** The workspace folders' URIs, each ending with `/`, longest first. */
let folders: string[] = [];

/** A document's path as `exclude` globs and the history and test rules see it: from its workspace folder (else the URI's path). */
function pathsOf(uri: string): { relative: string } {
  const folder = folders.find((f) => uri.startsWith(f));
  const rest = folder ? uri.slice(folder.length) : uri.replace(/^[a-z][\w+.-]*:(?:\/\/[^/]*)?\/?/i, '');
  try {
    return { relative: decodeURIComponent(rest) };
  } catch {
    return { relative: rest };
  }
}

const clientSettings = new ClientSettings(connection);
const gate = settingsGate();
const state: DocumentState = { settings: readSettings(undefined), locale: 'en', client: documentClientOf({}), ready: gate.ready };
const registrySource = { registry, isUserCard: () => false, diagnosticsFor: () => [] };
const features = wireDocumentFeatures(connection, documents, { state, workspace: { pathsOf }, service: registrySource, scans, allowName: false });

connection.onInitialize((params): InitializeResult => {
  state.locale = localeOf(params.locale);
  state.client = documentClientOf(params.capabilities);
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = uris.map((u) => u.replace(/\/?$/, '/')).sort((a, b) => b.length - a.length);
  state.settings = readSettings(clientSettings.initialize(params).settings);
  return {
    capabilities: { ...DOCUMENT_CAPABILITIES, textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    serverInfo: { name: 'model-lens', version: VERSION },
  };
});

/** The client's settings (`given`, or those asked for): those that need no disk (allow, exclude, rules, sizes). */
async function applySettings(given?: unknown): Promise<void> {
  const raw = given ?? (await clientSettings.current());
  state.settings = readSettings({ ...(raw !== null && typeof raw === 'object' ? raw : {}), cardPaths: [], catalogs: [] });
  features.refresh();
}

connection.onInitialized(async () => {
  await applySettings();
  gate.settled();
});

connection.onDidChangeConfiguration((params) => void applySettings(clientSettings.changed(params)));

connection.onRequest('modelLens/status', () => ({ models: registry.models.length, browser: true }));

documents.listen(connection);
connection.listen();
