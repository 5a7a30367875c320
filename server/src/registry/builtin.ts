/** Our own cards from `data/`, compiled at build time (scripts/compile-data.ts) and bundled: start-up parses no Markdown. */
import index from 'model-lens:builtin-index';
import type { ParsedDocument } from './types';

export interface CompiledIndex {
  version: 1;
  documents: ParsedDocument[];
}

export const builtinDocuments: readonly ParsedDocument[] = (index as CompiledIndex).documents;
