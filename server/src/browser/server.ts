/**
 * The Model Lens language server for browsers (vscode.dev, github.dev): a web worker with the built-in data and no
 * file system. Completion, hover, diagnostics and code actions work on the open documents; card folders,
 * catalogues, the project file, go to definition and "Allow name" need the disk and are not offered.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, TextDocuments, TextDocumentSyncKind, CodeActionKind, type InitializeResult } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../features/codeActions';
import { TRIGGER_CHARACTERS } from '../features/completion';
import { localeOf } from '../messages';
import { buildRegistry } from '../registry';
import { builtinDocuments } from '../registry/builtin';
import { documentClientOf, settingsGate, settingsInPayload, wireDocumentFeatures, type DocumentState } from '../session/documentFeatures';
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

let configuration = false;
const gate = settingsGate();
const state: DocumentState = { settings: readSettings(undefined), locale: 'en', client: documentClientOf({}), ready: gate.ready };
const registrySource = { registry, isUserCard: () => false, diagnosticsFor: () => [] };
const features = wireDocumentFeatures(connection, documents, { state, workspace: { pathsOf }, service: registrySource, scans, allowName: false });

let given: unknown;
connection.onInitialize((params): InitializeResult => {
  state.locale = localeOf(params.locale);
  state.client = documentClientOf(params.capabilities);
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = uris.map((u) => u.replace(/\/?$/, '/')).sort((a, b) => b.length - a.length);
  configuration = params.capabilities.workspace?.configuration === true;
  const options = params.initializationOptions !== null && typeof params.initializationOptions === 'object' ? (params.initializationOptions as Record<string, unknown>) : {};
  given = options.settings;
  state.settings = readSettings(given);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { resolveProvider: true, triggerCharacters: TRIGGER_CHARACTERS },
      hoverProvider: true,
      diagnosticProvider: { identifier: 'model-lens', interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    },
    serverInfo: { name: 'model-lens', version: VERSION },
  };
});

/** The client's settings (those that need no disk: allow, exclude, rules, sizes). */
async function applySettings(raw?: unknown): Promise<void> {
  if (raw === undefined && configuration) {
    try {
      [raw] = (await connection.workspace.getConfiguration([{ section: 'modelLens' }])) as unknown[];
    } catch {
      raw = given;
    }
  }
  state.settings = readSettings({ ...(raw !== null && typeof raw === 'object' ? raw : {}), cardPaths: [], catalogs: [] });
  features.refresh();
}

connection.onInitialized(async () => {
  await applySettings(configuration ? undefined : given);
  gate.settled();
});

connection.onDidChangeConfiguration((params) => {
  const section = settingsInPayload(params);
  if (section) given = section;
  void applySettings(section ?? (configuration ? undefined : given));
});

connection.onRequest('modelLens/status', () => ({ models: registry.models.length, browser: true }));

documents.listen(connection);
connection.listen();
