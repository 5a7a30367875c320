/** Which company makes a model, from the catalogue's provider key or from the id's own provider prefix. */

/** Catalogue provider keys that are the maker of every model they list. */
const FIRST_PARTY: Record<string, string> = {
  openai: 'OpenAI',
  azure: 'OpenAI',
  anthropic: 'Anthropic',
  'google-vertex-anthropic': 'Anthropic',
  google: 'Google',
  gemini: 'Google',
  'google-vertex': 'Google',
  vertex_ai: 'Google',
  mistral: 'Mistral AI',
  xai: 'xAI',
  deepseek: 'DeepSeek',
  cohere: 'Cohere',
  cohere_chat: 'Cohere',
  llama: 'Meta',
  meta_llama: 'Meta',
};

/** Id prefixes (Bedrock's `vendor.`, gateways' `vendor/`) that name the maker. */
const PREFIXES: Array<[RegExp, string]> = [
  [/^(?:[a-z]{2,6}\.)?anthropic[./]/, 'Anthropic'],
  [/^(?:[a-z]{2,6}\.)?amazon\./, 'Amazon'],
  [/^(?:[a-z]{2,6}\.)?meta[./]|^meta-llama\//, 'Meta'],
  [/^(?:[a-z]{2,6}\.)?mistral(?:ai)?[./]/, 'Mistral AI'],
  [/^(?:[a-z]{2,6}\.)?cohere[./]/, 'Cohere'],
  [/^(?:[a-z]{2,6}\.)?deepseek(?:-ai)?[./]/, 'DeepSeek'],
  [/^openai[./]/, 'OpenAI'],
  [/^google[./]/, 'Google'],
  [/^x-?ai[./]/, 'xAI'],
];

/** The maker of a model in a catalogue, or null when the catalogue's provider only hosts it and the id does not say. */
export function makerOf(providerKey: string, id: string): string | null {
  if (Object.hasOwn(FIRST_PARTY, providerKey)) return FIRST_PARTY[providerKey];
  const lower = id.toLowerCase();
  // A gateway's own prefix first (`bedrock/us.anthropic.…`), then the id's.
  const inner = lower.replace(/^[a-z_]+\/(?=[a-z.]+[./])/, '');
  for (const [re, maker] of PREFIXES) if (re.test(lower) || re.test(inner)) return maker;
  return null;
}

/** Is this provider key the maker's own service (its figures win over hosts' for the same id)? */
export function isFirstParty(providerKey: string): boolean {
  return Object.hasOwn(FIRST_PARTY, providerKey);
}
