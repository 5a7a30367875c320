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
import { rootContainer, type ScanResult } from './types';
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
      scanProse(text, 0, text.length, root, out, false);
      break;
  }
  out.candidates.sort((a, b) => a.value.start - b.value.start);
  return out;
}
