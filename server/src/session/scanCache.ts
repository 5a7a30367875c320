/** Scan results per open document, cached by version: completion, hover and diagnostics share one scan. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { scan, type ScanResult } from '../scanner';

/** How much text before and after the cursor a windowed scan reads. */
const BEFORE = 32_768;
const AFTER = 4_096;

export class ScanCache {
  private readonly cache = new Map<string, { version: number; result: ScanResult }>();

  scan(doc: TextDocument): ScanResult {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    const result = scan(doc.getText(), doc.languageId);
    this.cache.set(doc.uri, { version: doc.version, result });
    return result;
  }

  /**
   * For completion: the cached scan of the document, or, for a document larger than `limit`, a scan of
   * the lines around the cursor only (its offsets shifted to the document's), so typing stays fast.
   */
  scanNear(doc: TextDocument, offset: number, limit: number): ScanResult {
    const text = doc.getText();
    if (text.length <= limit) return this.scan(doc);
    let from = Math.max(0, offset - BEFORE);
    from = from === 0 ? 0 : text.lastIndexOf('\n', from) + 1;
    let to = text.indexOf('\n', Math.min(text.length, offset + AFTER));
    if (to < 0) to = text.length;
    const result = scan(text.slice(from, to), doc.languageId);
    for (const c of result.candidates) {
      c.value.start += from;
      c.value.end += from;
    }
    for (const c of result.comments) {
      c.start += from;
      c.end += from;
    }
    return result;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
