/**
 * What every build of the server answers about open documents from their text alone: completion, hover,
 * diagnostics (pulled, or pushed to clients that do not pull) and code actions. The Node server adds the disk
 * (card folders, project files, go to definition, commands); the browser server is this and the built-in data.
 */
import {
  CodeActionKind,
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DocumentDiagnosticRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type CompletionItem,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND } from '../features/codeActions';
import { completionItems, completionSite, resolveCompletion, TRIGGER_CHARACTERS } from '../features/completion';
import { DocumentChecker, type CheckerContext } from '../features/documentDiagnostics';
import { hover } from '../features/hover';
import { DiagnosticPusher } from '../features/pushDiagnostics';
import type { Locale } from '../messages';
import type { Settings } from '../settings';
import { Cancelled } from '../util/steps';
import { documentUri, paramsObject, position } from './params';
import type { ScanCache } from './scanCache';

/** Above this size, completion scans the lines around the cursor only (the whole file waits for the diagnostics). */
const NEAR_SCAN_LIMIT = 256 * 1024;

/** What the client can do, as far as these features care. */
export interface DocumentClient {
  pullDiagnostics: boolean;
  refreshDiagnostics: boolean;
  editRangeDefault: boolean;
}

export function documentClientOf(caps: ClientCapabilities): DocumentClient {
  return {
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined,
    refreshDiagnostics: caps.workspace?.diagnostics?.refreshSupport === true,
    editRangeDefault: caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true,
  };
}

/** What the server knows of its client and settings; the server that owns it keeps it current. */
export interface DocumentState {
  settings: Settings;
  locale: Locale;
  client: DocumentClient;
  /** Resolves once the client's settings are known: no diagnostics before. */
  ready: Promise<void>;
}

export interface DocumentFeatureContext {
  state: DocumentState;
  workspace: CheckerContext['workspace'];
  service: CheckerContext['service'];
  scans: ScanCache;
  /** Offer "Allow name" (where the server can write the project file). */
  allowName: boolean;
}

/** A promise that resolves when `settled()` is called, or after `ms` at the latest (a client that never says `initialized`). */
export function settingsGate(ms = 3000): { ready: Promise<void>; settled: () => void } {
  let settled: () => void = () => undefined;
  const ready = Promise.race([new Promise<void>((resolve) => (settled = resolve)), new Promise<void>((resolve) => setTimeout(resolve, ms))]);
  return { ready, settled };
}

/**
 * The client's `modelLens` settings, as every build of the server gets them: asked for where the client answers
 * `workspace/configuration`; else as it gave them, in `initializationOptions.settings` or in
 * `didChangeConfiguration`'s payload (`{ settings: { modelLens: {…} } }`), the usual way of clients that are not asked.
 */
export class ClientSettings {
  private given: unknown;
  private asks = false;

  constructor(private readonly connection: Connection) {}

  /** At `initialize`: whether the client can be asked, and what it gave. Returns the initialization options. */
  initialize(params: InitializeParams): Record<string, unknown> {
    this.asks = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions !== null && typeof params.initializationOptions === 'object' ? (params.initializationOptions as Record<string, unknown>) : {};
    this.given = options.settings;
    return options;
  }

  /** Whether the client answers `workspace/configuration`. */
  get asked(): boolean {
    return this.asks;
  }

  /** A `didChangeConfiguration`: the settings of its payload when it has them (kept as what the client gave), else undefined. */
  changed(params: unknown): Record<string, unknown> | undefined {
    const payload = paramsObject(params).settings;
    const section = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>).modelLens : undefined;
    if (section === null || typeof section !== 'object') return undefined;
    this.given = section;
    return section as Record<string, unknown>;
  }

  /** The settings now: the client's answer where it can be asked (what it gave, if it cannot answer), else what it gave. */
  async current(): Promise<unknown> {
    if (!this.asks) return this.given;
    try {
      const [raw] = (await this.connection.workspace.getConfiguration([{ section: 'modelLens' }])) as unknown[];
      return raw ?? this.given;
    } catch {
      return this.given;
    }
  }
}

