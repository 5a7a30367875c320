/** Scan results per open document, cached by version: completion, hover and diagnostics share one scan. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { scan, type ScanResult } from './scanner/scanner';

export class Analyzer {
  private readonly cache = new Map<string, { version: number; result: ScanResult }>();

  scan(doc: TextDocument): ScanResult {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    const result = scan(doc.getText(), doc.languageId);
    this.cache.set(doc.uri, { version: doc.version, result });
    return result;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
