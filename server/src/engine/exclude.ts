// `exclude` globs of `.aisec.json`, matched against the path relative to the config file's directory.
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from './config';

const matchers = new WeakMap<readonly string[], (file: string) => boolean>();

export function isExcluded(file: string, config: ResolvedConfig): boolean {
  if (config.exclude.length === 0 || !config.baseDir) return false;
  const relative = path.relative(config.baseDir, file).split(path.sep).join('/');
  if (relative.startsWith('../')) return false;
  let matcher = matchers.get(config.exclude);
  if (!matcher) {
    matcher = picomatch([...config.exclude], { dot: true });
    matchers.set(config.exclude, matcher);
  }
  return matcher(relative);
}
