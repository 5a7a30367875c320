/** SARIF 2.1.0 for code-scanning uploads. */
import { RULE_METADATA } from '../diagnostics/rules';
import type { Severity } from '../registry';
import type { JsonDiagnostic } from './json';

/** SARIF 2.1.0: one run, one rule per code. */
export function toSarif(diagnostics: readonly JsonDiagnostic[], version: string): object {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const level = (s: Severity) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'model-lens',
            version,
            rules: codes.map((id) => ({ id, shortDescription: { text: RULE_METADATA.find((r) => r.code === id)?.summary ?? id } })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: level(d.severity),
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('\\').join('/') },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
          ...(d.suggestions.length ? { properties: { suggestions: d.suggestions } } : {}),
        })),
      },
    ],
  };
}
