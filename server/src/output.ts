/** The JSON shapes of the command line (and the text tables people read). */
import { shortTokens, type CardDiagnostic, type ModelEntry, type Severity, type SourceRef } from './registry';

export interface JsonSource {
  file: string;
  line: number;
  column: number;
}

export interface JsonModel {
  id: string;
  namespace: ModelEntry['namespace'];
  name: string;
  displayName: string | null;
  provider: string | null;
  hosting: string | null;
  category: ModelEntry['category'];
  status: ModelEntry['status'];
  successor: string | null;
  purpose: ModelEntry['purpose'];
  contextWindow: number | null;
  maxOutputTokens: number | null;
  releaseDate: string | null;
  knowledgeCutoff: string | null;
  throughput: number | null;
  openSource: boolean | null;
  languages: string[];
  aliases: string[];
  links: string[];
  sources: JsonSource[];
  deprecatedDate: string | null;
  retiredDate: string | null;
  customerEnabled: boolean;
  defaultFor: string[];
  docsUrl: string | null;
  version: string | null;
  facts: Record<string, { value: unknown; raw: Partial<Record<'en' | 'ja', string>>; file: string; line: number }>;
  conflicts: Array<{ field: string; values: Array<{ value: string; raw: string; file: string; line: number }> }>;
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  suggestions: string[];
}

const src = (s: SourceRef): JsonSource => ({ file: s.file, line: s.line + 1, column: s.column + 1 });

export function toJsonModel(m: ModelEntry): JsonModel {
  const facts: JsonModel['facts'] = {};
  for (const [k, f] of Object.entries(m.facts)) if (f) facts[k] = { value: f.value, raw: f.raw, file: f.source.file, line: f.source.line + 1 };
  return {
    id: m.id,
    namespace: m.namespace,
    name: m.name,
    displayName: m.displayName,
    provider: m.provider,
    hosting: m.hosting,
    category: m.category,
    status: m.status,
    successor: m.successor,
    purpose: m.purpose,
    contextWindow: m.contextWindow,
    maxOutputTokens: m.maxOutputTokens,
    releaseDate: m.releaseDate,
    knowledgeCutoff: m.knowledgeCutoff,
    throughput: m.throughput,
    openSource: m.openSource,
    languages: m.languages,
    aliases: m.aliases,
    links: m.links,
    sources: m.sources.map(src),
    deprecatedDate: m.deprecatedDate,
    retiredDate: m.retiredDate,
    customerEnabled: m.customerEnabled,
    defaultFor: m.defaultFor,
    docsUrl: m.docsUrl,
    version: m.version,
    facts,
    conflicts: m.conflicts.map((c) => ({
      field: c.field,
      values: c.values.map((v) => ({ value: v.value, raw: v.raw, file: v.source.file, line: v.source.line + 1 })),
    })),
  };
}

/** A problem at a place (0-based), from a card or from a check. */
export type LocatedProblem = Omit<CardDiagnostic, 'code'> & { code: string };

export function toJsonDiagnostic(d: LocatedProblem): JsonDiagnostic {
  return {
    file: d.file,
    line: d.line + 1,
    column: d.column + 1,
    endLine: d.endLine + 1,
    endColumn: d.endColumn + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    suggestions: d.suggestions,
  };
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
}

export function makeStyle(color: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  const sev: Record<Severity, (s: string) => string> = {
    error: wrap(31, 39),
    warning: wrap(33, 39),
    info: wrap(36, 39),
    hint: wrap(2, 22),
  };
  return { bold: wrap(1, 22), dim: wrap(2, 22), severity: (s, text) => sev[s](text) };
}

/** Display width: East Asian wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Columns aligned on the widest cell; the last column is not padded. */
export function table(header: string[], rows: string[][], style: Style): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - width(c))))
      .join('  ')
      .trimEnd();
  return [style.bold(line(header)), ...rows.map(line)].join('\n');
}

export function modelRows(models: readonly ModelEntry[]): string[][] {
  return models.map((m) => [
    printable(m.name),
    m.status + (m.successor ? ` → ${printable(m.successor)}` : ''),
    printable(m.provider ?? ''),
    m.contextWindow === null ? '–' : shortTokens(m.contextWindow),
    m.maxOutputTokens === null ? '–' : shortTokens(m.maxOutputTokens),
    m.category ?? '',
    m.purpose,
  ]);
}

export const MODEL_HEADER = ['NAME', 'STATUS', 'PROVIDER', 'CONTEXT', 'OUTPUT', 'CATEGORY', 'PURPOSE'];

/** Text from a card or a file, safe to print on a terminal: no escape sequences or control characters. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

export function formatDiagnosticLine(d: JsonDiagnostic, style: Style): string {
  return `${printable(d.file)}:${d.line}:${d.column} ${style.severity(d.severity, d.severity)} ${style.dim(d.code)} ${printable(d.message)}`;
}

/** SARIF 2.1.0: one run, one rule per code. */
export function toSarif(diagnostics: readonly JsonDiagnostic[], version: string, descriptions: Record<string, string>): object {
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
            rules: codes.map((id) => ({ id, shortDescription: { text: descriptions[id] ?? id } })),
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

/** GitHub Actions workflow commands: one annotation per diagnostic. */
export function toGithub(d: JsonDiagnostic): string {
  const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const msg = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${kind} file=${prop(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${prop(`model-lens ${d.code}`)}::${msg(d.message)}`;
}
