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
import { containerKeyFacts, pairKeyFacts, RECORD_KEY, RESPONSE_KEY, RESPONSES_KEY } from './context';
import { rootContainer, type Candidate, type Container, type ScanResult } from './types';
import { scanYaml } from './yaml';
import { rememberByText } from '../util/remember';
import { drain, type Steps } from '../util/steps';

export type { Candidate, Container, ScanResult, Value } from './types';
export { candidateAt, fileFlavor, inEmbeddingsSlot, isAboutNames, slotOf } from './context';

/** Scan a document: its candidates in document order, and its comments. */
export function scan(text: string, languageId: string): ScanResult {
  return drain(scanSteps(text, languageId));
}

/** The same scan, in steps (see `util/steps`). */
export function* scanSteps(text: string, languageId: string): Steps<ScanResult> {
  const spec = languageSpec(languageId);
  const out: ScanResult = { candidates: [], comments: [] };
  const root = rootContainer(0);
  switch (spec.mode) {
    case 'code':
    case 'json': {
      const marks: Marks = { checkpoints: [] };
      yield* (spec.mode === 'json' ? scanJson : scanCode)(text, 0, text.length, spec, root, out, marks);
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
  yield* markTablesAndRecords(out, languageId);
  return out;
}

/** At least this many bare names in one list make it a table of models (`("gpt-4.1", "gpt-4.1-mini", …)`), not a use. */
const TABLE_SIZE = 5;
/** Constructors of response objects (`ChatCompletion(…)`, `ModelResponse(…)` in a mock): their model is what a response said. */
const RESPONSE_TYPE = /(?:^|\.)(?:ChatCompletion|ChatCompletionChunk|\w*Response)$/;

/** A list under a key that says models (`ai_models`, `model_options`) offers them: a use, not a table. */
const offersModels = (c: Container) => c.key !== null && namesModels(c.key);
const namesModels = rememberByText((key: string): boolean => /model|engine|llm/i.test(key));

/**
 * Mark what is about names rather than a use of them, once the whole document is scanned: tables of models
 * (long lists of bare names; mappings whose values extend their keys, `"gpt-4": "gpt-4-0613"`), records of
 * results and responses, constants named after the model they hold (`GPT_4 = "gpt-4"`), and JSON Lines. Then put the
 * candidates in the order of their starts, if the scan did not find them so.
 */
export function* markTablesAndRecords(out: ScanResult, languageId: string): Steps {
  // Each structure's verdict is kept on it: after an edit only the structures scanned again (and those open where the
  // scan resumed, whose verdicts the caller forgets) are judged again.
  const bare = new Map<Container, number>();
  let n = 0;
  const { candidates } = out;
  let inOrder = true;
  // Indexed loops: an iterator of ten thousand candidates in a generator costs an allocation a step.
  for (let i = 0; i < candidates.length; i++) {
    if ((++n & 4095) === 0) yield;
    const c = candidates[i];
    if (i > 0 && c.value.start < candidates[i - 1].value.start) inOrder = false;
    if (c.container.table === undefined && c.where === 'value' && c.key === null && c.reason === 'shape' && !offersModels(c.container)) bare.set(c.container, (bare.get(c.container) ?? 0) + 1);
  }
  const aboutContainer = (k: Container): boolean => (k.table ??= (bare.size > 0 && (bare.get(k) ?? 0) >= TABLE_SIZE) || isRecord(k) || isPointerTable(k));
  for (let i = 0; i < candidates.length; i++) {
    if ((++n & 2047) === 0) yield;
    const c = candidates[i];
    // Done again after an edit, from what the scan of each structure said (a list that stops being a table gives its names
    // back). A constant named after its model (`GPT_4 = "gpt-4"`) depends on nothing else, so it is part of that.
    c.aboutHere ??= c.about || (c.where === 'value' && c.key !== null && sameFolded(c.key, c.value.text));
    c.about = c.aboutHere;
    if (c.where !== 'value' || c.about) continue;
    if (languageId === 'jsonl' || aboutContainer(c.container)) c.about = true;
  }
  // Most scans find their candidates in order; the others are sorted here (a pass over them all is not free).
  if (!inOrder) {
    yield;
    candidates.sort(byStart);
  }
}

const byStart = (a: Candidate, b: Candidate): number => a.value.start - b.value.start;

const foldName = (s: string) => s.toLowerCase().replace(/^[a-z_]+\//, '').replace(/[^a-z0-9]/g, '');

/** Where a name's letters begin once a provider prefix (`openai/`) is left out. */
function afterProvider(s: string): number {
  const slash = s.indexOf('/');
  return slash > 0 && /^[a-z_]+$/i.test(s.slice(0, slash)) ? slash + 1 : 0;
}

/** `foldName(a) === foldName(b)`, without making either string: letters and digits compared in turn, case aside. */
function sameFolded(a: string, b: string): boolean {
  let i = afterProvider(a);
  let j = afterProvider(b);
  for (;;) {
    while (i < a.length && !isAlnum(a.charCodeAt(i))) i++;
    while (j < b.length && !isAlnum(b.charCodeAt(j))) j++;
    if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length;
    if ((a.charCodeAt(i) | 32) !== (b.charCodeAt(j) | 32)) return false;
    i++;
    j++;
  }
}

/** An ASCII letter or digit (what `foldName` keeps). */
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/** A record of results or an API response: its model is what happened, not a request. */
function isRecord(k: Container): boolean {
  // `response = client.messages.create(model=…)` is the request that makes the response.
  if (k.kind !== 'call' && (containerKeyFacts(k) & RESPONSES_KEY) !== 0) return true;
  if (k.kind === 'call' && k.callee !== null && RESPONSE_TYPE.test(k.callee)) return true;
  let responseKeys = 0;
  for (let p = k.pairs.first; p; p = p.next) {
    const facts = pairKeyFacts(p);
    if ((facts & RECORD_KEY) !== 0 || ((facts & RESPONSE_KEY) !== 0 && ++responseKeys >= 2)) return true;
  }
  return false;
}

/**
 * A mapping of at least five names to the names they point to (`"o4-mini": "o4-mini-2025-04-16"`): a lookup table.
 * Its keys are names themselves (with `-`, `.` or `/`); constants named after their model (`Claude3Opus = "claude-3-opus-…"`) are uses.
 */
function isPointerTable(k: Container): boolean {
  if (k.pairs.size < TABLE_SIZE) return false;
  let pointers = 0;
  for (const [key, v] of k.pairs) if (v.kind !== 'number' && /[-./]/.test(key) && foldName(v.text).startsWith(foldName(key)) && foldName(key).length > 1) pointers++;
  return pointers >= 0.8 * k.pairs.size;
}
