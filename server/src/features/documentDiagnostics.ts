/** Diagnostics of open documents, and findings as LSP diagnostics: source `model-lens`, a code with a link, and the fixes in `data` so code actions do not search again. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RegistryService } from '../cards/service';
import { checkText, isExcluded, type CheckResult } from '../diagnostics/engine';
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

interface CheckerContext {
  workspace: Workspace;
  service: RegistryService;
  scans: ScanCache;
  settings(): Settings;
  locale(): Locale;
  /** Tell the user something once per document (a skipped file). */
  notify(message: string): void;
}

/** Checks documents with the current settings and registry; open documents share the cached scan with completion and hover. */
export class DocumentChecker {
  private readonly noticed = new Set<string>();

  constructor(private readonly ctx: CheckerContext) {}

  check(doc: TextDocument, open = true): CheckResult {
    const { workspace, service, scans } = this.ctx;
    const settings = this.ctx.settings();
    const { absolute, relative } = workspace.pathsOf(doc.uri);
    if (isExcluded(relative, settings)) return { findings: [], skipped: null };
    const locale = this.ctx.locale();
    const result = checkText({
      text: doc.getText(),
      languageId: doc.languageId,
      path: absolute ?? relative,
      relativePath: relative,
      registry: service.registry,
      settings,
      scan: open && doc.getText().length <= settings.maxFileSize ? scans.scan(doc) : undefined,
      hrefFor: (entry) => {
        const card = preferredSource(entry, locale);
        return card ? cardUri(card) : entry.docsUrl;
      },
      registryDiagnostics: absolute && service.isUserCard(absolute) ? service.diagnosticsFor(absolute) : undefined,
    });
    if (result.skipped && open && !this.noticed.has(doc.uri)) {
      this.noticed.add(doc.uri);
      this.ctx.notify(`${result.skipped.message} (${relative})`);
    }
    return result;
  }

  /** The document's diagnostics, as LSP diagnostics. */
  diagnostics(doc: TextDocument, open = true): Diagnostic[] {
    return this.check(doc, open).findings.map((f) => toDiagnostic(doc, f));
  }
}
