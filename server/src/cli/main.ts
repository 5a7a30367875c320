/**
 * `model-lens`: the registry and its checks on the command line.
 *
 *   model-lens list [--format text|json]
 *   model-lens cards <files or folders…> [--format text|json]
 *   model-lens check [paths…] [--format text|json|sarif|github]
 */
import * as path from 'node:path';
import { LoadContext } from '../cards/context';
import { ConfigFileError } from '../cards/projectFile';
import { collectCardFiles, parseCardFiles } from '../cards/files';
import type { DataSource } from '../cards/service';
import { buildRegistry, type ModelEntry } from '../registry';
import { keepAllocationsYoung } from '../util/memory';
import { VERSION } from '../version';
import { parseArgs, USAGE, UsageError, type Options } from './args';
import { check } from './check';
import { loadProject, printNotices } from './project';
import { toJsonDiagnostic, toJsonModel } from './json';
import { MODEL_HEADER, formatDiagnosticLine, makeStyle, modelRows, table, useColor, type Style } from './text';
import { localeOrder } from '../util/order';

function printModels(all: readonly ModelEntry[], style: Style): void {
  for (const ns of ['box', 'vendor'] as const) {
    const models = all.filter((m) => m.namespace === ns);
    if (!models.length) continue;
    console.log(style.bold(ns === 'box' ? `Box AI API names (${models.length})` : `Vendor model ids (${models.length})`));
    console.log(table(MODEL_HEADER, modelRows(models), style));
    console.log('');
  }
}

async function cards(opts: Options, style: Style): Promise<number> {
  if (!opts.args.length) throw new UsageError('cards needs at least one file or folder');
  const shown = (f: string) => path.relative(process.cwd(), f) || f;
  const context = new LoadContext({ shown });
  let files: string[];
  try {
    files = await collectCardFiles(opts.args, context);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const docs = await parseCardFiles(files, shown, context);
  printNotices(context.notices.list());
  const registry = buildRegistry([docs]);
  const diagnostics = registry.diagnostics.map(toJsonDiagnostic).sort((a, b) => localeOrder(a.file, b.file) || a.line - b.line || a.column - b.column);
  if (opts.format === 'json') {
    console.log(JSON.stringify({ models: registry.models.map(toJsonModel), diagnostics }, null, 2));
  } else {
    printModels(registry.models, style);
    for (const d of diagnostics) console.log(formatDiagnosticLine(d, style));
    const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
    console.log(`\n${files.length} file(s), ${registry.models.length} model(s); ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`);
  }
  return registry.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** `list`: the registry the project's checks use, its sources and their dates; `--provider` keeps one provider's models. */
async function list(opts: Options, style: Style): Promise<number> {
  if (opts.args.length) throw new UsageError('list takes no arguments');
  const { service } = await loadProject(process.cwd(), opts.config);
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = opts.provider === null ? null : fold(opts.provider);
  const models = service.registry.models.filter((m) => wanted === null || fold(m.provider ?? '') === wanted);
  const { sources } = service.status();
  if (opts.format === 'json') {
    console.log(JSON.stringify({ sources, models: models.map(toJsonModel) }, null, 2));
    return 0;
  }
  const when = (s: DataSource) => (s.date ? `, ${s.label.startsWith('Model Lens') ? 'checked' : 'data to'} ${s.date}` : '');
  console.log(style.dim(`Data: ${sources.map((s) => `${s.label} (${s.models} models${when(s)})`).join(' · ')}`));
  console.log('');
  if (!models.length) {
    const providers = [...new Set(service.registry.models.map((m) => m.provider).filter((p): p is string => p !== null))].sort();
    console.log(`No models of provider "${opts.provider}". Providers: ${providers.join(', ')}`);
    return 0;
  }
  printModels(models, style);
  return 0;
}

async function run(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (opts === 'version') {
    console.log(VERSION);
    return 0;
  }
  const style = makeStyle(useColor(opts.color, process.env, Boolean(process.stdout.isTTY)));
  switch (opts.command) {
    case 'list':
      return list(opts, style);
    case 'cards':
      return cards(opts, style);
    case 'check':
      return check(opts, style);
    default:
      throw new UsageError(`unknown command "${opts.command}"`);
  }
}

keepAllocationsYoung();
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof UsageError ? `model-lens: ${e.message}\n\n${USAGE}` : e instanceof ConfigFileError ? `model-lens: ${e.message}` : e);
    process.exitCode = 2;
  },
);
