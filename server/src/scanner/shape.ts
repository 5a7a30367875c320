import { isModelId } from '../registry/modelIds';
import { rememberByText } from '../util/remember';

/**
 * What makes a key a model key and a string model-shaped. Kept strict on
 * purpose: `aws_access_key_id` or `ai_agent_ask` are not model names, and a
 * linter that cries wolf is switched off.
 */

const MODEL_KEYS = new Set(['model', 'models', 'modelname', 'modelid', 'deployment', 'deploymentname', 'deploymentid', 'engine', 'llm', 'llmmodel']);

/** Fold a key: `model_name`, `modelName`, `ModelName`, `MODEL-NAME` → `modelname`. */
export const foldKey = rememberByText((key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, ''));

/** `model`, `model_name`, `modelName`, `deployment`, `engine`, `*_model`, `*Model`, `BOX_AI_MODEL`, `models`. */
export const isModelKey = rememberByText((key: string): boolean => {
  const k = foldKey(key);
  if (MODEL_KEYS.has(k)) return true;
  if (/(?:model|models)$/.test(k) && k.length <= 40) return true;
  return /(?:modelname|modelid|deploymentname)$/.test(k);
});

/** A key or callee that marks an embeddings slot: `embeddings`, `embedding_model`, `AiAgentLongTextToolEmbeddings`. */
export function isEmbeddingsName(name: string | null): boolean {
  return name !== null && embedsIn(name);
}
const embedsIn = rememberByText((name: string): boolean => /embed/i.test(name));

/** Model families that a Box name's model part, or a vendor id, starts with. */
const FAMILY = '(?:gpt|o[1-9]|claude|gemini|gemma|llama|mistral|mixtral|grok|titan|text[_\\-.]?embedding|textembedding|text[_\\-.]?bison|text[_\\-.]?unicorn|palm|command|jamba|phi|qwen|deepseek|granite)';
const PROVIDER = '(?:azure|aws|google|ibm|openai|xai)';

/**
 * Box-like: a provider, two underscores, anything; or a near miss — a provider, separators with at least
 * one underscore, (openai,) then a model family. Hyphen-only forms (`azure-openai-gpt4`) are deployment
 * or vendor names, not Box names.
 */
const BOX_SHAPE = new RegExp(`^${PROVIDER}(?:__[a-z0-9]|(?=[a-z0-9.\\-]*_)[_\\-.]{1,3}(?:openai[_\\-.]{1,3})?${FAMILY})[a-z0-9_.\\-]*$`, 'i');
/** A model family right after the provider (and `openai`): `azure__openai__gpt_…`, `AWS__CLAUDE_…`. */
const BOX_FAMILY = new RegExp(`^${PROVIDER}[_\\-.]{1,3}(?:openai[_\\-.]{1,3})?${FAMILY}`, 'i');

/** Vendor ids: `gpt-4o-mini`, `gpt-4.1`, `o4-mini`, `o3`, `claude-3-5-sonnet-20240620`, `gemini-1.5-pro`, `text-embedding-ada-002`. */
const VENDOR_SHAPE =
  /^(?:gpt-?\d[a-z0-9.\-]*|gpt-(?:o\d|image|realtime|audio)[a-z0-9.\-]*|o[1-9](?:-(?:mini|pro|preview|deep-research)(?:-[a-z0-9\-]+)?)?|claude-(?:\d|instant|opus|sonnet|haiku)[a-z0-9.\-]*|gemini-\d[a-z0-9.\-]*|text-embedding-(?:ada|\d)[a-z0-9\-]*|(?:meta-)?llama-?\d[a-z0-9.\-]*|mistral-(?:small|medium|large|tiny)[a-z0-9.\-]*|grok-\d[a-z0-9.\-]*)$/i;

/** Looks like a Box API name, correct or not (`azure__openai__gpt_4o_mini`, `azure_openai_gpt_4o_mini`). */
export function isBoxShaped(value: string): boolean {
  return value.length <= 80 && BOX_SHAPE.test(value);
}

