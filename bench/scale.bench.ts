/**
 * How cost grows with the registry, side by side in one run: in process at the shipped registry, 1,000 and
 * 10,000 models, against the regex floor and vscode-json-languageservice; then over stdio with the shipped
 * registry and with a folder of 10,000 cards. Prints a Markdown table (the README's Speed section shows it).
 *
 *   npm run bench
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { anchorDocuments } from '../server/src/cards/service';
import { buildRegistry, type ParsedDocument } from '../server/src/registry';
import { collectGarbage, keepAllocationsYoung } from '../server/src/util/memory';
import { atSize, BASELINE_ROUNDS, baselines, type SizeResult, type Timing } from './inProcess';
import { LOADS, STARTS, stdio } from './stdio';
import { registryOf } from './synthetic';

const ROOT = path.resolve(__dirname, '..');
const CARDS = 10_000;

const ms = (t: Timing) => `${t.median.toFixed(2)} ms (p99 ${t.p99.toFixed(2)})`;
/** A median of a few runs, with the slowest (the p99 of five is the slowest). */
const ms0 = (t: Timing) => `${t.median.toFixed(0)} ms (median of ${LOADS} spawns, slowest ${t.p99.toFixed(0)})`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<void> {
  // The heap run as the server and the CLI run it.
  keepAllocationsYoung();
  const index = JSON.parse(readFileSync(path.join(ROOT, 'out', 'registry-index.json'), 'utf8')) as { documents: ParsedDocument[] };
  const shippedDocs = [anchorDocuments(index.documents, ROOT)];
  const shipped = buildRegistry(shippedDocs);
  const sizes: SizeResult[] = [];
  for (const total of [shipped.models.length, 1_000, 10_000]) sizes.push(await atSize(registryOf(shippedDocs, shipped.models.length, total)));
  const base = await baselines(shipped);

  const rows: string[][] = [
    ['models', ...sizes.map((s) => s.models.toLocaleString('en-US'))],
    ['completion of `azure__op`, server side', ...sizes.map((s) => ms(s.completion))],
    ['completion, items and size', ...sizes.map((s) => `${s.completionItems} items, ${kb(s.completionBytes)}`)],
    ['completion in an empty model slot', ...sizes.map((s) => ms(s.emptySlot))],
    ['hover, server side', ...sizes.map((s) => ms(s.hover))],
    ['diagnostics of 1 MB JSON', ...sizes.map((s) => `${ms(s.diagnosticsJson)}, ${x(s.diagnosticsJson.median, s.floorJson.median)} the floor`)],
    ['diagnostics of 1.2 MB Python, typo on most lines', ...sizes.map((s) => `${ms(s.diagnosticsTypos)}, ${s.typoFindings} findings`)],
  ];
  console.log(`In process (the minified bundle the .vsix ships), ${new Date().toISOString().slice(0, 10)}:\n`);
  console.log(table(['', ...sizes.map((s) => `${s.models.toLocaleString('en-US')} models`)], rows));
  console.log(
    `\n1 MB JSON, the three side by side (${BASELINE_ROUNDS} rounds, each running all three in turn), shipped registry: regex floor (string literals, set lookup) ${ms(base.floorJson)}; Model Lens ${ms(base.ours)} = ${x(base.ours.median, base.floorJson.median)} the floor; vscode-json-languageservice (parse and validate, enum schema) ${ms(base.jsonService)} = ${x(base.jsonService.median, base.ours.median)} Model Lens.\n`,
  );

  // This process's own garbage from the runs above, collected now rather than while it times the server.
  collectGarbage(2);
  const workspace = mkdtempSync(path.join(tmpdir(), 'model-lens-bench-'));
  try {
    const r = await stdio(workspace, CARDS, new Set(shipped.models.map((m) => m.name)));
    const cols = [r.shipped, r.large];
    console.log(`Over stdio (node dist/server.js --stdio), shipped registry and a folder of ${CARDS.toLocaleString('en-US')} cards:\n`);
    console.log(
      table(
        ['', ...cols.map((c) => `${c.models.toLocaleString('en-US')} models`)],
        [
          ['completion round trip', ...cols.map((c) => ms(c.completion))],
          ['completion response', ...cols.map((c) => kb(c.completionBytes))],
          ['RSS after load', ...cols.map((c) => `${c.rssAfterLoadMB.toFixed(0)} MB`)],
          ['RSS at rest, 12 s after the load', ...cols.map((c) => `${c.rssAtRestMB.toFixed(0)} MB`)],
          ['RSS after 200 completions and 20 pulls', ...cols.map((c) => `${c.rssAfterWorkMB.toFixed(0)} MB`)],
          ['loading the card folder, from spawn', '—', `${ms0(r.load)} = ${x(r.load.median, r.plainReadMs)} a plain read (${r.plainReadMs.toFixed(0)} ms)`],
        ],
      ),
    );
    console.log(`\nRound trip at ${r.large.models.toLocaleString('en-US')} models = ${x(r.large.completion.median, r.shipped.completion.median)} the shipped registry's.`);
    console.log(
      `1 MB JSON over stdio: open and pull ${ms(r.openJson)} = ${x(r.openJson.median, r.floorJson.median)} the floor timed in the same rounds (${ms(r.floorJson)}), ${x(r.openJson.median, base.floorJson.median)} the side-by-side floor above; one-character edit and pull ${ms(r.editJson)} = ${x(r.editJson.median, r.openJson.median)} a full open.`,
    );
    console.log(`From spawning the server to the first diagnostics of a small Python file: median ${r.startup.median.toFixed(0)} ms of ${STARTS} starts (Node alone, started and exiting: ${r.nodeStartup.median.toFixed(0)} ms).`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
