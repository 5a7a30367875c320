/** Server-side costs, in process, at several registry sizes: completion, hover and full diagnostics, against the floor and the JSON language service. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../server/src/diagnostics/engine';
import { completionItems, completionSite, resolveCompletion } from '../server/src/features/completion';
import { hover } from '../server/src/features/hover';
import type { Registry } from '../server/src/registry';
import { ScanCache } from '../server/src/session/scanCache';
import { readSettings } from '../server/src/settings';
import { jsonLanguageService, regexFloor } from './floor';
import { jsonConfig, pythonModule } from './fixtures';

export interface Timing {
  median: number;
  p99: number;
}

export function measure(runs: number, fn: (i: number) => void): Timing {
  for (let i = 0; i < Math.min(20, runs); i++) fn(i); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export async function measureAsync(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(3, runs); i++) await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/**
 * Tasks timed side by side: after `warmups` rounds, each of `rounds` rounds runs every task once, starting with
 * another each round, so that a slow spell of a shared machine weighs on all of them alike (their ratios are what
 * the bench reports). Medians and p99 per task, in the order given.
 */
export async function sideBySide(rounds: number, warmups: number, tasks: ReadonlyArray<() => unknown>): Promise<Timing[]> {
  const times = tasks.map((): number[] => []);
  for (let r = 0; r < warmups + rounds; r++) {
    for (let k = 0; k < tasks.length; k++) {
      const i = (r + k) % tasks.length;
      const t0 = performance.now();
      await tasks[i]();
      const elapsed = performance.now() - t0;
      if (r >= warmups) times[i].push(elapsed);
    }
  }
  return times.map(summarize);
}

export function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] };
}

export interface SizeResult {
  models: number;
  completion: Timing;
  completionBytes: number;
  completionItems: number;
  /** Completion in an empty model slot (`model="|"`): every model matches, the list is cut to the best 100. */
  emptySlot: Timing;
  hover: Timing;
  /** Diagnostics of the 1 MB JSON, and the regex floor over it, side by side. */
  diagnosticsJson: Timing;
  floorJson: Timing;
  diagnosticsTypos: Timing;
  typoFindings: number;
}

const settings = readSettings({});

/** Where completion is asked in the bench: a half-typed Box name in an agent override. */
export function completionPoint(text: string): number {
  return text.indexOf('AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini"') + 'AiAgentBasicTextTool(model="azure__op'.length;
}

export const TYPICAL = pythonModule(400);
export const JSON_1MB = jsonConfig(1024 * 1024);
const TYPOS = pythonModule(14000).replace(/azure__openai__gpt_4o_mini/g, 'azure__openai__gpt_4o_minii');

export async function atSize(registry: Registry): Promise<SizeResult> {
  const offset = completionPoint(TYPICAL);
  const scans = new ScanCache();
  let bytes = 0;
  let count = 0;
  const completion = measure(300, (i) => {
    const doc = TextDocument.create('file:///bench.py', 'python', i + 1, TYPICAL);
    const list = completionItems(completionSite(doc, offset, scans.scan(doc))!, doc, registry, { editRangeDefault: true });
    resolveCompletion(list.items[0], registry, 'en');
    bytes = JSON.stringify(list).length;
    count = list.items.length;
  });
  const emptyText = TYPICAL.replace('AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini"', 'AiAgentBasicTextTool(model=""');
  const emptyAt = emptyText.indexOf('AiAgentBasicTextTool(model=""') + 'AiAgentBasicTextTool(model="'.length;
  const emptySlot = measure(200, (i) => {
    const d = TextDocument.create('file:///empty.py', 'python', i + 1, emptyText);
    completionItems(completionSite(d, emptyAt, scans.scan(d))!, d, registry, { editRangeDefault: true });
  });
  const doc = TextDocument.create('file:///bench.py', 'python', 1, TYPICAL);
  const at = TYPICAL.indexOf('aws__claude_3_haiku') + 3;
  const hov = measure(1000, () => hover(doc, at, registry, 'en'));
  const names = new Set(registry.models.map((m) => m.name));
  const [diagnosticsJson, floorJson] = await sideBySide(15, 10, [() => checkText({ text: JSON_1MB, languageId: 'json', registry, settings }), () => regexFloor(JSON_1MB, names)]);
  let typoFindings = 0;
  const diagnosticsTypos = measure(5, () => {
    typoFindings = checkText({ text: TYPOS, languageId: 'python', registry, settings }).findings.length;
  });
  return { models: registry.models.length, completion, completionBytes: bytes, completionItems: count, emptySlot, hover: hov, diagnosticsJson, floorJson, diagnosticsTypos, typoFindings };
}

export interface Baselines {
  floorJson: Timing;
  ours: Timing;
  jsonService: Timing;
}

/** How many rounds the three JSON checks are timed side by side (after 5 to warm up). */
export const BASELINE_ROUNDS = 41;

/** The regex floor, Model Lens and the JSON language service on the 1 MB JSON, side by side, with the shipped registry's names. */
export async function baselines(registry: Registry): Promise<Baselines> {
  const names = registry.models.map((m) => m.name);
  const set = new Set(names);
  const service = jsonLanguageService(names);
  const [floorJson, ours, jsonService] = await sideBySide(BASELINE_ROUNDS, 5, [
    () => regexFloor(JSON_1MB, set),
    () => checkText({ text: JSON_1MB, languageId: 'json', registry, settings }),
    () => service.validate(JSON_1MB),
  ]);
  return { floorJson, ours, jsonService };
}
