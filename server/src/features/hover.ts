/** Hover: the model card of the name under the cursor, in code, comments and prose alike. */
import type { Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import { renderCard, type Locale } from './modelCard';
import { nameAt } from './wordAt';

export function hover(doc: TextDocument, offset: number, registry: Registry, locale: Locale): Hover | null {
  const found = nameAt(doc, registry, offset);
  if (!found) return null;
  const { word, match } = found;
  return {
    contents: { kind: 'markdown', value: renderCard(match.entry, registry, locale, word.text) },
    range: { start: doc.positionAt(word.start), end: doc.positionAt(word.end) },
  };
}
