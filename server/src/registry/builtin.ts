/** Our own cards from `data/` and the embedded catalogue, compiled at build time (scripts/compile-data.ts) and bundled: start-up parses nothing. */
import index from 'model-lens:builtin-index';
import { reviveSpans, type CompiledIndex } from './compiledIndex';
import type { ParsedDocument } from './types';

const compiled = index as CompiledIndex;
reviveSpans(compiled.documents);
export const builtinDocuments: readonly ParsedDocument[] = compiled.documents;
/** The built-in cards' label and date, and how many models the built-in data makes. */
export const builtinCards: CompiledIndex['cards'] & { models?: number } = { ...compiled.cards, models: compiled.models };
