/**
 * Diagnostics pushed with `textDocument/publishDiagnostics`, for clients that do not pull them (Neovim before
 * 0.10, Emacs's Eglot, Helix): from the same checker as pulls, when a document opens, shortly after it changes
 * (one check per pause in typing), and again for every open document when the registry or the settings change.
 * A check still running for an older text is cancelled.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Cancelled, type Cancel } from '../util/steps';

/** How long after the last change a document is checked again. */
export const PUSH_DELAY_MS = 200;

interface Pending {
  timer: NodeJS.Timeout | undefined;
  /** The running check's cancel flag, if one is running. */
  running: { isCancellationRequested: boolean } | null;
}

export interface PushTarget {
  /** The documents open now, and one of them by its URI. */
  all(): readonly TextDocument[];
  get(uri: string): TextDocument | undefined;
  check(doc: TextDocument, token: Cancel): Promise<Diagnostic[]>;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** Waits until the settings the client gives are known (the first check must use them). */
  ready(): Promise<void>;
  /** A check that failed (not cancelled). */
  failed(error: unknown): void;
}

export class DiagnosticPusher {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly target: PushTarget) {}

  /** Check `doc` after `delay` ms, replacing any check planned or running for it. */
  schedule(doc: TextDocument, delay = PUSH_DELAY_MS): void {
    const p = this.entry(doc.uri);
    clearTimeout(p.timer);
    if (p.running) p.running.isCancellationRequested = true;
    p.timer = setTimeout(() => void this.run(doc.uri, p), delay);
  }

  /** Every open document again (the registry or the settings changed). */
  all(): void {
    for (const doc of this.target.all()) this.schedule(doc, 0);
  }

  /** A closed document: nothing planned, and its diagnostics cleared. */
  forget(uri: string): void {
    const p = this.pending.get(uri);
    if (p) {
      clearTimeout(p.timer);
      if (p.running) p.running.isCancellationRequested = true;
      this.pending.delete(uri);
    }
    this.target.publish(uri, undefined, []);
  }

  private entry(uri: string): Pending {
    let p = this.pending.get(uri);
    if (!p) {
      p = { timer: undefined, running: null };
      this.pending.set(uri, p);
    }
    return p;
  }

  private async run(uri: string, p: Pending): Promise<void> {
    p.timer = undefined;
    await this.target.ready();
    // The document as it is now (it may have changed or closed while the settings were awaited).
    const doc = this.target.get(uri);
    if (!doc || this.pending.get(uri) !== p || p.timer !== undefined) return;
    const token = { isCancellationRequested: false };
    p.running = token;
    try {
      const diagnostics = await this.target.check(doc, token);
      if (!token.isCancellationRequested) this.target.publish(uri, doc.version, diagnostics);
    } catch (e) {
      // Cancelled: a newer text is on its way. Anything else is said, and the server goes on.
      if (!(e instanceof Cancelled)) this.target.failed(e);
    } finally {
      if (p.running === token) p.running = null;
    }
  }
}
