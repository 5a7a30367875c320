/** Go to definition: open the model's card at the row that states its name. */
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import { preferredSource, type Locale } from './modelCard';
import { nameAt } from './wordAt';

export function definition(doc: TextDocument, offset: number, registry: Registry, locale: Locale): Location | null {
  const found = nameAt(doc, registry, offset);
  if (!found) return null;
  const { match } = found;
  const target = preferredSource(match.entry, locale);
  if (!target) return null;
  const src = match.entry.sources.find((s) => s.file === target.file && s.line === target.line)!;
  return {
    uri: pathToFileURL(src.file).toString(),
    range: { start: { line: src.line, character: src.column }, end: { line: src.endLine, character: src.endColumn } },
  };
}
