/** Text output for people: aligned tables, diagnostic lines, colour when the terminal wants it, nothing a card could use to drive the terminal. */
import { shortTokens, type ModelEntry, type Severity } from '../registry';
import type { JsonDiagnostic } from './json';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
}

/**
 * Colour or not: --color / --no-color when given; else FORCE_COLOR when set (0 or false turn it off, as CI tools
 * expect); else on a terminal, unless NO_COLOR is set.
 */
export function useColor(flag: boolean | null, env: Readonly<Record<string, string | undefined>>, terminal: boolean): boolean {
  if (flag !== null) return flag;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined && forced !== '') return forced !== '0' && forced.toLowerCase() !== 'false';
  return terminal && !env.NO_COLOR;
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
    m.lifecycleKnown ? m.status + (m.successor ? ` → ${printable(m.successor)}` : '') : 'listed',
    printable(m.provider ?? ''),
    m.contextWindow === null ? '–' : shortTokens(m.contextWindow),
    m.maxOutputTokens === null ? '–' : shortTokens(m.maxOutputTokens),
    m.category ?? '',
    m.purpose,
  ]);
}

export const MODEL_HEADER = ['NAME', 'STATUS', 'PROVIDER', 'CONTEXT', 'OUTPUT', 'CATEGORY', 'PURPOSE'];

/** Text from a card or a file, safe to print on a terminal: no escape sequences or control characters. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

export function formatDiagnosticLine(d: JsonDiagnostic, style: Style): string {
  // In a notebook, the cell and the line within it: what a person finds in Jupyter or VS Code.
  const place = d.cell !== undefined ? `cell ${d.cell}:${d.cellLine}:${d.cellColumn}` : `${d.line}:${d.column}`;
  return `${printable(d.file)}:${place} ${style.severity(d.severity, d.severity)} ${style.dim(d.code)} ${printable(d.message)}`;
}
