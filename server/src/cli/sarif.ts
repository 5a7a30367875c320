/**
 * SARIF 2.1.0 for code-scanning uploads: every rule with its descriptions, help and default level (from the rules'
 * own metadata), artifact URIs relative to the checked folder (`%SRCROOT%`) and percent-encoded.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_METADATA } from '../diagnostics/rules';
import type { RuleMeta } from '../diagnostics/types';
import type { Severity } from '../registry';
import type { JsonDiagnostic } from './json';

const level = (s: Severity | 'as-found') => (s === 'error' ? 'error' : s === 'warning' || s === 'as-found' ? 'warning' : 'note');

/** A relative path as a URI reference: each segment percent-encoded, `/` between them. */
function relativeUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The README shipped with the CLI, and a rule's section in it (GitHub's heading anchors: the code itself). */
function readmeUri(packageRoot: string, anchor?: string): string {
  return `${pathToFileURL(path.join(packageRoot, 'README.md')).href}${anchor ? `#${anchor}` : ''}`;
}

function descriptor(rule: RuleMeta, packageRoot: string): object {
  const helpUri = readmeUri(packageRoot, rule.code);
  return {
    id: rule.code,
    name: rule.code,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description} See ${helpUri}`, markdown: `${rule.description}\n\n[More in the README](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: level(rule.severity) },
  };
}

/** SARIF 2.1.0: one run; the rules of the codes found, in code order; results in the order found. */
export function toSarif(diagnostics: readonly JsonDiagnostic[], version: string, root: string, packageRoot: string): object {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules = codes.map((id) => RULE_METADATA.find((r) => r.code === id) ?? { code: id, severity: 'warning' as const, summary: id, description: id });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'model-lens',
            version,
            semanticVersion: version,
            informationUri: readmeUri(packageRoot),
            rules: rules.map((r) => descriptor(r, packageRoot)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: level(d.severity),
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(d.file), uriBaseId: '%SRCROOT%' },
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
