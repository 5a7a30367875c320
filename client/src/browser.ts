/**
 * The extension in browsers (vscode.dev, github.dev): the language server runs in a web worker with the built-in
 * data. Completion, hover, diagnostics and quick fixes work on open documents of any scheme; the commands that
 * read or write files (card folders, Check Workspace, Open Model Card, Allow name) are not offered there.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGES } from '../../server/src/languages';

/** The web's Worker (the project's TypeScript settings have no DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const worker = new Worker(serverMain.toString(true));
  // Any scheme: the server needs only the text.
  const documentSelector = LANGUAGES.map(({ id: language }) => ({ language }));
  client = new LanguageClient(
    'modelLens',
    'Model Lens',
    {
      documentSelector,
      synchronize: { configurationSection: 'modelLens' },
      initializationOptions: { settings: vscode.workspace.getConfiguration('modelLens') },
      diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    },
    worker,
  );
  const item = vscode.languages.createLanguageStatusItem('modelLens.status', documentSelector);
  item.name = 'Model Lens';
  context.subscriptions.push(item, client);
  await client.start();
  const status = await client.sendRequest<{ models: number }>('modelLens/status');
  item.text = `$(telescope) ${vscode.l10n.t('{0} models', status.models)}`;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
