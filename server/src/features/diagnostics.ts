/** Findings as LSP diagnostics: source `model-lens`, a code with a link, and the fixes in `data` so code actions do not search again. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../diagnostics/types';
import type { Severity } from '../registry';

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

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
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
