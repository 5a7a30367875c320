/**
 * Structures about names rather than uses of them: tables of models (long lists of bare names; mappings whose values
 * extend their keys, `"gpt-4": "gpt-4-0613"`), records of results and API responses. Judged once per structure, by
 * `markTablesAndRecords` once a document is scanned, or by the JSON scanner as it closes one.
 */
import { rememberByText } from '../util/remember';
import { keyFactsOf, RECORD_KEY, RESPONSE_KEY, RESPONSES_KEY } from './context';
import { foldName } from './shape';
import type { Container } from './types';

/** At least this many bare names in one list make it a table of models (`("gpt-4.1", "gpt-4.1-mini", …)`), not a use. */
const TABLE_SIZE = 5;
/** Constructors of response objects (`ChatCompletion(…)`, `ModelResponse(…)` in a mock): their model is what a response said. */
const RESPONSE_TYPE = /(?:^|\.)(?:ChatCompletion|ChatCompletionChunk|\w*Response)$/;

/** A list under a key that says models (`ai_models`, `model_options`) offers them: a use, not a table. */
const offersModels = (c: Container) => c.key !== null && namesModels(c.key);
const namesModels = rememberByText((key: string): boolean => /model|engine|llm/i.test(key));

/** Is a structure about names: a table of models (given how many bare names are directly in it), a record or a response? */
export function isTable(k: Container, bareNames: number): boolean {
  return (bareNames >= TABLE_SIZE && !offersModels(k)) || isRecord(k) || isPointerTable(k);
}

/** A record of results or an API response: its model is what happened, not a request. */
function isRecord(k: Container): boolean {
  // `response = client.messages.create(model=…)` is the request that makes the response.
  if (k.kind !== 'call' && (keyFactsOf(k) & RESPONSES_KEY) !== 0) return true;
  if (k.kind === 'call' && k.callee !== null && RESPONSE_TYPE.test(k.callee)) return true;
  let responseKeys = 0;
  for (let p = k.pairs.first; p; p = p.next) {
    const facts = keyFactsOf(p);
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
