/**
 * Server-side timings of the hot paths with the shipped registry:
 * completion and hover on a typical file (each run after an edit, so the
 * scan is not cached), and a full scan of a 1 MB document.
 *
 *   npm run bench
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ScanCache } from '../server/src/session/scanCache';
import { completionItems, completionSite, resolveCompletion } from '../server/src/features/completion';
import { hover } from '../server/src/features/hover';
import { buildRegistry, type ParsedDocument } from '../server/src/registry';
import { anchorDocuments } from '../server/src/cards/service';
import { scan } from '../server/src/scanner';
import { checkText } from '../server/src/diagnostics/engine';
import { readSettings } from '../server/src/settings';
import { keepAllocationsYoung } from '../server/src/util/memory';
import { jsonConfig, pythonModule } from './fixtures';
import { registryOf } from './synthetic';
import { rescanSteps } from '../server/src/scanner/incremental';
import { drain } from '../server/src/util/steps';

const ROOT = path.resolve(__dirname, '..');

export function loadShippedRegistry() {
  const index = JSON.parse(readFileSync(path.join(ROOT, 'out', 'registry-index.json'), 'utf8')) as { documents: ParsedDocument[] };
  return buildRegistry([anchorDocuments(index.documents, ROOT)]);
}

export function measure(runs: number, fn: (i: number) => void): { median: number; p95: number } {
  for (let i = 0; i < Math.min(50, runs); i++) fn(i); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)] };
}

export function benchmarks() {
  const registry = loadShippedRegistry();
  const text = pythonModule(400);
  const marker = 'AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini"';
  const offset = text.indexOf(marker) + 'AiAgentBasicTextTool(model="azure__op'.length;
  const analyzer = new ScanCache();
  const completion = measure(500, (i) => {
    const doc = TextDocument.create('file:///bench.py', 'python', i + 1, text);
    const site = completionSite(doc, offset, analyzer.scan(doc));
    const { items } = completionItems(site!, doc, registry);
    resolveCompletion(items[0], registry, 'en');
  });
  const doc = TextDocument.create('file:///bench.py', 'python', 1, text);
  const hoverAt = text.indexOf('aws__claude_3_haiku') + 3;
  const hov = measure(2000, () => hover(doc, hoverAt, registry, 'en'));
  const big = jsonConfig(1024 * 1024);
  const scan1mb = measure(20, () => scan(big, 'json'));
  const bigPy = pythonModule(14000);
  const scanPy = measure(20, () => scan(bigPy, 'python'));
  // Full-document diagnostics (scan and every rule) of 1 MB with a typo on every line, and of the clean 1 MB JSON.
  const settings = readSettings({});
  const typos = bigPy.replace(/azure__openai__gpt_4o_mini/g, 'azure__openai__gpt_4o_minii');
  let findings = 0;
  const diagTypos = measure(10, () => {
    findings = checkText({ text: typos, languageId: 'python', registry, settings }).findings.length;
  });
  const diagJson = measure(10, () => checkText({ text: big, languageId: 'json', registry, settings }));
  return {
    registryModels: registry.models.length,
    typicalFileBytes: text.length,
    completion,
    hover: hov,
    scanJson1MB: { bytes: big.length, ...scan1mb },
    scanPython: { bytes: bigPy.length, ...scanPy },
    diagnosticsJson1MB: { bytes: big.length, ...diagJson },
    diagnosticsPythonWithTypos: { bytes: typos.length, findings, ...diagTypos },
  };
}

/** Completion and an edit of a large file, for the regression guards: at 10,000 models, and after a one-character edit. */
export function scaleGuards() {
  const shipped = loadShippedRegistry();
  const index = JSON.parse(readFileSync(path.join(ROOT, 'out', 'registry-index.json'), 'utf8')) as { documents: ParsedDocument[] };
  const large = registryOf([anchorDocuments(index.documents, ROOT)], shipped.models.length, 10_000);
  const text = pythonModule(400).replace('AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini"', 'AiAgentBasicTextTool(model=""');
  const offset = text.indexOf('AiAgentBasicTextTool(model=""') + 'AiAgentBasicTextTool(model="'.length;
  const analyzer = new ScanCache();
  const emptySlot = measure(100, (i) => {
    const doc = TextDocument.create('file:///guard.py', 'python', i + 1, text);
    completionItems(completionSite(doc, offset, analyzer.scan(doc))!, doc, large, { editRangeDefault: true });
  });
  // A one-character edit of 1 MB of JSON, scanned from the scan before it, against a fresh scan.
  const big = jsonConfig(1024 * 1024);
  const at = big.indexOf('"num_tokens_for_completion":', big.length >> 1) + 28;
  const edited = `${big.slice(0, at)}${(Number(big[at]) + 1) % 10}${big.slice(at + 1)}`;
  const fresh = measure(5, () => scan(edited, 'json'));
  // The edit keeps the length, so the scan before it is not moved and serves every run.
  const before = scan(big, 'json');
  const edit = measure(10, () => drain(rescanSteps(big, before, edited, 'json')));
  return { models: large.models.length, emptySlot, fresh, edit };
}

if (require.main === module) {
  // The heap run as the server and the CLI run it.
  keepAllocationsYoung();
  const r = benchmarks();
  const f = (m: { median: number; p95: number }) => `median ${m.median.toFixed(3)} ms, p95 ${m.p95.toFixed(3)} ms`;
  console.log(`registry: ${r.registryModels} models; typical file ${r.typicalFileBytes} bytes`);
  console.log(`completion (scan after an edit + items + resolve): ${f(r.completion)}`);
  console.log(`hover:                                              ${f(r.hover)}`);
  console.log(`scan of ${r.scanJson1MB.bytes} bytes of JSON:             ${f(r.scanJson1MB)}`);
  console.log(`scan of ${r.scanPython.bytes} bytes of Python:          ${f(r.scanPython)}`);
  console.log(`diagnostics of ${r.diagnosticsJson1MB.bytes} bytes of JSON:      ${f(r.diagnosticsJson1MB)}`);
  console.log(`diagnostics of ${r.diagnosticsPythonWithTypos.bytes} bytes of Python, ${r.diagnosticsPythonWithTypos.findings} findings: ${f(r.diagnosticsPythonWithTypos)}`);
}
