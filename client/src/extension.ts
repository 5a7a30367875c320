/**
 * The VS Code side of Model Lens: starts the language server over IPC,
 * registers the commands, and keeps a language status item up to date.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import type { RegistryStatus } from '../../server/src/cards/service';
import type { ModelListItem } from '../../server/src/features/modelList';
import { FILE_GLOBS, LANGUAGES } from '../../server/src/languages';

interface Status extends RegistryStatus {
  pid: number;
}

/** What the extension exports: used by its own test suite. */
export interface ModelLensApi {
  client: LanguageClient;
  status(): Promise<Status>;
  /** How many times the server has been restarted after stopping unexpectedly. */
  restarts(): number;
  /** Milliseconds from activation to a running, answering server. */
  activationMs: number;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ModelLensApi> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Model Lens', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const documentSelector = [
    // Files, untitled documents and the cells of notebooks (each cell is a document of its language).
    ...LANGUAGES.flatMap(({ id: language }) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-notebook-cell', language },
    ]),
    { scheme: 'file', pattern: '**/.env*' },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: { configurationSection: 'modelLens' },
    // In Restricted Mode the project file's settings that read other files wait for trust, as the editor's do.
    initializationOptions: { settings: vscode.workspace.getConfiguration('modelLens'), trusted: vscode.workspace.isTrusted },
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
  };
  client = new LanguageClient('modelLens', 'Model Lens', serverOptions, clientOptions);

  // Status: models, card folders, card problems, last check; click for the output.
  const item = vscode.languages.createLanguageStatusItem('modelLens.status', documentSelector);
  item.name = 'Model Lens';
  item.command = { title: vscode.l10n.t('Show Output'), command: 'modelLens.showOutput' };
  let lastStatus: Status | null = null;
  let lastCheck: string | null = null;
  const logged = new Set<string>();
  let restarts = 0;
  let crashed = false;
  const render = () => {
    if (!lastStatus) {
      item.text = '$(loading~spin) Model Lens';
      item.detail = vscode.l10n.t('starting');
      return;
    }
    const s = lastStatus;
    item.text = `$(telescope) ${vscode.l10n.t('{0} models', s.models)}`;
    // Each source with its date: our cards (when checked), the catalogues (how current their data is).
    const sources = (s.sources ?? []).map((src) => `${src.label} (${src.models}${src.date ? `, ${src.date}` : ''})`).join(', ');
    const folders = s.cardFolders.length ? ` · ${vscode.l10n.t('{0} file(s) from {1}', s.userCards + s.userCatalogs, s.cardFolders.map((f) => vscode.workspace.asRelativePath(f)).join(', '))}` : '';
    const parts = [sources + folders];
    if (s.problems) parts.push(s.problems === 1 ? vscode.l10n.t('1 card problem') : vscode.l10n.t('{0} card problems', s.problems));
    const notices = s.notices ?? [];
    if (notices.length) parts.push(notices.length === 1 ? vscode.l10n.t('1 file or limit skipped (see the output)') : vscode.l10n.t('{0} files or limits skipped (see the output)', notices.length));
    // Each notice once in the output, however often the status is read.
    for (const n of notices.filter((x) => !logged.has(x))) {
      logged.add(n);
      output.warn(n);
    }
    if (lastCheck) parts.push(vscode.l10n.t('last check {0}', lastCheck));
    if (restarts) parts.push(vscode.l10n.t('server restarted after a crash ({0})', restarts));
    item.detail = parts.join(' · ');
    item.severity = crashed || s.problems || notices.length ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  render();

  const refreshStatus = async (): Promise<Status | null> => {
    try {
      lastStatus = await client!.sendRequest<Status>('modelLens/status');
    } catch {
      lastStatus = null;
    }
    render();
    return lastStatus;
  };

  client.onDidChangeState((e) => {
    if (e.oldState === State.Running && e.newState === State.Stopped) {
      crashed = true;
      item.text = `$(warning) ${vscode.l10n.t('Model Lens stopped')}`;
      item.detail = vscode.l10n.t('the language server stopped; restarting');
      item.severity = vscode.LanguageStatusSeverity.Error;
    }
    if (e.newState === State.Running) {
      if (crashed) restarts++;
      crashed = false;
      void refreshStatus();
    }
  });

  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('model-lens-workspace');
  context.subscriptions.push(
    output,
    item,
    workspaceDiagnostics,
    vscode.commands.registerCommand('modelLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('modelLens.restartServer', async () => {
      await client!.restart();
      await refreshStatus();
    }),
    vscode.commands.registerCommand('modelLens.reloadRegistry', async () => {
      lastStatus = await client!.sendRequest<Status>('modelLens/reload');
      render();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Model Lens: {0} models loaded', lastStatus?.models ?? 0), 3000);
    }),
    vscode.commands.registerCommand('modelLens.openModelCard', async (name?: string) => {
      const models = await client!.sendRequest<ModelListItem[]>('modelLens/models');
      let pick: ModelListItem | undefined = typeof name === 'string' ? models.find((m) => m.name === name) : undefined;
      if (!pick) {
        const chosen = await vscode.window.showQuickPick(
          models.map((m) => ({
            label: m.name,
            description: [m.displayName, m.namespace === 'vendor' ? 'vendor id' : ''].filter(Boolean).join(' · '),
            detail: m.detail,
            model: m,
          })),
          { title: vscode.l10n.t('Open Model Card'), placeHolder: vscode.l10n.t('Type a model name, provider or "4o mini"'), matchOnDescription: true, matchOnDetail: true },
        );
        pick = chosen?.model;
      }
      if (!pick?.card) return undefined;
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(pick.card.uri), { preview: true });
      const pos = new vscode.Position(pick.card.line, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
      return editor.document.uri.toString();
    }),
    vscode.commands.registerCommand('modelLens.checkWorkspace', () => checkWorkspace(workspaceDiagnostics).then((count) => {
      lastCheck = new Date().toLocaleTimeString();
      render();
      return count;
    })),
  );

  client.onNotification('modelLens/registryChanged', (s: Status) => {
    lastStatus = { ...s, pid: lastStatus?.pid ?? 0 };
    render();
  });
  // Trust granted while the server starts is said once it runs.
  let trustGranted = false;
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      trustGranted = true;
      if (client?.isRunning()) void client.sendNotification('modelLens/trusted');
    }),
  );
  await client.start();
  if (trustGranted) void client.sendNotification('modelLens/trusted');
  const first = await refreshStatus();
  const activationMs = Date.now() - started;
  output.info(vscode.l10n.t('Model Lens activated in {0} ms: {1} models', activationMs, first?.models ?? 0));

  return {
    client,
    activationMs,
    status: () => client!.sendRequest<Status>('modelLens/status'),
    restarts: () => restarts,
  };
}

