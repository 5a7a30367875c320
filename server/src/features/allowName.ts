/**
 * The "allow this name" command: add a name to `allow` in the workspace folder's project file, .model-lens.json
 * (comments kept), which every editor's server and the CLI read.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, modify, parse as parseJsonc } from 'jsonc-parser';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { filePathOf } from '../session/params';
import { messages, type Locale } from '../messages';
import { ALLOW_COMMAND } from './codeActions';
import { PROJECT_CONFIG_FILE } from '../projectConfig';
import { MAX_SETTINGS_BYTES } from '../settings';
import { readTextFile } from '../util/textFile';
import type { Workspace } from '../session/workspace';


/**
 * The command's arguments are `[name, documentUri]`: the name goes into the project file of the document's
 * workspace folder (else the first folder). Null with `noFolder` when there is no folder to write to.
 */
export { ALLOW_COMMAND };

export async function allowNameCommand(args: readonly unknown[] | undefined, workspace: Workspace, locale: Locale = 'en'): Promise<{ label: string; edit: WorkspaceEdit } | 'noFolder' | null> {
  const [name, uri] = args ?? [];
  if (typeof name !== 'string') return null;
  const docPath = typeof uri === 'string' ? filePathOf(uri) : null;
  const folder = (docPath && workspace.folderOf(docPath)) ?? workspace.folders[0];
  if (!folder) return 'noFolder';
  const edit = await allowNameEdit(folder, name);
  return edit ? { label: messages(locale).allowName(name), edit } : null;
}

/** The edit that adds `name` to the allow list, or null when it is already there. */
async function allowNameEdit(folder: string, name: string): Promise<WorkspaceEdit | null> {
  const file = path.join(folder, PROJECT_CONFIG_FILE);
  const uri = pathToFileURL(file).toString();
  const read = await readTextFile(file, MAX_SETTINGS_BYTES);
  // A settings file that is there but not safe to edit (too large, not a regular file) gets no edit at all.
  if (!read.ok && read.reason !== 'missing') return null;
  const text = read.ok ? read.text : null;
  const current = text ? (parseJsonc(text) as Record<string, unknown> | undefined) : undefined;
  const list = Array.isArray(current?.allow) ? (current!.allow as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  if (list.includes(name)) return null;
  const base = text ?? '{}\n';
  const edits = modify(base, ['allow'], [...list, name], { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  const updated = applyEdits(base, edits);
  if (text === null) {
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: updated }] },
      ],
    };
  }
  const lines = text.split('\n');
  return {
    documentChanges: [
      {
        textDocument: { uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText: updated }],
      },
    ],
  };
}
