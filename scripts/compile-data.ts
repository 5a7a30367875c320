/**
 * Compile our own cards (data/cards) into the index bundled with the server.
 * The build fails if any of our cards has a problem worse than "info".
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { collectCardFiles, parseCardFiles } from '../server/src/cards/files';
import { buildRegistry } from '../server/src/registry';
import type { CompiledIndex } from '../server/src/registry/builtin';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const [outFile] = process.argv.slice(2);
  const files = await collectCardFiles([path.join(root, 'data', 'cards')]);
  const documents = await parseCardFiles(files, (f) => path.relative(root, f).split(path.sep).join('/'));
  const registry = buildRegistry([documents]);
  const problems = registry.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  for (const d of problems) console.error(`${d.file}:${d.line + 1}:${d.column + 1} ${d.severity} ${d.code} ${d.message}`);
  const unknown = documents.filter((d) => d.kind === 'unknown').map((d) => d.file);
  for (const f of unknown) console.error(`${f}: not recognised as a card`);
  if (problems.length || unknown.length) {
    console.error(`data/cards: ${problems.length + unknown.length} problem(s); fix the cards.`);
    process.exit(1);
  }
  const index: CompiledIndex = { version: 1, documents };
  await fs.mkdir(path.dirname(outFile), { recursive: true });
  await fs.writeFile(outFile, JSON.stringify(index));
  console.log(`data/cards: ${documents.length} cards, ${registry.models.length} models -> ${path.relative(root, outFile)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
