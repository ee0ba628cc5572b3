// Re-parsing a Terraform file after an edit without redoing the whole file. Per uri the cache keeps the
// last text, its plain tree and its top-level items, and (for the most recently parsed files) the tree-sitter
// tree. When a file comes back with a different text, the one changed region is found by comparing the texts
// (common prefix and suffix: no editor change ranges needed, and several debounced edits collapse into one),
// the kept tree is `edit`ed and re-parsed incrementally, and only the top-level blocks that overlap the
// change are converted again; the others are reused, shifted when they follow the change. Files whose text
// did not change are served as they are, so the other files of a module are not re-parsed at all.
//
// The result always equals a fresh `parseTerraformFile` of the text (test/unit/terraform/incremental.test.ts
// checks that on corpus files with random edits).
import type { Tree } from 'web-tree-sitter';
import { convertItems, convertTree, fileOfItems, type HclFile, type HclItem } from './syntax';
import { terraformParser } from './wasm';

/** Trees kept on the WebAssembly heap (the files being edited; a scan of thousands of files keeps few). */
const MAX_TREES = 16;
/** Plain trees kept (the texts of one large workspace); oldest first out. */
const MAX_FILES = 4096;
const MAX_TEXT_CHARS = 64 * 1024 * 1024;

interface Entry {
  readonly text: string;
  readonly hcl: HclFile;
  /** Undefined when the file is not a plain body (converted whole, nothing to reuse). */
  readonly items?: readonly HclItem[];
  tree?: Tree;
}

/** The change between two texts as one replaced region (offsets in UTF-16 code units). */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

const CHUNK = 256;

export function textChange(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Whole chunks first (string equality is a memory compare), then characters.
  while (start + CHUNK <= max && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) {
    start += CHUNK;
  }
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix + CHUNK <= max - start &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) ===
      after.slice(after.length - suffix - CHUNK, after.length - suffix)
  ) {
    suffix += CHUNK;
  }
  while (
    suffix < max - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

export class TerraformFileCache {
  private readonly entries = new Map<string, Entry>();
  private textChars = 0;

  /**
   * The plain tree of `text` (`parse` is the fallback for input it must not hand to tree-sitter: too large,
   * binary). Never throws for ordinary input.
   */
  parse(uri: string, text: string, fresh: (text: string) => HclFile | undefined): HclFile {
    const previous = this.entries.get(uri);
    if (previous && previous.text === text) {
      this.touch(uri, previous);
      return previous.hcl;
    }
    const guarded = fresh(text);
    if (guarded) {
      this.remove(uri);
      return guarded;
    }
    const change = previous ? textChange(previous.text, text) : undefined;
    const parser = terraformParser();
    const oldTree = previous?.tree;
    if (oldTree && previous && change) {
      oldTree.edit({
        startIndex: change.start,
        oldEndIndex: change.oldEnd,
        newEndIndex: change.newEnd,
        startPosition: pointAt(previous.text, change.start),
        oldEndPosition: pointAt(previous.text, change.oldEnd),
        newEndPosition: pointAt(text, change.newEnd),
      });
    }
    const tree = parser.parse(text, oldTree ?? null);
    if (!tree) {
      oldTree?.delete();
      this.remove(uri);
      return parseFailed();
    }
    try {
      const reuse = previous?.items && change ? reuser(previous.items, change, oldTree?.getChangedRanges(tree)) : none;
      const items = convertItems(tree, text, reuse);
      const hcl = items ? fileOfItems(items) : convertTree(tree, text);
      oldTree?.delete();
      if (previous) previous.tree = undefined;
      this.remove(uri);
      const entry: Entry = { text, hcl, items, tree };
      this.entries.set(uri, entry);
      this.textChars += text.length;
      this.trim();
      return hcl;
    } catch (error) {
      tree.delete();
      oldTree?.delete();
      if (previous) previous.tree = undefined;
      this.remove(uri);
      throw error;
    }
  }

  /** Forgets one file (frees its tree). */
  remove(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.tree?.delete();
    entry.tree = undefined;
    this.textChars -= entry.text.length;
    this.entries.delete(uri);
  }

  clear(): void {
    for (const uri of [...this.entries.keys()]) this.remove(uri);
  }

  /** How many trees are held on the WebAssembly heap (for tests). */
  treeCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.tree) count++;
    return count;
  }

  private touch(uri: string, entry: Entry): void {
    this.entries.delete(uri);
    this.entries.set(uri, entry);
  }

  private trim(): void {
    for (const [uri] of this.entries) {
      if (this.entries.size <= MAX_FILES && this.textChars <= MAX_TEXT_CHARS) break;
      this.remove(uri);
    }
    let trees = this.treeCount();
    for (const entry of this.entries.values()) {
      if (trees <= MAX_TREES) break;
      if (!entry.tree) continue;
      entry.tree.delete();
      entry.tree = undefined;
      trees--;
    }
  }
}

const none = (): undefined => undefined;

/**
 * Finds, for an item of the new tree, the item of the previous version with the same text: it lies wholly
 * before or after the change (not touching it), outside every range whose structure tree-sitter reports as
 * changed, with the same node type and the same extent.
 */
function reuser(
  previous: readonly HclItem[],
  change: TextChange,
  changed: readonly { startIndex: number; endIndex: number }[] | undefined,
): (type: string, start: number, end: number) => HclItem | undefined {
  const delta = change.newEnd - change.oldEnd;
  const byRange = new Map<string, HclItem>();
  for (const item of previous) if (item.type !== 'comment') byRange.set(`${item.start}:${item.end}`, item);
  return (type, start, end) => {
    if (changed?.some((range) => range.startIndex < end && start < range.endIndex)) return undefined;
    let shift: number;
    if (end < change.start) shift = 0;
    else if (start > change.newEnd) shift = delta;
    else return undefined;
    const old = byRange.get(`${start - shift}:${end - shift}`);
    if (!old || old.type !== type) return undefined;
    return shift === 0 ? old : shifted(old, shift);
  };
}

/**
 * A copy of a converted value with every span moved by `delta` (the previous version is left intact: older
 * documents may still hold it). Plain loops: this runs over every block after the edit on each keystroke.
 */
function shifted<T>(value: T, delta: number): T {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = typeof item === 'object' && item !== null ? shifted(item, delta) : item;
    }
    return out as T;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const field = source[key];
    if (typeof field === 'number') out[key] = key === 'start' || key === 'end' ? field + delta : field;
    else if (typeof field === 'object' && field !== null) out[key] = shifted(field, delta);
    else out[key] = field;
  }
  return out as T;
}

/** Row and column (UTF-16 code units) of an offset, as tree-sitter's `edit` wants them. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function parseFailed(): HclFile {
  return {
    body: { attributes: [], blocks: [] },
    comments: [],
    problems: [{ span: { start: 0, end: 0 }, message: 'The file could not be parsed.' }],
  };
}
