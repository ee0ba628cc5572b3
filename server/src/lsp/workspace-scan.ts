// The background workspace scan: discover the IaC files of every workspace folder with the engine's discovery
// (node_modules/.git/.terraform, .gitignore, `.aisec.json` exclude) minus the client's excludes (files.exclude,
// `aisec.scan.exclude`), and check them in the batch jobs of `aisec scan` (engine/batch/plan.ts), on worker
// threads when the workspace is large, under a cancellable `window/workDoneProgress`. Each job's findings are
// published as it ends; nothing of a file's text or model stays in memory once its job is done. The scan
// leaves the folder its unit graph, from which the editor's session learns which files an open file needs.
// Cancelling stops handing out jobs; what was reported stays.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { batchScan } from '../engine/batch/plan';
import type { FileReport } from '../engine/batch/job';
import { discoverDirectory } from '../engine/discovery';
import { DEFAULT_CONFIG, isConfigUri } from '../engine/config';
import { UnitNeighbourhoods } from './neighbourhood';
import type { Folder, SessionRegistry } from './sessions';
import type { EffectiveSettings } from './settings';
import type { StringPool } from '../engine/string-pool';

export interface ScanDeps {
  readonly connection: Connection;
  readonly sessions: SessionRegistry;
  readonly trusted: boolean;
  readonly supportsProgress: boolean;
  /** Worker threads for the batch jobs (a small workspace is checked in the server's thread). */
  readonly threads: number;
  /** Where the unit graph's names are kept once. */
  readonly strings: StringPool;
  isOpen(uri: string): boolean;
  settingsFor(uri: string): Promise<EffectiveSettings>;
  /** A file an earlier scan knew is no longer part of the workspace (deleted, now excluded): forget it. */
  removed(uri: string): void;
  /** A job's reports (a file may be reported again: the last report is final). */
  reported(folder: Folder, reports: readonly FileReport[]): void;
  /** The folder's scan ended (also when cancelled): its unit graph is in place. */
  scanned(folder: Folder): void;
  error(message: string, error: unknown): void;
}

export interface ScanOutcome {
  readonly files: number;
  readonly durationMs: number;
  readonly cancelled: boolean;
}

export async function scanWorkspace(deps: ScanDeps): Promise<ScanOutcome> {
  const started = Date.now();
  const progress = await beginProgress(deps);
  let cancelled = false;
  progress?.token.onCancellationRequested(() => (cancelled = true));
  let total = 0;
  try {
    const plans: { folder: Folder; files: string[] }[] = [];
    for (const folder of deps.sessions.allFolders()) {
      if (!folder.path) continue;
      const settings = await deps.settingsFor(folder.uri);
      if (!settings.enable) continue;
      const discovered = await discoverDirectory(folder.path, deps.trusted ? undefined : DEFAULT_CONFIG);
      const excluded = clientExcludes(settings.exclude);
      const files = discovered.filter((file) => !excluded(path.relative(folder.path!, file).split(path.sep).join('/')));
      plans.push({ folder, files });
      total += files.length;
    }
    let checked = 0;
    for (const { folder, files } of plans) {
      if (cancelled) break;
      const uris = files.map((file) => pathToFileURL(file).href);
      forgetMissing(deps, folder, new Set(uris));
      // Until the scan has linked the units, a file's neighbourhood is its Terraform module.
      folder.neighbourhoods = UnitNeighbourhoods.ofFiles(uris);
      const seen = new Set<string>();
      const result = await batchScan(files, {
        root: folder.path,
        config: deps.trusted ? undefined : DEFAULT_CONFIG,
        withFixes: false,
        withResources: true,
        threads: deps.threads,
        positions: folder.positions,
        yieldBetweenJobs: true,
        cancelled: () => cancelled,
        onReports: (reports) => {
          deps.reported(folder, reports);
          for (const report of reports) {
            if (seen.has(report.uri)) continue;
            seen.add(report.uri);
            checked++;
          }
          progress?.report(Math.round((checked / Math.max(total, 1)) * 100), `Checked ${checked}/${total} files`);
        },
      });
      // A cancelled scan links only the units it analysed; the others stay alone until the next scan.
      folder.neighbourhoods = UnitNeighbourhoods.ofScan(result.graph, deps.strings);
      deps.scanned(folder);
    }
  } catch (error) {
    deps.error('scanning the workspace', error);
  } finally {
    progress?.done();
  }
  return { files: total, durationMs: Date.now() - started, cancelled };
}

/** Files an earlier scan (or a watcher) made known that the new file list leaves out; open files stay. */
function forgetMissing(deps: ScanDeps, folder: Folder, keep: ReadonlySet<string>): void {
  const known = new Set([...folder.neighbourhoods.files(), ...folder.facts.keys(), ...folder.files]);
  for (const uri of known) {
    if (!keep.has(uri) && !deps.isOpen(uri) && !isConfigUri(uri)) deps.removed(uri);
  }
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
