/** What a value's context says: is it a candidate at all, which slot it fills, whose names the file uses, which candidate is at an offset. */
import { idReadings } from '../registry/modelIds';
import { rememberByText } from '../util/remember';
import { isModelShaped, isNameLike } from './shape';
import { foldKey, isEmbeddingsName, isModelKey as modelKey } from './shape';
import { makeCandidate, makeValue, type Candidate, type Container, type ScanResult, type Value, type Where } from './types';

/** What a text is like as a value, in bits: see `textFacts`. */
const TYPED = 1;
const SHAPED = 2;
const NON_ASCII = 4;

/**
 * What a value's text is like, as bits: what a model key's value may hold while a name is written or typed
 * (`gpt-4o`, `4o mini`, nothing yet); shaped like a model name, as written or inside a wrapper (`anthropic/…`,
 * `…@version`); outside ASCII (perhaps pictographs around a name). A scan asks it once per distinct text.
 */
export function textFacts(text: string): number {
  if (text.length > 256) return 0;
  let facts = 0;
  if (text === '' || isNameLike(text) || /^[\w.\- ]{1,60}$/.test(text)) facts |= TYPED;
  if (isModelShaped(text) || (text.length <= 128 && /[/:@]/.test(text) && idReadings(text).some((r) => isModelShaped(r.id)))) facts |= SHAPED;
  if (/[^\x00-\x7f]/.test(text)) facts |= NON_ASCII;
  return facts;
}

/** The same facts, remembered by text (for scanners that do not keep their own). */
const rememberedFacts = rememberByText(textFacts);

/** What a key says of its value, in bits: see `keyFacts`. */
const MODEL_KEY = 1;
const LABEL_KEY = 2;
const TABLE_KEY = 4;
const DEPLOYMENT_KEY = 8;
const EMBEDDINGS_KEY = 16;
/** A key of a record of results (a leaderboard row, a benchmark run): the model in it is history, not a use. */
export const RECORD_KEY = 32;
/** A key of an API response (a mock or a recorded one): two of them make the object a response, not a request. */
export const RESPONSE_KEY = 64;
/** A structure that holds what a response said (`provider_data`), not what a request asks for. */
export const RESPONSES_KEY = 128;
/** A key of a chat slot (`basic_text`, `messages`), and a setting only a chat model takes, beside the model. */
const CHAT_KEY = 256;
const CHAT_SETTING = 512;
/** A completion-token limit (`max_tokens`, `num_tokens_for_completion`), which the token-limit rule compares with the model's maximum. */
export const TOKEN_LIMIT_KEY = 1024;
/** A method that looks something up about a name (`encoding_for_model`), given as the key of its argument in a builder chain. */
const ABOUT_NAMES_KEY = 2048;

const RECORD_KEYS = /^(?:pass_?rate|percent_|test_?cases|dirname|commit_?hash|seconds_?per_?case|total_?cost|elo|accuracy|score|benchmark|num_?malformed|exhausted_?context|llm_?provider)/i;
const RESPONSE_KEYS = /^(?:created|object|choices|usage|system_?fingerprint|response_?id|stop_?reason|finish_?reason|datetime_?utc|duration_?ms|conversation_?id)$/i;
const RESPONSES_KEYS = /^(?:provider_?data|\w*_responses?|\w*Responses?|responses?)$/i;

/** Keys whose values are text for people (a title, a label, a description): names in them are prose. */
const LABEL_KEYS = new Set(['title', 'subtitle', 'label', 'displayname', 'description', 'desc', 'summary', 'excerpt', 'caption', 'alt', 'tooltip', 'placeholder', 'header', 'heading', 'text', 'help', 'helptext', 'message', 'note', 'notes', 'comment', 'content', 'prompt']);
/** Keys that name an entry of a table (`- name: gpt-4` in a list of model settings): about the name, not a use. */
const TABLE_KEYS = new Set(['name', 'id', 'key', 'slug', 'alias', 'aliases', 'family', 'shortname', 'tag', 'tags']);

/**
 * What a key says of its value or its structure, as bits: a model key, a label for people, a table's entry name, an
 * Azure deployment, embeddings, a record's or a response's key, responses. Asked once per distinct key of a document.
 */
