/**
 * The scanner: one pass over a document of any language that finds the
 * strings and values that may be model names, with their context (the key
 * they are assigned to, the object, call or mapping they sit in, its
 * sibling keys). No parse of the whole file; no regular expression per
 * character. One family per kind of language: code, YAML, key=value files,
 * Markdown and prose.
 */
import { languageSpec } from '../languages';
import { scanCode } from './code';
import { scanKeyValue } from './keyValue';
import { scanMarkdown } from './markdown';
import { scanProse } from './prose';
import { isModelKey } from './shape';
import { rootContainer, type Container, type ScanResult } from './types';
import { scanYaml } from './yaml';

export type { Candidate, Container, ScanResult, Value } from './types';
export { candidateAt, fileFlavor, isAboutNames, slotOf } from './context';

/** Scan a document: its candidates in document order, and its comments. */
export function scan(text: string, languageId: string): ScanResult {
  const spec = languageSpec(languageId);
  const out: ScanResult = { candidates: [], comments: [] };
  const root = rootContainer(0);
  switch (spec.mode) {
    case 'code':
      scanCode(text, 0, text.length, spec, root, out);
      break;
    case 'yaml':
      scanYaml(text, 0, text.length, root, out);
      break;
    case 'keyvalue':
      scanKeyValue(text, 0, text.length, spec, root, out);
      break;
    case 'markdown':
      scanMarkdown(text, root, out);
      break;
    case 'prose':
      scanProse(text, 0, text.length, root, out, 'prose');
      break;
  }
  out.candidates.sort((a, b) => a.value.start - b.value.start);
  markTablesAndRecords(out, languageId);
  return out;
}

/** At least this many bare names in one list make it a table of models (`("gpt-4.1", "gpt-4.1-mini", …)`), not a use. */
const TABLE_SIZE = 5;
/** Keys of a record of results (a leaderboard row, a benchmark run): the model in it is history, not a use. */
const RECORD_KEY = /^(?:pass_?rate|percent_|test_?cases|dirname|commit_?hash|seconds_?per_?case|total_?cost|elo|accuracy|score|benchmark|num_?malformed|exhausted_?context)/i;

/**
 * Mark what is about names rather than a use of them, once the whole document is scanned: long lists of bare
 * names (tables of models, as opposed to a list under a model key, which offers them), records of results,
 * and JSON Lines (logs and datasets).
 */
function markTablesAndRecords(out: ScanResult, languageId: string): void {
  const bare = new Map<Container, number>();
  for (const c of out.candidates) {
    // A list under a model key (`ai_models = [...]`, `models:`) offers its models: a use.
    if (c.where === 'value' && c.key === null && c.reason === 'shape' && !(c.container.key !== null && isModelKey(c.container.key))) bare.set(c.container, (bare.get(c.container) ?? 0) + 1);
  }
  for (const c of out.candidates) {
    if (c.where !== 'value' || c.about) continue;
    if (languageId === 'jsonl' || (bare.get(c.container) ?? 0) >= TABLE_SIZE || [...c.container.pairs.keys()].some((k) => RECORD_KEY.test(k))) c.about = true;
  }
}