/** Check every supported file of the workspace; results go to the Problems panel. Returns the number of problems. */
async function checkWorkspace(collection: vscode.DiagnosticCollection): Promise<number> {
  const exclude = vscode.workspace.getConfiguration('modelLens').get<string[]>('exclude', []);
  const excludeGlob = exclude.length ? `{${exclude.join(',')}}` : undefined;
  const found = await Promise.all(FILE_GLOBS.map((g) => vscode.workspace.findFiles(g, excludeGlob, 20_000)));
  const files = [...new Map(found.flat().map((u) => [u.toString(), u])).values()];
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  collection.clear();
  let problems = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Model Lens: checking the workspace'), cancellable: true },
    async (progress, token) => {
      const batch = 50;
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += batch) {
        const uris = files.slice(i, i + batch).map((u) => u.toString()).filter((u) => !open.has(u));
        const results = await client!.sendRequest<Array<{ uri: string; diagnostics: LspDiagnostic[] }>>('modelLens/checkFiles', { uris });
        for (const r of results) {
          const diags = await Promise.all(r.diagnostics.map((d) => client!.protocol2CodeConverter.asDiagnostic(d)));
          collection.set(vscode.Uri.parse(r.uri), diags);
          problems += diags.length;
        }
        progress.report({ increment: (batch / Math.max(files.length, 1)) * 100, message: vscode.l10n.t('{0} of {1} files', Math.min(i + batch, files.length), files.length) });
      }
    },
  );
  return problems;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