export function keyFacts(key: string): number {
  const k = foldKey(key);
  return (
    (modelKey(key) ? MODEL_KEY : 0) |
    (LABEL_KEYS.has(k) ? LABEL_KEY : 0) |
    (TABLE_KEYS.has(k) ? TABLE_KEY : 0) |
    (k.includes('deployment') ? DEPLOYMENT_KEY : 0) |
    (isEmbeddingsName(key) ? EMBEDDINGS_KEY : 0) |
    (RECORD_KEYS.test(key) ? RECORD_KEY : RESPONSE_KEYS.test(key) ? RESPONSE_KEY : 0) |
    (RESPONSES_KEYS.test(key) ? RESPONSES_KEY : 0) |
    (chatContext(key) ? CHAT_KEY : 0) |
    (TOKEN_LIMIT_KEYS.test(key) ? TOKEN_LIMIT_KEY | CHAT_SETTING : CHAT_SETTINGS.test(key) ? CHAT_SETTING : 0) |
    (aboutNamesCall(key) ? ABOUT_NAMES_KEY : 0)
  );
}

const rememberedKeyFacts = rememberByText(keyFacts);

/**
 * `keyFacts` of the key of a structure, a candidate or a pair, worked out once for each (kept on it; the scanners give
 * them where they know them, the JSON scanner always).
 */
export function keyFactsOf(x: { readonly key: string | null; keyFacts: number }): number {
  if (x.keyFacts < 0) x.keyFacts = x.key === null ? 0 : rememberedKeyFacts(x.key);
  return x.keyFacts;
}

/** Does a key with these facts take what a user types as a name (`4o mini`), not only model-shaped text? */
export const takesTypedNames = (keyBits: number): boolean => (keyBits & MODEL_KEY) !== 0;

/** Why a value is a candidate: its key is a model key, or its text is shaped like a name; null when it is neither. */
function isCandidate(keyBits: number, facts: number): 'key' | 'shape' | null {
  // Under a model key, also what a user may be typing to find a name (`4o mini`); the rules skip what is not name-like.
  if ((keyBits & MODEL_KEY) !== 0 && (facts & TYPED) !== 0) return 'key';
  return (facts & SHAPED) !== 0 ? 'shape' : null;
}

/** Could a value with these facts of its key and text be a candidate? A scan can ask it of every string and make a value only where it may. */
export function mayBeCandidate(keyBits: number, facts: number): boolean {
  return (facts & NON_ASCII) !== 0 || isCandidate(keyBits, facts) !== null;
}

