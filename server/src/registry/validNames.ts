/**
 * The gate every name passes before it enters the registry, whatever the document it comes from: a card's
 * API name, aliases, links and successor, an index tile's title, a catalogue page's id. A name outside the
 * id alphabet (`isModelId`) would end up inserted into users' code by completion or a fix, so it is dropped
 * here, with a `card-bad-value` problem at its place.
 */
import { isModelId } from './modelIds';
import type { CardDiagnostic, ParsedDocument, Span } from './types';
import { cardProblem, said } from './intern';

/** The document with only valid names left, and a problem for each name taken out. */
export function withValidNames(doc: ParsedDocument): ParsedDocument {
  const problems: CardDiagnostic[] = [];
  const bad = (name: string, at: Span, what: string) => {
    problems.push(cardProblem(doc.file, at, 'error', 'card-bad-value', said('bad-name', JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name), what), []));
  };
  const keep = (names: readonly string[] | undefined, at: Span, what: string): string[] | undefined =>
    names?.filter((n) => {
      if (isModelId(n)) return true;
      bad(n, at, what);
      return false;
    });
  let out: ParsedDocument = doc;
  if (doc.kind === 'card') {
    const { meta } = doc;
    const name = doc.facts.name?.value;
    // Most cards are fine as they are: copies are made only of a card that loses a name.
    const badName = name != null && !isModelId(name);
    const badSuccessor = meta.successor !== undefined && !isModelId(meta.successor);
    if (badName || badSuccessor || meta.aliases?.some((a) => !isModelId(a)) || meta.links?.some((l) => !isModelId(l))) {
      const at: Span = doc.facts.name?.at ?? { line: 0, column: 0, endLine: 0, endColumn: 0 };
      const facts = { ...doc.facts };
      if (badName) {
        bad(name, facts.name!.at, 'API name');
        delete facts.name;
      }
      const kept = { ...meta, aliases: keep(meta.aliases, at, 'alias'), links: keep(meta.links, at, 'link') };
      if (badSuccessor) {
        bad(meta.successor!, at, 'successor');
        delete kept.successor;
      }
      out = { ...doc, facts, meta: kept };
    }
  } else if (doc.kind === 'index') {
    const tiles = doc.tiles.filter((t) => isModelId(t.title) || (bad(t.title, t.at, 'tile title'), false));
    if (problems.length) out = { ...doc, tiles };
  } else if (doc.kind === 'catalogue' && doc.id !== null && !isModelId(doc.id)) {
    bad(doc.id, doc.idAt, 'model id');
    out = { ...doc, id: null };
  }
  return problems.length ? ({ ...out, diagnostics: [...out.diagnostics, ...problems] } as ParsedDocument) : doc;
}
