/** The registry's public surface. */
export * from './types';
export { parseDocument, MAX_CARD_BYTES } from './parse';
export { buildRegistry, STATUS_RANK } from './registry';
export { nameDistance } from './lookup';
export { boxNameProblems, canonicalBoxSpelling, hasBoxProviderPrefix, normalizeKey } from './boxNames';
export { shortTokens, tokenUpperBound } from './normalize';
export { isModelId, idReadings } from './modelIds';
