/** Diagnostics of open documents, and findings as LSP diagnostics: source `model-lens`, a code with a link, and the fixes in `data` so code actions do not search again. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RegistryService } from '../cards/service';
import { cappedMessage, checkSteps, isExcluded, type CheckResult } from '../diagnostics/engine';
import type { ScanResult } from '../scanner';
import { RuleMemo } from '../diagnostics/memo';
import { drain, runInSlices, type Cancel, type Steps } from '../util/steps';
import type { Finding } from '../diagnostics/types';
import type { Severity } from '../registry';
import type { ScanCache } from '../session/scanCache';
import type { Workspace } from '../session/workspace';
import type { Settings } from '../settings';
import { cardUri, preferredSource, type Locale } from './modelCard';

export const SOURCE = 'model-lens';

export interface DiagnosticData {
  suggestions: string[];
  preferred: boolean;
  name: string | null;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.code,
    message: f.message,
    data: { suggestions: f.suggestions, preferred: f.preferred, name: f.name } satisfies DiagnosticData,
  };
  if (f.href) d.codeDescription = { href: f.href };
  if (f.code === 'retired-model' || f.code === 'deprecated-model') d.tags = [DiagnosticTag.Deprecated];
  return d;
}

export interface CheckerContext {
  workspace: Pick<Workspace, 'pathsOf'>;
  service: Pick<RegistryService, 'registry' | 'isUserCard' | 'diagnosticsFor'>;
  scans: ScanCache;
  settings(): Settings;
  locale(): Locale;
  /** Tell the user something once per document (a skipped file). */
  notify(message: string): void;
}

/** Checks documents with the current settings and registry; open documents share the cached scan with completion and hover. */
export class DocumentChecker {
  private readonly noticed = new Set<string>();
  /** The last result per open document, for the same text, registry, settings and locale (a pull repeated, a code action). */
  private readonly results = new Map<string, { text: string; key: readonly unknown[]; result: CheckResult }>();
  /** Per open document, what the rules found last time; and the documents whose check is under way. */
  private readonly memos = new Map<string, RuleMemo>();
  private readonly running = new Set<string>();

  constructor(private readonly ctx: CheckerContext) {}

  check(doc: TextDocument, open = true): CheckResult {
    return drain(this.steps(doc, open));
  }

  /** The same, in slices that let other requests through; stops with `Cancelled` when the token is. */
  checkInSlices(doc: TextDocument, token: Cancel, open = true): Promise<CheckResult> {
    return runInSlices(this.steps(doc, open), token);
  }

  /** The document's diagnostics, as LSP diagnostics, in slices. */
  async diagnosticsInSlices(doc: TextDocument, token: Cancel, open = true): Promise<Diagnostic[]> {
    return (await this.checkInSlices(doc, token, open)).findings.map((f) => toDiagnostic(doc, f));
  }

  private *steps(doc: TextDocument, open: boolean): Steps<CheckResult> {
    const { service } = this.ctx;
    const settings = this.ctx.settings();
    const locale = this.ctx.locale();
    const text = doc.getText();
    const key = [service.registry, settings, locale, doc.languageId] as const;
    const hit = open ? this.results.get(doc.uri) : undefined;
    if (hit && hit.text === text && hit.key.every((k, i) => k === key[i])) return hit.result;
    const result = yield* this.run(doc, text, settings, locale, open);
    if (open) this.results.set(doc.uri, { text, key, result });
    return result;
  }

  /** Forget a closed document. */
  forget(uri: string): void {
    this.results.delete(uri);
    this.noticed.delete(uri);
    this.memos.delete(uri);
  }

  private memoOf(uri: string): RuleMemo {
    let memo = this.memos.get(uri);
    if (!memo) this.memos.set(uri, (memo = new RuleMemo()));
    return memo;
  }

  private *run(doc: TextDocument, text: string, settings: Settings, locale: Locale, open: boolean): Steps<CheckResult> {
    const { workspace, service, scans } = this.ctx;
    const { absolute, relative } = workspace.pathsOf(doc.uri);
    if (isExcluded(relative, settings)) return { findings: [], skipped: null, capped: false };
    // Open documents share one scan with completion and hover.
    let scan: ScanResult | undefined;
    if (open && text.length <= settings.maxFileSize) scan = yield* scans.scanSteps(doc, text);
    // The rules' results are carried over from the last check of this document, unless another check of it is under way.
    const memo = open && !this.running.has(doc.uri) ? this.memoOf(doc.uri) : undefined;
    if (memo) this.running.add(doc.uri);
    try {
      const result = yield* checkSteps({
        text,
        languageId: doc.languageId,
        path: absolute ?? relative,
        relativePath: relative,
        registry: service.registry,
        settings,
        scan,
        hrefFor: (entry) => {
          const card = preferredSource(entry, locale);
          return (card ? cardUri(card) : null) ?? entry.docsUrl;
        },
        registryDiagnostics: absolute && service.isUserCard(absolute) ? service.diagnosticsFor(absolute) : undefined,
        memo,
        locale,
      });
      const notice = result.skipped ? result.skipped.message : result.capped ? cappedMessage(settings, locale) : null;
      if (notice && open && !this.noticed.has(doc.uri)) {
        this.noticed.add(doc.uri);
        this.ctx.notify(`${notice} (${relative})`);
      }
      return result;
    } finally {
      if (memo) this.running.delete(doc.uri);
    }
  }

  /** The document's diagnostics, as LSP diagnostics. */
  diagnostics(doc: TextDocument, open = true): Diagnostic[] {
    return this.check(doc, open).findings.map((f) => toDiagnostic(doc, f));
  }
}
