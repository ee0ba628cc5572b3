// `scanPaths`: discovery + one WorkspaceSession per directory argument (file arguments share one) + check.
// What the CLI formats and what `aisec fix` re-runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ParsedDocument } from '../model/document';
import { loadConfig, readConfigFile, type ResolvedConfig } from './config';
import { discoverDirectory, readCandidate } from './discovery';
import { isExcluded } from './exclude';
import type { Finding } from './finding';
import { batchScan } from './batch/plan';
import { PositionTables, type PositionSource } from './batch/positions';
import { fileKind, WorkspaceSession } from './session';

export interface ScanOptions {
  /** A configuration file to use for every file instead of the nearest `.aisec.json`. */
  readonly configFile?: string;
  /** Or an already resolved configuration. */
  readonly config?: ResolvedConfig;
  /** `YYYY-MM-DD` for suppression expiry (default today, UTC). */
  readonly today?: string;
  /**
   * Whether the result must be able to turn fixes into text edits (`aisec fix`, SARIF `fixes`); default true.
   * False lets sessions drop syntax trees as they go (see SessionOptions.keepSyntax).
   */
  readonly withFixes?: boolean;
  /**
   * Check the workspace in batch jobs (batch/plan.ts) that keep no text or model once checked, on this
   * many worker threads: what `aisec scan` does. The result then has no `document()`s, only positions.
   * Without it, one WorkspaceSession per directory holds everything (what `aisec fix` needs).
   */
  readonly batch?: { readonly threads: number };
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface SyntaxProblemEntry {
  readonly path: string;
  readonly uri: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ScanResult {
  /** The directory relative paths and SARIF uris are based on: the deepest directory holding every argument. */
  readonly root: string;
  /** Every analysed file, sorted. */
  readonly files: readonly string[];
  readonly skipped: readonly SkippedFile[];
  readonly findings: readonly Finding[];
  readonly syntaxProblems: readonly SyntaxProblemEntry[];
  readonly sessions: readonly WorkspaceSession[];
  /** The parsed document of an analysed file, by uri (none in a batch scan). */
  document(uri: string): ParsedDocument | undefined;
  /** Line and character of offsets in a file (for the formatters). */
  positions(uri: string): PositionSource | undefined;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function scanPaths(paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const config = options.config ?? (options.configFile ? readConfigFile(options.configFile) : undefined);
  const targets = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(p));
  const workspaces: string[][] = [];
  const looseFiles: string[] = [];
  for (const target of targets) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      throw new UsageError(`No such file or directory: ${target}`);
    }
    if (stat.isDirectory()) workspaces.push(await discoverDirectory(target, config));
    else if (!isExcluded(target, config ?? loadConfig(target))) looseFiles.push(target);
  }
  if (looseFiles.length > 0) workspaces.push(looseFiles);

  // Paths in reports are relative to the one directory argument, else to the deepest common directory.
  const root = commonDirectory(targets.map((t) => (fs.statSync(t).isDirectory() ? t : path.dirname(t))));
  const skipped: SkippedFile[] = [];
  const analysed: string[] = [];
  const sessions: WorkspaceSession[] = [];
  const findings: Finding[] = [];
  const syntaxProblems: SyntaxProblemEntry[] = [];
  if (options.batch) {
    return batchResult(workspaces, root, skipped, options.batch.threads, {
      config,
      today: options.today,
      withFixes: options.withFixes !== false,
    });
  }
  const seen = new Set<string>();
  for (const files of workspaces) {
    const session = await WorkspaceSession.create({
      root,
      config,
      today: options.today,
      keepSyntax: options.withFixes !== false,
    });
    const uris: string[] = [];
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (!fileKind(file)) {
        skipped.push({ path: file, reason: 'not a Bicep, ARM or Terraform file' });
        continue;
      }
      const candidate = readCandidate(file);
      if (candidate.skipped !== undefined || candidate.text === undefined) {
        skipped.push({ path: file, reason: candidate.skipped ?? 'unreadable' });
        continue;
      }
      const uri = pathToFileURL(file).href;
      session.setFile(uri, candidate.text);
      uris.push(uri);
    }
    if (uris.length === 0) continue;
    sessions.push(session);
    const results = session.check(uris);
    for (const uri of uris) {
      const document = session.document(uri);
      const file = new URL(uri);
      const filePath = decodeURIComponent(file.pathname);
      if (document?.skipped) {
        skipped.push({ path: filePath, reason: document.skipped });
        continue;
      }
      analysed.push(filePath);
      findings.push(...(results.get(uri) ?? []));
      for (const problem of document?.syntaxProblems ?? []) {
        const position = document!.lines.positionAt(problem.span.start);
        syntaxProblems.push({
          path: filePath,
          uri,
          line: position.line + 1,
          column: position.character + 1,
          message: problem.message,
        });
      }
    }
  }
  return {
    root,
    files: analysed.sort(),
    skipped: skipped.sort((a, b) => a.path.localeCompare(b.path)),
    findings,
    syntaxProblems,
    sessions,
    document,
    positions: (uri) => document(uri)?.lines,
  };

  function document(uri: string): ParsedDocument | undefined {
    for (const session of sessions) if (session.hasFile(uri)) return session.document(uri);
    return undefined;
  }
}

/** scanPaths with batch jobs: the same report, built from what the jobs hand back. */
async function batchResult(
  workspaces: readonly string[][],
  root: string,
  skipped: SkippedFile[],
  threads: number,
  options: { config?: ResolvedConfig; today?: string; withFixes: boolean },
): Promise<ScanResult> {
  const analysed: string[] = [];
  const findings: Finding[] = [];
  const syntaxProblems: SyntaxProblemEntry[] = [];
  const positions = new PositionTables();
  const seen = new Set<string>();
  for (const files of workspaces) {
    const fresh = files.filter((file) => !seen.has(file));
    fresh.forEach((file) => seen.add(file));
    if (fresh.length === 0) continue;
    const batch = await batchScan(fresh, { root, threads, ...options });
    positions.add(batch.positions);
    for (const file of fresh) {
      const uri = pathToFileURL(file).href;
      const report = batch.files.get(uri);
      if (!report || report.skipped !== undefined) {
        skipped.push({ path: file, reason: report?.skipped ?? 'not analysed' });
        continue;
      }
      analysed.push(file);
      findings.push(...report.findings);
      for (const problem of report.syntaxProblems) {
        const position = positions.of(uri).positionAt(problem.span.start);
        syntaxProblems.push({
          path: file,
          uri,
          line: position.line + 1,
          column: position.character + 1,
          message: problem.message,
        });
      }
    }
  }
  return {
    root,
    files: analysed.sort(),
    skipped: skipped.sort((a, b) => a.path.localeCompare(b.path)),
    findings,
    syntaxProblems,
    sessions: [],
    document: () => undefined,
    positions: (uri) => positions.of(uri),
  };
}

function commonDirectory(dirs: readonly string[]): string {
  let common = dirs[0].split(path.sep);
  for (const dir of dirs.slice(1)) {
    const parts = dir.split(path.sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.sep;
}
