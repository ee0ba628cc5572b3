// The Terraform front end: tree-sitter (web-tree-sitter + the Terraform grammar of
// @tree-sitter-grammars/tree-sitter-hcl) parses each file; the tree is converted to plain JS (syntax.ts) and
// freed; the module directory's files are then evaluated together into the shared model (toModel.ts),
// azurerm types through the mapping table in server/src/model/azurerm.
//
// Usage: `await initTerraform()` once, then `analyzeTerraform(files, suppliers)` (sync) for the .tf and
// .tfvars files of ONE module directory. Module blocks with a local `source` produce `links` to the module
// directory uri (no trailing slash); tfvars files of the directory are applied directly (no link).
//
// `Resource.syntax` (for `edit/` only) is a plain object, `TerraformResourceSyntax`:
//   {
//     kind: 'terraform',
//     uri,                      // file of the block
//     blockKind: 'resource' | 'data',
//     sourceType,               // 'azurerm_cognitive_account', 'azapi_resource', …
//     block: HclBlock,          // { type, typeSpan, labels[{value, span}], span, openBrace, closeBrace,
//                               //   body: { attributes: HclAttribute[], blocks: HclBlock[] } }
//                               // HclAttribute = { name, nameSpan, value: HclExpr, span }; every HclExpr
//                               // has `kind` and `span` (objects: items[{ key, keyName, value, span }]).
//     mapping?: ResourceMapping,   // the azurerm table entry (reverse lookups: model/azurerm reverseLookup)
//     azapiBody?: { attribute: HclAttribute, jsonencode: boolean },   // azapi `body = {…}` / jsonencode({…})
//     defaultedPaths: string[], // ARM paths filled from azurerm provider defaults (not written in the text)
//     patches: [{ uri, key, sourceType, block }],  // blocks merged into this resource (azapi_update_resource,
//                               //   azurerm_cognitive_account_customer_managed_key, *_network_rules …)
//     unmappedAttributes: string[],  // attributes/blocks the mapping does not read
//   }
// All spans are UTF-16 offsets into the file `uri`.
import type { FrontEndResult, ParameterSupplier, SourceFile } from '../../model/frontend';
import type { Tree } from 'web-tree-sitter';
import { convertTree, type HclFile } from './syntax';
import { buildModule, type ParsedTerraformFile } from './toModel';
import { terraformParser } from './wasm';
import { TerraformFileCache } from './incremental';
import { packTemplateLiterals } from './packed-text';

export { initTerraform, isTerraformReady, grammarWasmPath, runtimeWasmPath } from './wasm';
export type { TerraformResourceSyntax, PatchSyntax } from './toModel';
export { UNMAPPED_TYPE_PREFIX } from './toModel';
export type * from './syntax';
export { KEY_ATTRIBUTES } from './evaluate';
export { rawAttributes } from './raw';
export { TerraformFileCache, textChange, type TextChange } from './incremental';

/** Files above this size are not parsed (the engine normally skips them first). */
export const MAX_TERRAFORM_BYTES = 8 * 1024 * 1024;

/** Parses one file into the plain HCL tree; never throws. */
export function parseTerraformFile(text: string, previous?: Tree): HclFile {
  const guard = inputProblem(text);
  if (guard)
    return {
      body: { attributes: [], blocks: [] },
      comments: [],
      problems: [{ span: { start: 0, end: 0 }, message: guard }],
    };
  const parser = terraformParser();
  let tree: Tree | null = null;
  try {
    // A fresh parse reads the text with its template literals packed (packed-text.ts): the same tree, a
    // fraction of the tokens. Error recovery is left to the real text.
    let packed = previous || !packing ? undefined : packTemplateLiterals(text);
    if (packed) {
      tree = parser.parse(packed.text);
      if (!tree || tree.rootNode.hasError) {
        tree?.delete();
        tree = null;
        packed = undefined;
      }
    }
    tree ??= parser.parse(text, previous ?? null);
    if (!tree) {
      return {
        body: { attributes: [], blocks: [] },
        comments: [],
        problems: [{ span: { start: 0, end: 0 }, message: 'The file could not be parsed.' }],
      };
    }
    return convertTree(tree, text, packed?.original);
  } finally {
    tree?.delete();
  }
}

let packing = true;

/** Parses fresh files from their real text only (tests compare both ways). Returns the previous setting. */
export function packTerraformTemplates(enabled: boolean): boolean {
  const previous = packing;
  packing = enabled;
  return previous;
}

