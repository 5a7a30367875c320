/** Whose model ids a call or a file uses: a vendor SDK's calls and imports name the vendor (for completion's order). */

const CALLEES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|\.)messages\.(?:create|stream|count_?tokens|parse)$|^(?:ChatAnthropic|AnthropicLLM|createAnthropic|anthropic)$/i, 'Anthropic'],
  [
    /(?:^|\.)(?:chat\.completions|responses|completions|embeddings|images|audio\.[a-z]+)\.(?:create|stream|parse)$|ChatCompletion\.create$|^(?:ChatOpenAI|AzureChatOpenAI|OpenAIEmbeddings|createOpenAI|openai|azure)$/,
    'OpenAI',
  ],
  [/generate_?content(?:_stream|Stream)?$|(?:^|\.)GenerativeModel$|embed_?content$|^(?:ChatGoogleGenerativeAI|ChatVertexAI|createGoogleGenerativeAI|google|vertex)$/i, 'Google'],
  [/(?:^|\.)chat\.(?:complete|stream)(?:_async)?$|^(?:ChatMistralAI|mistral)$/, 'Mistral AI'],
  [/^(?:xai|ChatXAI)$/, 'xAI'],
  [/^(?:deepseek|ChatDeepSeek)$/, 'DeepSeek'],
  [/^(?:cohere|ChatCohere)$/, 'Cohere'],
];

/** The vendor whose ids a call takes: `client.messages.create` → Anthropic, `client.chat.completions.create` → OpenAI. */
export function vendorOfCallee(callee: string): string | null {
  for (const [re, vendor] of CALLEES) if (re.test(callee)) return vendor;
  return null;
}

const IMPORTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bimport anthropic\b|\bfrom anthropic\b|@anthropic-ai\/sdk|@ai-sdk\/anthropic|\blangchain_anthropic\b|@langchain\/anthropic/, 'Anthropic'],
  [/\bimport openai\b|\bfrom openai\b|from ['"]openai['"]|require\(['"]openai['"]\)|@ai-sdk\/openai|\blangchain_openai\b|@langchain\/openai|\bOpenAI\.Chat\b/, 'OpenAI'],
  [/\bgoogle\.genai\b|\bgoogle\.generativeai\b|\bfrom google import genai\b|@google\/genai|@google\/generative-ai|@ai-sdk\/google|\blangchain_google_genai\b/, 'Google'],
  [/\bfrom mistralai\b|\bimport mistralai\b|@mistralai\/mistralai|@ai-sdk\/mistral/, 'Mistral AI'],
];

/** The one vendor SDK a file imports, or null when it imports none or several. */
export function sdkProvider(text: string): string | null {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const found = IMPORTS.filter(([re]) => re.test(head)).map(([, v]) => v);
  return found.length === 1 ? found[0] : null;
}
