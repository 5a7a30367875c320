/**
 * Model ids as code writes them. One alphabet for every name that enters
 * the registry, and the wrappers vendor ids come in: gateway prefixes
 * (LiteLLM's `anthropic/…`, `openrouter/openai/…`), Bedrock ids
 * (`us.anthropic.claude-…-v2:0`), Vertex versions (`claude-…@20241022`,
 * `publishers/google/models/…`) and the Gemini API's `models/…`.
 */

/** Letters, digits and `_ . - : @ /`, starting and ending with a letter or digit, at most 128 characters. */
const MODEL_ID = /^[A-Za-z0-9](?:[A-Za-z0-9_.:@/-]{0,126}[A-Za-z0-9])?$/;

/** Is this text in the id alphabet? Only such text enters the registry, and only registry names are ever inserted into code. */
export function isModelId(text: string): boolean {
  return text.length <= 128 && MODEL_ID.test(text);
}

/**
 * One reading of a written id: the id it names and the platform that serves it. A platform other than
 * the maker's own (Bedrock, Vertex, Azure, a gateway) sets its own lifecycle, so only the model's facts
 * (its card, its limits) carry over. `prefix` + id + `suffix` is the written text when the id is a part of
 * it, so a fix can replace the id and keep the wrapper.
 */
export interface IdReading {
  id: string;
  platform: string | null;
  prefix: string;
  suffix: string;
}

/** Gateway prefixes whose provider is the maker's own API: the model's lifecycle applies as it is. */
const SAME_PLATFORM = new Set(['openai', 'anthropic', 'gemini', 'google', 'mistral', 'xai', 'deepseek', 'cohere', 'cohere_chat', 'text-completion-openai']);
/** Gateway prefixes of other platforms (hosts, clouds, routers). */
const OTHER_PLATFORM = new Set([
  'azure', 'azure_ai', 'bedrock', 'vertex_ai', 'vertex_ai_beta', 'openrouter', 'groq', 'together_ai', 'fireworks_ai', 'perplexity',
  'ollama', 'ollama_chat', 'huggingface', 'replicate', 'cerebras', 'nvidia_nim', 'watsonx', 'sagemaker', 'databricks', 'deepinfra',
  'github', 'vercel', 'gateway', 'litellm_proxy', 'hosted_vllm', 'lm_studio', 'snowflake',
]);

const BEDROCK = /^((?:us|eu|apac|ap|global|us-gov|ca|jp|au)\.)?((?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|writer|qwen|openai)\.)(.+?)(-v\d+(?::\d+)?)?$/;
const VERTEX_PATH = /^(?:projects\/[^/]{1,100}\/locations\/[^/]{1,60}\/)?publishers\/[a-z-]{1,40}\/models\//;

/** The readings of a written id beyond itself, most specific first (empty when it has no wrapper). */
export function idReadings(text: string): IdReading[] {
  const out: IdReading[] = [];
  const slash = text.indexOf('/');
  if (slash > 0) {
    const gateway = text.slice(0, slash).toLowerCase();
    let rest = text.slice(slash + 1);
    let prefix = text.slice(0, slash + 1);
    if (gateway === 'bedrock' && rest.startsWith('converse/')) {
      prefix += 'converse/';
      rest = rest.slice('converse/'.length);
    }
    if (SAME_PLATFORM.has(gateway)) out.push({ id: rest, platform: null, prefix, suffix: '' });
    else if (OTHER_PLATFORM.has(gateway)) {
      out.push({ id: rest, platform: gateway, prefix, suffix: '' });
      // `openrouter/openai/gpt-4o`: the router's own id, then the maker's.
      const inner = rest.indexOf('/');
      if (inner > 0) out.push({ id: rest.slice(inner + 1), platform: gateway, prefix: prefix + rest.slice(0, inner + 1), suffix: '' });
    } else if (/^(?:openai|anthropic|google|mistral|mistralai|xai|x-ai|deepseek|cohere|meta|meta-llama|amazon)$/.test(gateway)) {
      // A gateway's `vendor/model` (Vercel's AI Gateway, OpenRouter ids): the same model, served by someone else.
      out.push({ id: rest, platform: 'gateway', prefix, suffix: '' });
    } else if (gateway === 'models' && !rest.includes('/')) out.push({ id: rest, platform: null, prefix, suffix: '' });
    const vertex = VERTEX_PATH.exec(text);
    if (vertex) out.push({ id: text.slice(vertex[0].length), platform: 'vertex', prefix: vertex[0], suffix: '' });
  }
  for (const r of [...out, { id: text, platform: null, prefix: '', suffix: '' }]) {
    const b = BEDROCK.exec(r.id);
    if (b) out.push({ id: b[3], platform: 'bedrock', prefix: r.prefix + (b[1] ?? '') + b[2], suffix: (b[4] ?? '') + r.suffix });
  }
  // promptfoo's `provider:api:model` (`anthropic:messages:claude-3-haiku-20240307`, `openai:chat:gpt-4o`).
  const colon = /^(openai|anthropic|google|vertex|bedrock|azure|mistral|xai|deepseek|cohere)(:[a-z_]+)?:/.exec(text);
  if (colon && !text.slice(colon[0].length).includes(':')) {
    const same = /^(?:openai|anthropic|google|mistral|xai|deepseek|cohere)$/.test(colon[1]);
    out.push({ id: text.slice(colon[0].length), platform: same ? null : colon[1], prefix: colon[0], suffix: '' });
  }
  const at = text.lastIndexOf('@');
  if (at > 0) {
    const base = text.slice(0, at);
    const version = text.slice(at + 1);
    // Vertex's Anthropic ids: `claude-3-5-sonnet-v2@20241022` is Anthropic's `claude-3-5-sonnet-20241022`.
    if (/^\d{8}$/.test(version)) out.push({ id: `${base.replace(/-v\d+$/, '')}-${version}`, platform: 'vertex', prefix: '', suffix: '' });
    else if (/^(?:latest|default|\d{3})$/.test(version)) out.push({ id: base, platform: 'vertex', prefix: '', suffix: `@${version}` });
  }
  return out.filter((r) => r.id !== text && isModelId(r.id));
}
