/**
 * Scan results per open document, cached by text: completion, hover and diagnostics share one scan. After an edit,
 * the document is scanned from the scan before it (see `scanner/incremental`): only around the edit, where it can.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { scan, scanSteps as scanDocument, type ScanResult } from '../scanner';
import { rescanSteps } from '../scanner/incremental';
import { drain, type Steps } from '../util/steps';

/** How much text before and after the cursor a windowed scan reads. */
const BEFORE = 32_768;
const AFTER = 4_096;

/**
 * Keyed by the text itself, not the version: a client may send a version twice (or out of order), and the
 * text a document holds is the same string object until it changes, so the comparison is cheap.
 */
export class ScanCache {
  private readonly cache = new Map<string, { text: string; languageId: string; result: ScanResult }>();

  scan(doc: TextDocument): ScanResult {
    return drain(this.scanSteps(doc, doc.getText()));
  }

  /** The scan of `text` (the document's text when the scan begins), in steps: the cached one, or one made from the last. */
  *scanSteps(doc: TextDocument, text: string): Steps<ScanResult> {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.languageId === doc.languageId && hit.text === text) return hit.result;
    if (hit && hit.languageId === doc.languageId) {
      // A scan from the last one changes the objects it carries over: the last one is no longer anyone's.
      this.cache.delete(doc.uri);
      return this.store(doc, text, yield* rescanSteps(hit.text, hit.result, text, doc.languageId));
    }
    return this.store(doc, text, yield* scanDocument(text, doc.languageId));
  }

  /** The scan of the document's current text, if one was made. */
  cached(doc: TextDocument): ScanResult | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && hit.text === doc.getText() && hit.languageId === doc.languageId ? hit.result : undefined;
  }

  /** Keep the scan of a text of the document (the text it had when the scan began: it may have changed since). */
  store(doc: TextDocument, text: string, result: ScanResult): ScanResult {
    this.cache.set(doc.uri, { text, languageId: doc.languageId, result });
    return result;
  }

  /**
   * For completion: the cached scan of the document, or, for a document larger than `limit`, a scan of
   * the lines around the cursor only (its offsets shifted to the document's), so typing stays fast.
   */
  scanNear(doc: TextDocument, offset: number, limit: number): ScanResult {
    const text = doc.getText();
    const whole = this.cached(doc);
    if (whole) return whole;
    if (text.length <= limit) return this.scan(doc);
    // Whole lines when they are short; never more than the window, however long the line.
    let from = Math.max(0, offset - BEFORE);
    if (from > 0) {
      const lineStart = text.lastIndexOf('\n', from) + 1;
      if (offset - lineStart <= 2 * BEFORE) from = lineStart;
    }
    const end = Math.min(text.length, offset + AFTER);
    let to = text.indexOf('\n', end);
    if (to < 0 || to - offset > 2 * AFTER) to = end;
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
