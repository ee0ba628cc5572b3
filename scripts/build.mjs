// Bundles (brief contract 4): esbuild, CommonJS, node20.
//   dist/cli.js     the `aisec` bin (with a node shebang)
//   dist/server.js  the language server, when server/src/server.ts exists
//   dist/client.js  the VS Code extension, when client/src/extension.ts exists (`vscode` external)
// and copies what the bundles load at run time: web-tree-sitter's tree-sitter.wasm, the Terraform grammar
// (tree-sitter-terraform.wasm from @tree-sitter-grammars/tree-sitter-hcl) and the rule docs (dist/docs/).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const require = createRequire(path.join(root, 'package.json'));
const watch = process.argv.includes('--watch');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its modules dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

const entries = [
  { in: 'server/src/cli/index.ts', out: 'cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/server.ts', out: 'server.js', banner: '#!/usr/bin/env node' },
  // The worker thread of batch scans (`aisec scan`); cli.js and server.js start it from their own directory.
  { in: 'server/src/engine/batch/worker.ts', out: 'scan-worker.js' },
  { in: 'client/src/extension.ts', out: 'client.js', external: ['vscode'] },
  // The report webview's local script (no imports; runs in the webview, loaded with the CSP nonce).
  { in: 'client/src/webview/report.ts', out: 'report.js' },
]
  .filter((entry) => fs.existsSync(path.join(root, entry.in)))
  // `node scripts/build.mjs cli server` builds only those bundles (the CLI tests build just the CLI).
  .filter(
    (entry) =>
      only.length === 0 ||
      only.includes(entry.out.replace(/\.js$/, '')) ||
      // The CLI starts the scan worker: building the CLI builds it too.
      (entry.out === 'scan-worker.js' && only.includes('cli')),
  );

fs.mkdirSync(dist, { recursive: true });

function copyAssets() {
  const assets = [
    [require.resolve('web-tree-sitter/tree-sitter.wasm'), 'tree-sitter.wasm'],
    [
      path.join(
        path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')),
        'tree-sitter-terraform.wasm',
      ),
      'tree-sitter-terraform.wasm',
    ],
  ];
  for (const [from, to] of assets) fs.copyFileSync(from, path.join(dist, to));
  const docs = path.join(root, 'rules/docs');
  const docsOut = path.join(dist, 'docs');
  fs.rmSync(docsOut, { recursive: true, force: true });
  fs.mkdirSync(docsOut, { recursive: true });
  for (const name of fs.readdirSync(docs)) {
    if (name.endsWith('.md')) fs.copyFileSync(path.join(docs, name), path.join(docsOut, name));
  }
}

const options = entries.map((entry) => ({
  ...common,
  entryPoints: [path.join(root, entry.in)],
  outfile: path.join(dist, entry.out),
  external: entry.external ?? [],
  ...(entry.banner ? { banner: { js: entry.banner } } : {}),
}));

if (watch) {
  for (const option of options) await (await esbuild.context(option)).watch();
  copyAssets();
  console.log(`watching ${entries.map((e) => e.in).join(', ')}`);
} else {
  await Promise.all(options.map((option) => esbuild.build(option)));
  copyAssets();
  for (const entry of entries) {
    if (entry.banner) fs.chmodSync(path.join(dist, entry.out), 0o755);
  }
  console.log(`built ${entries.map((e) => `dist/${e.out}`).join(', ')} + wasm + docs`);
}
