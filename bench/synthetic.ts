/** Registries and card folders of a chosen size, for measuring how cost grows with the number of models. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildRegistry, parseDocument, type ParsedDocument, type Registry } from '../server/src/registry';

const PROVIDERS = ['Example Labs', 'Northwind AI', 'Contoso Models', 'Fabrikam', 'Tailspin'];

/** The name of the i-th synthetic model: Box-style, spread over providers and families like real names. */
export function syntheticName(i: number): string {
  return `aws__bench_${['alpha', 'beta', 'gamma', 'delta'][i % 4]}_${Math.floor(i / 4)}_${['mini', 'large', 'pro'][i % 3]}`;
}

/** A card of the shape Box publishes (a details table with a name, a provider, limits and a date). */
export function syntheticCard(i: number): string {
  const name = syntheticName(i);
  return [
    `# ${name}`,
    '',
    '| Item | Value |',
    '|---|---|',
    `| Model name | Bench ${i} |`,
    `| API model name | \`${name}\` |`,
    `| Model provider | ${PROVIDERS[i % PROVIDERS.length]} |`,
    `| Input context window | ${(i % 8) + 1}28k tokens |`,
    `| Maximum output tokens | ${(i % 4) + 1}6k tokens |`,
    `| Release date | 2025-0${(i % 9) + 1}-1${i % 10} |`,
    '',
  ].join('\n');
}

/** The shipped registry's documents grown by synthetic cards to `total` models (never fewer than shipped). */
export function registryOf(shipped: ReadonlyArray<readonly ParsedDocument[]>, shippedModels: number, total: number): Registry {
  const extra: ParsedDocument[] = [];
  for (let i = 0; i < total - shippedModels; i++) extra.push(parseDocument(`bench/${i}.md`, syntheticCard(i)));
  return buildRegistry(extra.length ? [...shipped, extra] : shipped);
}

/** Write `n` synthetic cards into `folder` (one file each). */
export function writeCards(folder: string, n: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(folder, `card-${i}.md`), syntheticCard(i));
}
