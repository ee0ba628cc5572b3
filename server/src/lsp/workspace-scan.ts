// The background workspace scan: discover the IaC files of every workspace folder with the engine's discovery
// (node_modules/.git/.terraform, .gitignore, `.aisec.json` exclude) minus the client's excludes (files.exclude,
// `aisec.scan.exclude`), load them into the folder's session and queue them for checking, under a cancellable
// `window/workDoneProgress`. Files open in the editor keep the editor's text. Cancelling stops loading; what
// was loaded is still checked.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { discoverDirectory, readCandidate } from '../engine/discovery';
import { DEFAULT_CONFIG } from '../engine/config';
import { setFrontEndCaches } from '../engine/frontends';
import type { Checker } from './checker';
import type { SessionRegistry } from './sessions';
import type { EffectiveSettings } from './settings';

export interface ScanDeps {
  readonly connection: Connection;
  readonly sessions: SessionRegistry;
  readonly checker: Checker;
  readonly trusted: boolean;
  readonly supportsProgress: boolean;
  isOpen(uri: string): boolean;
  settingsFor(uri: string): Promise<EffectiveSettings>;
  /** A file loaded by an earlier scan is no longer part of the workspace (now excluded): forget it. */
  removed(uri: string): void;
  error(message: string, error: unknown): void;
}

export interface ScanOutcome {
  readonly files: number;
  readonly durationMs: number;
  readonly cancelled: boolean;
}

/** Files loaded between progress reports and yields to the message loop. */
const chunk = 32;

export async function scanWorkspace(deps: ScanDeps): Promise<ScanOutcome> {
  const started = Date.now();
  const progress = await beginProgress(deps);
  let cancelled = false;
  progress?.token.onCancellationRequested(() => (cancelled = true));
  const loaded: string[] = [];
  try {
    const candidates: string[] = [];
    for (const folder of deps.sessions.allFolders()) {
      if (!folder.path) continue;
      const settings = await deps.settingsFor(folder.uri);
      if (!settings.enable) continue;
      const files = await discoverDirectory(folder.path, deps.trusted ? undefined : DEFAULT_CONFIG);
      const excluded = clientExcludes(settings.exclude);
      const kept = files.filter((file) => !excluded(path.relative(folder.path!, file).split(path.sep).join('/')));
      candidates.push(...kept);
      // Files an earlier scan loaded that the new excludes leave out (open files stay: the editor owns them).
      const keep = new Set(kept.map((file) => pathToFileURL(file).href));
      for (const uri of [...folder.files]) {
        if (!keep.has(uri) && !deps.isOpen(uri) && !uri.endsWith('/.aisec.json')) deps.removed(uri);
      }
    }
    for (let i = 0; i < candidates.length && !cancelled; i++) {
      const uri = pathToFileURL(candidates[i]).href;
      if (!deps.isOpen(uri)) {
        const read = readCandidate(candidates[i]);
        // Too large or binary: not loaded (the CLI lists such files; the editor stays quiet about them).
        if (read.text !== undefined && !deps.isOpen(uri)) {
          deps.sessions.setFile(uri, read.text);
          loaded.push(uri);
        }
      }
      if ((i + 1) % chunk === 0) {
        progress?.report(Math.round(((i + 1) / candidates.length) * 50), `Loading ${i + 1}/${candidates.length} files`);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    progress?.report(50, `Checking ${loaded.length} files`);
    // The scan analyses every file once: the front ends' re-analysis caches (Terraform and Bicep trees)
    // would only fill memory. They come back for the edits that follow.
    setFrontEndCaches(false);
    deps.checker.enqueue(loaded, 0);
    await deps.checker.idle();
  } catch (error) {
    deps.error('scanning the workspace', error);
  } finally {
    setFrontEndCaches(true);
    progress?.done();
  }
  return { files: loaded.length, durationMs: Date.now() - started, cancelled };
}

async function beginProgress(deps: ScanDeps): Promise<WorkDoneProgressServerReporter | undefined> {
  if (!deps.supportsProgress) return undefined;
  try {
    const progress = await deps.connection.window.createWorkDoneProgress();
    progress.begin('aisec', 0, 'Scanning the workspace', true);
    return progress;
  } catch (error) {
    deps.error('creating the scan progress', error);
    return undefined;
  }
}

/** Matcher for workspace-relative globs as VS Code writes them (`**\/generated`, `**\/*.tmp.json`). */
export function clientExcludes(globs: readonly string[]): (relative: string) => boolean {
  if (globs.length === 0) return () => false;
  // A folder glob excludes what is under it too.
  const patterns = globs.flatMap((g) => [g, `${g.replace(/\/+$/, '')}/**`]);
  return picomatch(patterns, { dot: true });
}
