/**
 * Jupyter notebooks (`.ipynb`): each code cell is checked as the notebook's
 * language, each Markdown cell as Markdown; outputs are not read. Findings
 * are mapped back to the notebook file (line and column of the JSON text, so
 * code scanning can point at them) and to the cell (its number and line, for
 * people).
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { LineIndex } from '../util/lineIndex';
import { checkText } from './engine';
import type { Finding } from './types';

/** Notebooks larger than this are not read (a few MB of outputs are common; the sources are what we read). */
export const MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024;

export function isNotebookFile(file: string): boolean {
  return /\.ipynb$/i.test(file);
}

interface Cell {
  /** 1-based, as notebooks number them for people. */
  number: number;
  languageId: string;
  text: string;
  /** For each offset of `text`, the offset in the notebook file (one more entry for the end). */
  fileOffsets: number[];
}

/** A finding of a notebook, placed both in the file and in its cell. */
interface NotebookFinding extends Finding {
  cell: number;
  /** 0-based line and character within the cell. */
  cellLine: number;
  cellCharacter: number;
}

/** A JSON string literal's decoded text, with the file offset of each decoded character. */
function decode(literal: string, at: number, out: { text: string[]; offsets: number[] }): void {
  // `at` is the offset of the opening quote.
  for (let k = 1; k < literal.length - 1; k++) {
    const c = literal[k];
    if (c !== '\\') {
      out.text.push(c);
      out.offsets.push(at + k);
      continue;
    }
    const e = literal[k + 1];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
    if (e === 'u') {
      out.text.push(String.fromCharCode(parseInt(literal.slice(k + 2, k + 6), 16)));
      out.offsets.push(at + k);
      k += 5;
    } else {
      out.text.push(simple[e] ?? e);
      out.offsets.push(at + k);
      k += 1;
    }
  }
}

/** The cells of a notebook, or null when the text is not one. */
function notebookCells(text: string): Cell[] | null {
  if (text.length > MAX_NOTEBOOK_BYTES) return null;
  const root = parseTree(text);
  const cells = root && findNodeAtLocation(root, ['cells']);
  if (!root || !cells || cells.type !== 'array' || !cells.children) return null;
  const meta = (path: Array<string | number>) => {
    const n = findNodeAtLocation(root, path);
    return n && n.type === 'string' ? String(n.value) : null;
  };
  const language = (meta(['metadata', 'kernelspec', 'language']) ?? meta(['metadata', 'language_info', 'name']) ?? 'python').toLowerCase();
  const out: Cell[] = [];
  cells.children.forEach((cell, i) => {
    const kind = findNodeAtLocation(cell, ['cell_type'])?.value;
    if (kind !== 'code' && kind !== 'markdown') return;
    const source = findNodeAtLocation(cell, ['source']);
    const parts: Node[] = source?.type === 'array' ? (source.children ?? []) : source?.type === 'string' ? [source] : [];
    const acc = { text: [] as string[], offsets: [] as number[] };
    for (const p of parts) if (p.type === 'string') decode(text.slice(p.offset, p.offset + p.length), p.offset, acc);
    const end = parts.length ? parts[parts.length - 1].offset + parts[parts.length - 1].length - 1 : cell.offset;
    const own = findNodeAtLocation(cell, ['metadata', 'vscode', 'languageId'])?.value;
    out.push({
      number: i + 1,
      languageId: kind === 'markdown' ? 'markdown' : typeof own === 'string' ? own : language,
      text: acc.text.join(''),
      fileOffsets: [...acc.offsets, end],
    });
  });
  return out;
}

/** Check every cell of a notebook; findings carry offsets in the notebook file and their cell's place. */
export function checkNotebook(text: string, registry: Registry, settings: Settings, relativePath?: string): { findings: NotebookFinding[]; capped: boolean } | null {
  const cells = notebookCells(text);
  if (!cells || cells.reduce((n, c) => n + c.text.length, 0) > settings.maxFileSize) return null;
  const out: NotebookFinding[] = [];
  let capped = false;
  for (const cell of cells) {
    if (!cell.text) continue;
    const lines = new LineIndex(cell.text);
    const result = checkText({ text: cell.text, languageId: cell.languageId, registry, settings, relativePath });
    for (const f of result.findings) {
      const p = lines.position(f.start);
      out.push({ ...f, start: cell.fileOffsets[f.start], end: cell.fileOffsets[f.end - 1] + 1, cell: cell.number, cellLine: p.line, cellCharacter: p.character });
    }
    // The notebook as a whole is held to maxProblems.
    if (result.capped || out.length > settings.maxProblems) {
      capped = true;
      break;
    }
  }
  return { findings: out.slice(0, settings.maxProblems), capped };
}
