/**
 * The scanner: one pass over a document of any language that finds the
 * strings and values that may be model names, with their context (the key
 * they are assigned to, the object, call or mapping they sit in, its
 * sibling keys). No parse of the whole file; no regular expression per
 * character. One family per kind of language: code, YAML, key=value files,
 * shell command lines, Markdown and prose.
 */
import { languageSpec } from '../languages';
import type { Marks } from './checkpoints';
import { scanCode } from './code';
import { scanJson } from './json';
import { scanKeyValue } from './keyValue';
import { scanMarkdown } from './markdown';
import { scanProseSteps } from './prose';
import { scanShell } from './shell';
import { isTable } from './tables';
import { rootContainer, type Candidate, type Container, type ScanResult } from './types';
import { scanYaml } from './yaml';
import { drain, type Steps } from '../util/steps';

export type { Candidate, Container, ScanResult, Value } from './types';
export { candidateAt, fileFlavor, inEmbeddingsSlot, isAboutNames, keyFactsOf, slotOf, TOKEN_LIMIT_KEY } from './context';

/** Scan a document: its candidates in document order, and its comments. */
export function scan(text: string, languageId: string): ScanResult {
  return drain(scanSteps(text, languageId));
}

/** The same scan, in steps (see `util/steps`). */
export function* scanSteps(text: string, languageId: string): Steps<ScanResult> {
  const spec = languageSpec(languageId);
  const out: ScanResult = { candidates: [], comments: [] };
  const root = rootContainer(0);
  /** The JSON scanner has judged every structure as it closed it, and found none about names (see `scanJson`). */
  let judged = false;
  switch (spec.mode) {
    case 'code':
    case 'json': {
      const marks: Marks = { checkpoints: [] };
      if (spec.mode === 'json') judged = yield* scanJson(text, 0, text.length, spec, root, out, marks);
      else yield* scanCode(text, 0, text.length, spec, root, out, marks);
      out.checkpoints = marks.checkpoints;
      break;
    }
    case 'shell':
      yield* scanShell(text, 0, text.length, root, out);
      break;
    case 'yaml':
      yield* scanYaml(text, 0, text.length, root, out);
      break;
    case 'keyvalue':
      yield* scanKeyValue(text, 0, text.length, spec, root, out);
      break;
    case 'markdown':
      yield* scanMarkdown(text, root, out);
      break;
    case 'prose':
      yield* scanProseSteps(text, 0, text.length, root, out, 'prose');
      break;
  }
  yield;
  if (!judged) yield* markTablesAndRecords(out, languageId);
  return out;
}

/**
 * Mark what is about names rather than a use of them, once the whole document is scanned: tables of models
 * (long lists of bare names; mappings whose values extend their keys, `"gpt-4": "gpt-4-0613"`), records of
 * results and responses, and JSON Lines (see `tables.ts`). Then put the candidates in the order of their starts, if the
 * scan did not find them so.
 */
export function* markTablesAndRecords(out: ScanResult, languageId: string): Steps {
  // Each structure's verdict is kept on it: after an edit only the structures scanned again (and those open where the
  // scan resumed, whose verdicts the caller forgets) are judged again. The JSON scanner judges the structures it closes.
  const { candidates } = out;
  /** The bare names of each structure not judged yet, and the candidates waiting for its verdict. */
  let bare: Map<Container, number> | null = null;
  let waiting: Candidate[] | null = null;
  let inOrder = true;
  let lastStart = -1;
  // Indexed loops: an iterator of ten thousand candidates in a generator costs an allocation a step.
  for (let i = 0; i < candidates.length; i++) {
    if ((i & 4095) === 4095) yield;
    const c = candidates[i];
    const start = c.value.start;
    if (start < lastStart) inOrder = false;
    lastStart = start;
    // Done again after an edit, from what the scan of each structure said (a list that stops being a table gives its
    // names back).
    c.about = c.aboutHere ??= c.about;
    if (c.where !== 'value') continue;
    if (languageId === 'jsonl') {
      c.about = true;
      continue;
    }
    const k = c.container;
    if (k.table === undefined) {
      if (c.key === null && c.reason === 'shape') (bare ??= new Map()).set(k, (bare.get(k) ?? 0) + 1);
      if (!c.about) (waiting ??= []).push(c);
    } else if (k.table) c.about = true;
  }
  if (waiting) {
    for (let i = 0; i < waiting.length; i++) {
      if ((i & 2047) === 2047) yield;
      const c = waiting[i];
      if ((c.container.table ??= isTable(c.container, bare?.get(c.container) ?? 0))) c.about = true;
    }
  }
  // Most scans find their candidates in order; the others are sorted here (a pass over them all is not free).
  if (!inOrder) {
    yield;
    candidates.sort(byStart);
  }
}

const byStart = (a: Candidate, b: Candidate): number => a.value.start - b.value.start;
