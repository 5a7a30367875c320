/** "Check Workspace" (`modelLens/checkFiles`): diagnostics of files the editor has not opened, read from disk in the background. */
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOfFile } from '../languages';
import type { DocumentChecker } from './documentDiagnostics';

interface FileDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
}

export async function checkFiles(uris: unknown, checker: DocumentChecker, maxFileSize: number): Promise<FileDiagnostics[]> {
  const out: FileDiagnostics[] = [];
  for (const uri of Array.isArray(uris) ? uris : []) {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) continue;
    const file = fileURLToPath(uri);
    const languageId = languageOfFile(file);
    if (!languageId) continue;
    try {
      const st = await fs.stat(file);
      if (st.size > maxFileSize) continue;
      const doc = TextDocument.create(uri, languageId, 0, await fs.readFile(file, 'utf8'));
      out.push({ uri, diagnostics: checker.diagnostics(doc, false) });
    } catch {
      // unreadable: nothing to report
    }
  }
  return out;
}
