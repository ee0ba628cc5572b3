// Loading web-tree-sitter and the Terraform grammar (WebAssembly) once per process. The bundles copy both
// `.wasm` files next to themselves (`dist/`), so we look there first and fall back to node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TreeSitter from 'web-tree-sitter';
import type { Language, Parser } from 'web-tree-sitter';

interface Loaded {
  readonly ParserClass: typeof Parser;
  readonly language: Language;
}

let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;
let parser: Parser | undefined;

/** The first existing file among the candidates, or undefined. */
function firstExisting(candidates: readonly (string | undefined)[]): string | undefined {
  return candidates.find((candidate): candidate is string => candidate !== undefined && fs.existsSync(candidate));
}

function resolveQuietly(request: string): string | undefined {
  try {
    return require.resolve(request);
  } catch {
    return undefined;
  }
}

/** Where the runtime's own `tree-sitter.wasm` lives: next to the bundle, else in the web-tree-sitter package. */
export function runtimeWasmPath(): string | undefined {
  const packageMain = resolveQuietly('web-tree-sitter');
  return firstExisting([
    path.join(__dirname, 'tree-sitter.wasm'),
    packageMain && path.join(path.dirname(packageMain), 'tree-sitter.wasm'),
  ]);
}

/** Where the Terraform grammar lives: next to the bundle, else in @tree-sitter-grammars/tree-sitter-hcl. */
export function grammarWasmPath(): string | undefined {
  const packageJson = resolveQuietly('@tree-sitter-grammars/tree-sitter-hcl/package.json');
  return firstExisting([
    path.join(__dirname, 'tree-sitter-terraform.wasm'),
    packageJson && path.join(path.dirname(packageJson), 'tree-sitter-terraform.wasm'),
  ]);
}

async function load(): Promise<Loaded> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const treeSitter = require('web-tree-sitter') as typeof TreeSitter;
  const runtime = runtimeWasmPath();
  const grammar = grammarWasmPath();
  if (!grammar) throw new Error('tree-sitter-terraform.wasm not found next to the bundle or in node_modules');
  // Emscripten asks where its .wasm is; point it at the file we found (the bundle has no package layout).
  await treeSitter.Parser.init(runtime ? { locateFile: () => runtime } : undefined);
  const language = await treeSitter.Language.load(fs.readFileSync(grammar));
  return { ParserClass: treeSitter.Parser, language };
}

/** Loads web-tree-sitter and the Terraform grammar; safe to call many times (one load per process). */
export async function initTerraform(): Promise<void> {
  if (loaded) return;
  loading ??= load();
  try {
    loaded = await loading;
  } catch (error) {
    loading = undefined; // allow a later retry (a file may appear after installation)
    throw error;
  }
}

export function isTerraformReady(): boolean {
  return loaded !== undefined;
}

/** The shared parser; throws a clear error when `initTerraform()` was not awaited first. */
export function terraformParser(): Parser {
  if (!loaded) throw new Error('The Terraform front end is not initialised: await initTerraform() first.');
  if (!parser) {
    parser = new loaded.ParserClass();
    parser.setLanguage(loaded.language);
  }
  return parser;
}
