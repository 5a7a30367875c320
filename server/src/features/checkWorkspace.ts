/** "Check Workspace" (`modelLens/checkFiles`): diagnostics of files the editor has not opened, read from disk in the background. */
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOfFile } from '../languages';
import { filePathOf } from '../session/params';
import { readTextFile } from '../util/textFile';
import type { Cancel } from '../util/steps';
import type { DocumentChecker } from './documentDiagnostics';

interface FileDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
}

/** Files per request: the client sends the workspace in batches. */
const MAX_FILES = 10_000;

/** Check files in turn, in slices (other requests go first); a cancelled token stops it with `Cancelled`. */
export async function checkFiles(uris: unknown, checker: DocumentChecker, maxFileSize: number, token: Cancel): Promise<FileDiagnostics[]> {
  const out: FileDiagnostics[] = [];
  for (const uri of Array.isArray(uris) ? uris.slice(0, MAX_FILES) : []) {
    const file = typeof uri === 'string' ? filePathOf(uri) : null;
    const languageId = file ? languageOfFile(file) : null;
    if (!file || !languageId) continue;
    // Not a regular text file, too large, or unreadable: nothing to report.
    const read = await readTextFile(file, maxFileSize);
    if (!read.ok) continue;
    const doc = TextDocument.create(uri as string, languageId, 0, read.text);
    out.push({ uri: uri as string, diagnostics: await checker.diagnosticsInSlices(doc, token, false) });
  }
  return out;
}