function inputProblem(text: string): string | undefined {
  if (text.length > MAX_TERRAFORM_BYTES)
    return `The file is larger than ${MAX_TERRAFORM_BYTES / 1024 / 1024} MB and was not analysed.`;
  if (text.includes('\u0000')) return 'The file looks binary and was not analysed.';
  return undefined;
}

/**
 * Analyses the .tf / .tfvars files of one module directory. `suppliers` feed the module's variables (module
 * calls from other directories). Requires `initTerraform()` to have completed.
 */
export function analyzeTerraform(
  files: readonly SourceFile[],
  suppliers: readonly ParameterSupplier[],
): FrontEndResult {
  const parse = treeCacheBypassed ? parseOnce : parseCached;
  const parsed: ParsedTerraformFile[] = files.map((file) => ({ file, hcl: parse(file) }));
  return buildModule(parsed, suppliers);
}

/**
 * Plain trees by uri for the whole process: a module re-analysed after one file changed re-parses only that
 * file, incrementally (see incremental.ts). The result equals `parseTerraformFile(file.text)`.
 */
const sharedFiles = new TerraformFileCache();
let treeCacheBypassed = false;

/**
 * Bypasses the per-file cache of `analyzeTerraform` (used by default: the language server re-analyses edited
 * modules) while `bypassed` is set (batch mode: a scan job analyses every file once). Bypassed, each file is
 * parsed once, converted, and its tree-sitter tree freed before `analyzeTerraform` returns: nothing is added
 * to the WebAssembly heap or to the cache, however many files are scanned, and what the cache holds for the
 * editor stays. Returns the previous setting.
 */
export function bypassTerraformTreeCache(bypassed: boolean): boolean {
  const previous = treeCacheBypassed;
  treeCacheBypassed = bypassed;
  return previous;
}

function parseCached(file: SourceFile): HclFile {
  return sharedFiles.parse(file.uri, file.text, (text) => (inputProblem(text) ? parseTerraformFile(text) : undefined));
}

function parseOnce(file: SourceFile): HclFile {
  return parseTerraformFile(file.text);
}

/** Frees the trees and plain trees `analyzeTerraform` keeps between calls (tests, long-lived tools). */
export function clearTerraformCache(): void {
  sharedFiles.clear();
}

/** How many tree-sitter trees `analyzeTerraform` keeps on the WebAssembly heap (tests, memory checks). */
export function cachedTerraformTrees(): number {
  return sharedFiles.treeCount();
}

/** An edit in the shape tree-sitter wants (offsets in UTF-16 code units, rows/columns 0-based). */
export interface TerraformTextEdit {
  readonly startIndex: number;
  readonly oldEndIndex: number;
  readonly newEndIndex: number;
  readonly startPosition: { row: number; column: number };
  readonly oldEndPosition: { row: number; column: number };
  readonly newEndPosition: { row: number; column: number };
}

/**
 * Optional incremental parsing for the language server: keeps the last tree per uri (on the WASM heap) and
 * re-parses after `edit`. Call `close(uri)` when a document closes; `dispose()` frees everything.
 */
export class IncrementalTerraformParser {
  private readonly trees = new Map<string, Tree>();
  private readonly cache = new Map<string, { text: string; hcl: HclFile }>();

  /** The plain tree for `text`, reusing the previous tree of `uri` (already `edit`ed) when there is one. */
  parse(uri: string, text: string): HclFile {
    const cached = this.cache.get(uri);
    if (cached && cached.text === text) return cached.hcl;
    const guard = inputProblem(text);
    if (guard) {
      this.close(uri);
      return parseTerraformFile(text);
    }
    const previous = this.trees.get(uri);
    const tree = terraformParser().parse(text, previous ?? null);
    previous?.delete();
    this.trees.delete(uri);
    if (!tree) return parseTerraformFile(text);
    this.trees.set(uri, tree);
    const hcl = convertTree(tree, text);
    this.cache.set(uri, { text, hcl });
    return hcl;
  }

  /** Records a text change on the kept tree so the next `parse` reuses unchanged subtrees. */
  edit(uri: string, change: TerraformTextEdit): void {
    this.trees.get(uri)?.edit(change);
    this.cache.delete(uri);
  }

  /** analyzeTerraform through the kept trees. */
  analyze(files: readonly SourceFile[], suppliers: readonly ParameterSupplier[]): FrontEndResult {
    const parsed: ParsedTerraformFile[] = files.map((file) => ({ file, hcl: this.parse(file.uri, file.text) }));
    return buildModule(parsed, suppliers);
  }

  close(uri: string): void {
    this.trees.get(uri)?.delete();
    this.trees.delete(uri);
    this.cache.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.trees.keys()]) this.close(uri);
    this.cache.clear();
  }
}