const BOX_HINT = /\bai_agent|\bbox[_-]?sdk|box_sdk_gen|box-typescript-sdk|Box\.Sdk|com\.box\.sdk|\bBoxClient\b|\bboxsdk\b|num_tokens_for_completion|numTokensForCompletion|NumTokensForCompletion|BOX_AI_|\b(?:azure|aws|google|ibm|xai)__/;
const VENDOR_HINT = /\bfrom openai\b|\bimport openai\b|require\(['"]openai['"]\)|from ['"]openai['"]|\bAzureOpenAI\b|\bOpenAIClient\b|\bchat\.completions\b|\banthropic\b|@anthropic-ai|google\.generativeai|@google\/genai|langchain/;

/** A hint of whose names a file uses: Box API names or a vendor SDK's ids (or no telling). */
export function fileFlavor(text: string): 'box' | 'vendor' | null {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const box = BOX_HINT.test(head);
  const vendor = VENDOR_HINT.test(head);
  return box && !vendor ? 'box' : vendor && !box ? 'vendor' : null;
}

/** A key or callee of a chat slot (`basic_text`, `chat.completions.create`, `ask`). */
const chatContext = rememberByText((name: string): boolean => /chat|complet|generat|basic_?text|long_?text|basic_?gen|text_?gen|\bask\b|extract|responses|messages/i.test(name));
/** A completion-token limit, a setting only a chat model takes beside the model; and the other such settings. */
const TOKEN_LIMIT_KEYS = /^(?:num_?tokens_?for_?completion|max_?(?:output_?|completion_?)?tokens)$/i;
const CHAT_SETTINGS = /^(?:prompt_?template|system_?message|messages|temperature|llm_?endpoint_?params)$/i;

/** Does a candidate fill an embeddings slot? (All a chat model's check needs to know of its slot.) */
export function inEmbeddingsSlot(c: Candidate): boolean {
  if ((keyFactsOf(c) & EMBEDDINGS_KEY) !== 0) return true;
  // The structure itself and up to two around it (`create({ model })`, `Embeddings = new X { Model = … }`).
  let depth = 0;
  for (let k: Container | null = c.container; k && k.kind !== 'root' && depth < 3; k = k.parent, depth++) {
    if ((keyFactsOf(k) & EMBEDDINGS_KEY) !== 0 || isEmbeddingsName(k.callee)) return true;
  }
  return false;
}

/** The slot a candidate fills: an embeddings model, a chat model, or unknown. */
export function slotOf(c: Candidate): 'embeddings' | 'chat' | null {
  if (inEmbeddingsSlot(c)) return 'embeddings';
  let depth = 0;
  for (let k: Container | null = c.container; k && k.kind !== 'root' && depth < 3; k = k.parent, depth++) {
    if ((keyFactsOf(k) & CHAT_KEY) !== 0 || (k.callee !== null && chatContext(k.callee))) return 'chat';
  }
  for (let p = c.container.pairs.first; p; p = p.next) if ((keyFactsOf(p) & CHAT_SETTING) !== 0) return 'chat';
  return null;
}

/** The candidate whose value contains the offset (ends inclusive, so a cursor right after the last character counts). */
export function candidateAt(result: ScanResult, offset: number): Candidate | undefined {
  let lo = 0;
  let hi = result.candidates.length - 1;
  const list = result.candidates;
  // Candidates are mostly in order; fall back to a linear pass when they are not.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid].value;
    if (offset < v.start) hi = mid - 1;
    else if (offset > v.end) lo = mid + 1;
    else return list[mid];
  }
  return list.find((c) => offset >= c.value.start && offset <= c.value.end);
}

/** Calls that take a model name to look something up about it (a tokenizer, an encoding), not to call the model. */
const aboutNamesCall = rememberByText((name: string): boolean => /(?:^|\.)(?:encoding_?for_?model|get_?encoding|get_?tokenizer|tokenizer_?for)$/i.test(name));

/** Is this value code about a name rather than a model in use (a tokenizer lookup)? Such values are never reported. */
export function isAboutNames(c: Candidate): boolean {
  if (c.about) return true;
  // A builder-style call (`tiktoken.encoding_for_model("…")`) gives its method name as the key.
  if ((keyFactsOf(c) & ABOUT_NAMES_KEY) !== 0) return true;
  return c.container.kind === 'call' && c.container.callee !== null && aboutNamesCall(c.container.callee);
}

/** A candidate for a value, or null when the value is not one; its key and structure say where it is and whether it is about names. */
export function valueCandidate(
  written: Value,
  key: string | null,
  container: Container,
  where: Where,
  about = false,
  facts = rememberedFacts(written.text),
  keyBits = key === null ? 0 : rememberedKeyFacts(key),
): Candidate | null {
  const value = (facts & NON_ASCII) !== 0 ? withoutPictographs(written) : written;
  const reason = isCandidate(keyBits, value === written ? facts : rememberedFacts(value.text));
  if (!reason) return null;
  return makeCandidate(
    value,
    key,
    reason,
    container,
    (keyBits & LABEL_KEY) !== 0 ? 'prose' : where,
    // An Azure deployment's name is the user's choice, and Azure sets its own lifecycle: never reported.
    about || ((keyBits & TABLE_KEY) !== 0 && !isProviderList(container)) || (keyBits & DEPLOYMENT_KEY) !== 0 || withinAbout(container),
    keyBits,
  );
}

/** An entry of a list of providers to call (promptfoo's `providers: - id: anthropic:messages:…`): its `id` is the model in use. */
const isProviderList = (container: Container) => container.key !== null && /^(?:providers|targets)$/i.test(container.key);

/** Emoji and other pictographs around a value (`"😀gpt-4o-mini"`): the name is what is between them. */
const PICTOGRAPHS_BEFORE = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\s)+/u;
const PICTOGRAPHS_AFTER = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\s)+$/u;

function withoutPictographs(value: Value): Value {
  const t = value.text;
  if (t.length > 256) return value;
  const lead = PICTOGRAPHS_BEFORE.exec(t)?.[0].length ?? 0;
  const trail = PICTOGRAPHS_AFTER.exec(t.slice(lead))?.[0].length ?? 0;
  // Only a value that is pictographs and one word in the id alphabet changes; the rest is kept as written.
  const inner = t.slice(lead, t.length - trail);
  if ((lead === 0 && trail === 0) || !/^[\w.\-:@/]+$/.test(inner)) return value;
  return makeValue(inner, value.start + lead, value.start + lead + inner.length, value.kind, value.open);
}

/** Is the structure, or one around it, about names (a test's arguments, captured output)? */
function withinAbout(container: Container): boolean {
  for (let k: Container | null = container, depth = 0; k && depth < 64; k = k.parent, depth++) {
    if (k.about) return true;
    // The elements of a tuple or list given as a table key's value (`aliases=("4", "gpt4")`).
    if (depth === 0 && k.kind !== 'root' && (keyFactsOf(k) & TABLE_KEY) !== 0) return true;
  }
  return false;
}