/** A Box-shaped name whose model part starts with a known family, or Azure's unmistakable `azure__openai__` (not `AZURE__OPENAI__API_KEY`). */
export function hasBoxFamily(value: string): boolean {
  return BOX_FAMILY.test(value) || /^azure__openai__[a-z0-9]/.test(value);
}

/** Looks like a vendor model id. Bare `o3` counts only in model context, so it is not matched here. */
export function isVendorShaped(value: string): boolean {
  return value.length <= 80 && VENDOR_SHAPE.test(value) && !/^o[1-9]$/i.test(value);
}

/** Letters (either case) that every Box and vendor shape above starts with: the providers' and the families' initials. */
const SHAPE_INITIALS = [...'acgilmotx'].reduce((mask, letter) => mask | (1 << (letter.charCodeAt(0) - 97)), 0);

/**
 * Could a text that starts with this code unit be a name by its shape: one of those initials, or a character that
 * pictographs or spaces around a name may start with (anything outside ASCII, white space)? False rules out the
 * shapes as written; a wrapped name (`anthropic/claude-…`, `bedrock:…`) still needs a `/`, `:` or `@`.
 */
export function mayStartName(c: number): boolean {
  if (c >= 128 || c === 32 || (c >= 9 && c <= 13)) return true;
  const letter = (c | 32) - 97;
  return letter >= 0 && letter < 26 && ((SHAPE_INITIALS >> letter) & 1) === 1;
}

export const isModelShaped = rememberByText((value: string): boolean => isBoxShaped(value) || isVendorShaped(value));

/** Could this text be a model name at all: the id alphabet (gateway `vendor/model` ids included), no spaces, no URL or path? */
export const isNameLike = rememberByText((value: string): boolean => isModelId(value) && !value.includes('//') && !/^(?:https?|file|s3|gs):/i.test(value));

/** A prefix of a name: what a user may have typed so far (possibly empty). */
export function isNamePrefix(value: string): boolean {
  return value === '' || (value.length <= 100 && /^[A-Za-z0-9][A-Za-z0-9_.\-]*$/.test(value));
}

/** Starts like a model name: enough of a provider or family to offer completions in any string. */
export function startsLikeModelName(value: string): boolean {
  return (
    /^(?:azure|aws|google|ibm|openai|xai)(?:[_\-.]|$)/i.test(value) ||
    /^(?:az|azu|azur)$/i.test(value) ||
    /^(?:gpt|claude|gemini|text-embed)/i.test(value)
  );
}

/** The names in prose and comments: tokens of name characters. */
export const NAME_TOKEN = /[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z0-9]/g;

/** A name folded for comparing spellings: lower case, letters and digits only, a provider prefix (`openai/`) left out. */
export const foldName = (s: string) => s.toLowerCase().replace(/^[a-z_]+\//, '').replace(/[^a-z0-9]/g, '');

/** Where a name's letters begin once a provider prefix (`openai/`) is left out. */
function afterProvider(s: string): number {
  const slash = s.indexOf('/');
  return slash > 0 && /^[a-z_]+$/i.test(s.slice(0, slash)) ? slash + 1 : 0;
}

/**
 * Is a key the name of the model it holds (`GPT_4 = "gpt-4"`, a constant named after its value)? That is
 * `foldName(key) === foldName(value)`, without making either string: letters and digits compared in turn, case aside.
 */
export function isNamedAfter(key: string, value: string): boolean {
  let i = afterProvider(key);
  let j = afterProvider(value);
  for (;;) {
    while (i < key.length && !isAlnum(key.charCodeAt(i))) i++;
    while (j < value.length && !isAlnum(value.charCodeAt(j))) j++;
    if (i >= key.length || j >= value.length) return i >= key.length && j >= value.length;
    if ((key.charCodeAt(i) | 32) !== (value.charCodeAt(j) | 32)) return false;
    i++;
    j++;
  }
}

/** An ASCII letter or digit (what `foldName` keeps). */
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
