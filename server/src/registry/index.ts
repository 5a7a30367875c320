/** The registry's public surface. */
export * from './types';
export { parseDocument, MAX_CARD_BYTES } from './parse';
export { buildRegistry, STATUS_RANK, type ModelEntry, type Registry, type FactRecord, type Conflict } from './registry';
export { nameDistance, type Match, type Suggestion } from './lookup';
export { boxNameProblems, canonicalBoxSpelling, hasBoxProviderPrefix, normalizeKey, BOX_PROVIDERS } from './names';
export { shortTokens, parseTokenCount, parseDate } from './normalize';
export { FACT_LABELS } from './boxCard';
