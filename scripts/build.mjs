// Build: compile data/cards into the registry index, then bundle the server, the CLI and the extension with esbuild.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => path.join(root, p);
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // gray-matter's JavaScript engine contains an eval; Model Lens replaces every non-YAML engine, so it never runs.
  logOverride: { 'direct-eval': 'silent' },
};

// 1. data/cards -> out/registry-index.json
await build({ ...common, sourcemap: false, entryPoints: [out('scripts/compile-data.ts')], outfile: out('out/compile-data.js') });
// Progress goes to standard error: `npm pack` (which runs this as `prepare`) prints the tarball's name on standard output.
execFileSync(process.execPath, [out('out/compile-data.js'), out('out/registry-index.json')], { stdio: ['ignore', 'inherit', 'inherit'].map((s, i) => (i === 1 ? process.stderr : s)) });

// 2. bundles
// Embedded as a string given to JSON.parse rather than as an object literal: V8 reads the half megabyte several
// milliseconds sooner that way at every start of the server and the CLI.
const builtinIndex = {
  name: 'builtin-index',
  setup(b) {
    b.onResolve({ filter: /^model-lens:builtin-index$/ }, () => ({ path: out('out/registry-index.json'), namespace: 'builtin-index' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-index' }, async (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(await readFile(args.path, 'utf8'))});`,
      loader: 'js',
    }));
  },
};
const entries = [
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // The benchmarks run the same bundled code the server ships (not the TypeScript sources through a loader).
  { in: 'bench/features.bench.ts', out: 'out/bench.js' },
  { in: 'bench/scale.bench.ts', out: 'out/scale-bench.js' },
];
for (const e of entries) {
  await build({
    ...common,
    entryPoints: [out(e.in)],
    outfile: out(e.out),
    external: e.external ?? [],
    banner: e.banner ? { js: e.banner } : undefined,
    plugins: [builtinIndex],
  });
}
// 3. the browser build (vscode.dev, github.dev): a web worker server and its client, with no Node built-ins
// (esbuild fails on any node: import for the browser platform; node:url is our own shim on the web's URL).
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  alias: { 'node:url': out('server/src/browser/url.ts') },
  plugins: [builtinIndex],
};
await build({ ...browser, format: 'iife', entryPoints: [out('server/src/browser/server.ts')], outfile: out('dist/browser/server.js') });
await build({ ...browser, format: 'cjs', entryPoints: [out('client/src/browser.ts')], outfile: out('dist/browser/extension.js'), external: ['vscode'] });
console.error('build: done');
