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
import type { Span } from '../model/span';
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
  const report = new ReportBuilder();
  if (options.batch) {
    return batchResult(workspaces, root, report, options.batch.threads, {
      config,
      today: options.today,
      withFixes: options.withFixes !== false,
    });
  }
  const sessions: WorkspaceSession[] = [];
  const seen = new Set<string>();
  for (const files of workspaces) {
    const session = await WorkspaceSession.create({
      root,
      config,
      today: options.today,
      keepSyntax: options.withFixes !== false,
    });
    const uris: string[] = [];
    for (const file of report.iacFiles(files, seen)) {
      const candidate = readCandidate(file);
      if (candidate.skipped !== undefined || candidate.text === undefined) {
        report.skip(file, candidate.skipped ?? 'unreadable');
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
      report.add(decodeURIComponent(new URL(uri).pathname), uri, {
        skipped: document?.skipped,
        findings: results.get(uri) ?? [],
        syntaxProblems: document?.syntaxProblems ?? [],
        lines: document?.lines,
      });
    }
  }
  return report.result(root, sessions, document, (uri) => document(uri)?.lines);

  function document(uri: string): ParsedDocument | undefined {
    for (const session of sessions) if (session.hasFile(uri)) return session.document(uri);
    return undefined;
  }
}

/** scanPaths with batch jobs: the same report, built from what the jobs hand back. */
async function batchResult(
  workspaces: readonly string[][],
  root: string,
  report: ReportBuilder,
  threads: number,
  options: { config?: ResolvedConfig; today?: string; withFixes: boolean },
): Promise<ScanResult> {
  const positions = new PositionTables();
  const seen = new Set<string>();
  for (const files of workspaces) {
    const fresh = report.iacFiles(files, seen);
    if (fresh.length === 0) continue;
    const batch = await batchScan(fresh, { root, threads, positions, ...options });
    for (const file of fresh) {
      const uri = pathToFileURL(file).href;
      const outcome = batch.files.get(uri);
      if (!outcome) report.skip(file, 'not analysed');
      else report.add(file, uri, { ...outcome, lines: positions.of(uri) });
    }
  }
  return report.result(
    root,
    [],
    () => undefined,
    (uri) => positions.of(uri),
  );
}

/** What one file adds to a report. */
interface FileOutcome {
  /** Why the file was not analysed. */
  readonly skipped?: string;
  readonly findings: readonly Finding[];
  readonly syntaxProblems: readonly { readonly span: Span; readonly message: string }[];
  readonly lines?: PositionSource;
}

/** A ScanResult gathered file by file, the same way for whole-workspace sessions and batch jobs. */
class ReportBuilder {
  private readonly skipped: SkippedFile[] = [];
  private readonly analysed: string[] = [];
  private readonly findings: Finding[] = [];
  private readonly syntaxProblems: SyntaxProblemEntry[] = [];

  /** The files not seen yet (marking them seen) that aisec reads; the others are skipped with the reason. */
  iacFiles(files: readonly string[], seen: Set<string>): string[] {
    const fresh: string[] = [];
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (fileKind(file)) fresh.push(file);
      else this.skip(file, 'not a Bicep, ARM or Terraform file');
    }
    return fresh;
  }

  skip(file: string, reason: string): void {
    this.skipped.push({ path: file, reason });
  }

  add(file: string, uri: string, outcome: FileOutcome): void {
    if (outcome.skipped !== undefined) {
      this.skip(file, outcome.skipped);
      return;
    }
    this.analysed.push(file);
    this.findings.push(...outcome.findings);
    for (const problem of outcome.syntaxProblems) {
      const position = outcome.lines!.positionAt(problem.span.start);
      this.syntaxProblems.push({
        path: file,
        uri,
        line: position.line + 1,
        column: position.character + 1,
        message: problem.message,
      });
    }
  }

  result(
    root: string,
    sessions: readonly WorkspaceSession[],
    document: ScanResult['document'],
    positions: ScanResult['positions'],
  ): ScanResult {
    return {
      root,
      files: this.analysed.sort(),
      skipped: this.skipped.sort((a, b) => a.path.localeCompare(b.path)),
      findings: this.findings,
      syntaxProblems: this.syntaxProblems,
      sessions,
      document,
      positions,
    };
  }
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