/** What every build of the server offers for documents (the Node server adds definition, commands and saves). */
export const DOCUMENT_CAPABILITIES = {
  completionProvider: { resolveProvider: true, triggerCharacters: TRIGGER_CHARACTERS },
  hoverProvider: true,
  diagnosticProvider: { identifier: 'model-lens', interFileDependencies: false, workspaceDiagnostics: false },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
} satisfies ServerCapabilities;

/** Long work runs in slices; a cancelled request answers RequestCancelled. */
export async function cancellable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    throw e;
  }
}

/**
 * Register the document features on the connection. Returns `refresh`: diagnostics again, because the registry or
 * the settings changed (asked of a client that pulls, pushed to one that does not).
 */
export function wireDocumentFeatures(connection: Connection, documents: TextDocuments<TextDocument>, ctx: DocumentFeatureContext): { refresh(): void; checker: DocumentChecker } {
  const { scans, state, service } = ctx;
  const checker = new DocumentChecker({
    workspace: ctx.workspace,
    service,
    scans,
    settings: () => state.settings,
    locale: () => state.locale,
    notify: (message) => void connection.window.showInformationMessage(message),
  });
  const pusher = new DiagnosticPusher({
    all: () => documents.all(),
    get: (uri) => documents.get(uri),
    check: (doc, token) => checker.diagnosticsInSlices(doc, token),
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    ready: () => state.ready,
    failed: (e) => connection.console.error(`Model Lens: a check failed: ${e instanceof Error ? e.message : String(e)}`),
  });

  // Requests are registered by type rather than with `connection.onHover` and the like: those read
  // `params.workDoneToken` before the handler runs, and fail on null params with an internal error.
  connection.onRequest(DocumentDiagnosticRequest.type, (params, token) =>
    cancellable(async () => {
      await state.ready;
      const doc = documents.get(documentUri(params));
      return { kind: 'full', items: doc ? await checker.diagnosticsInSlices(doc, token) : [] };
    }),
  );

  connection.onRequest(CodeActionRequest.type, (params, token) =>
    cancellable(async () => {
      const doc = documents.get(documentUri(params));
      const range = paramsObject(params).range;
      if (!doc || range === null || typeof range !== 'object') return null;
      const context = paramsObject(params).context;
      const safe = { ...params, context: context !== null && typeof context === 'object' && Array.isArray((context as { diagnostics?: unknown }).diagnostics) ? params.context : { diagnostics: [] } };
      const { findings } = await checker.checkInSlices(doc, token);
      return codeActions(doc, safe, () => findings, state.locale, ctx.allowName);
    }),
  );

  connection.onRequest(CompletionRequest.type, (params) => {
    const doc = documents.get(documentUri(params));
    const at = position(params);
    if (!doc) return null;
    const offset = doc.offsetAt(at);
    const site = completionSite(doc, offset, scans.scanNear(doc, offset, Math.min(state.settings.maxFileSize, NEAR_SCAN_LIMIT)));
    return site ? completionItems(site, doc, service.registry, { editRangeDefault: state.client.editRangeDefault, locale: state.locale }) : null;
  });

  connection.onRequest(CompletionResolveRequest.type, (item) => resolveCompletion(paramsObject(item) as unknown as CompletionItem, service.registry, state.locale));

  connection.onRequest(HoverRequest.type, (params) => {
    const doc = documents.get(documentUri(params));
    const at = position(params);
    return doc ? hover(doc, doc.offsetAt(at), service.registry, state.locale) : null;
  });

  documents.onDidChangeContent((e) => {
    if (!state.client.pullDiagnostics) pusher.schedule(e.document);
  });
  documents.onDidClose((e) => {
    scans.forget(e.document.uri);
    checker.forget(e.document.uri);
    if (!state.client.pullDiagnostics) pusher.forget(e.document.uri);
  });

  return {
    checker,
    refresh(): void {
      if (!state.client.pullDiagnostics) pusher.all();
      else if (state.client.refreshDiagnostics) void connection.languages.diagnostics.refresh();
    },
  };
}
