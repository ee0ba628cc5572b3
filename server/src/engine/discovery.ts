// Which files a scan reads: IaC files under the given directories (fast-glob), minus node_modules, .git,
// .terraform, whatever .gitignore files ignore (the `ignore` package, nested .gitignore files and those of
// parent directories up to the repository root) and the config's `exclude` globs. Files too large or binary
// are listed as skipped, with the reason, without being read whole.
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE_NAME, configLookup, type ResolvedConfig } from './config';
import { isExcluded } from './exclude';
import { MAX_FILE_BYTES } from './session';

export const SCANNED_EXTENSIONS = ['bicep', 'bicepparam', 'json', 'jsonc', 'tf', 'tfvars'] as const;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/.terraform/**'];

export interface DiscoveredFile {
  readonly path: string;
  /** Why it is not analysed (too large, binary, unreadable), or undefined. */
  readonly skipped?: string;
  /** The text (BOM removed) when it is analysed. */
  readonly text?: string;
}

/** Files of one directory argument, sorted by path. `config` overrides the per-file `.aisec.json`. */
export async function discoverDirectory(dir: string, config?: ResolvedConfig): Promise<string[]> {
  const root = path.resolve(dir);
  const found = await fg(`**/*.{${SCANNED_EXTENSIONS.join(',')}}`, {
    cwd: root,
    absolute: true,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    ignore: ALWAYS_IGNORED,
    suppressErrors: true,
  });
  const gitignored = await gitignoreFilter(root);
  const configOf = configLookup();
  return found
    .map((file) => path.normalize(file))
    .filter((file) => path.basename(file) !== CONFIG_FILE_NAME)
    .filter((file) => !gitignored(file))
    .filter((file) => !isExcluded(file, config ?? configOf(file)))
    .sort();
}

/**
 * The buffer files are read into, one per thread, grown to the largest file read (at most MAX_FILE_BYTES): a
 * scan reads thousands of files, and a buffer per file left the allocator's arenas fragmented.
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/** Reads a file unless it is too large or binary; never throws. */
export function readCandidate(file: string): DiscoveredFile {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      return {
        path: file,
        skipped: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB)`,
      };
    }
    if (size > readBuffer.length) readBuffer = Buffer.allocUnsafe(size);
    let length = 0;
    for (let read = -1; length < size && read !== 0; length += read) {
      read = fs.readSync(fd, readBuffer, length, size - length, length);
    }
    const bytes = readBuffer.subarray(0, length);
    if (bytes.includes(0)) return { path: file, skipped: 'binary file (contains NUL bytes)' };
    // ASCII (nearly every template) is Latin-1 too: copied as it is rather than decoded as UTF-8.
    let text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { path: file, text };
  } catch (error) {
    return { path: file, skipped: `cannot read: ${(error as Error).message}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A predicate for paths ignored by the .gitignore files that apply under `root`. */
async function gitignoreFilter(root: string): Promise<(file: string) => boolean> {
  const rules: { dir: string; matcher: Ignore }[] = [];
  const add = (gitignore: string) => {
    try {
      rules.push({ dir: path.dirname(gitignore), matcher: ignore().add(fs.readFileSync(gitignore, 'utf8')) });
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  };
  // Parent directories up to the repository root (the one with .git).
  let dir = path.dirname(root);
  while (!fs.existsSync(path.join(root, '.git'))) {
    const candidate = path.join(dir, '.gitignore');
    if (fs.existsSync(candidate)) add(candidate);
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    dir = path.dirname(dir);
  }
  const nested = await fg('**/.gitignore', {
    cwd: root,
    absolute: true,
    dot: true,
    ignore: ALWAYS_IGNORED,
    suppressErrors: true,
  });
  nested.forEach(add);
  if (rules.length === 0) return () => false;
  return (file) =>
    rules.some(({ dir: base, matcher }) => {
      const relative = path.relative(base, file).split(path.sep).join('/');
      return relative !== '' && !relative.startsWith('../') && matcher.ignores(relative);
    });
}
