// `aisec scan` / `aisec fix` (DESIGN §7). Exit codes: 0 = no definite finding at or above --fail-on,
// 1 = findings, 2 = usage error, invalid configuration or internal error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../engine/config';
import { defaultThreads } from '../engine/batch/runner';
import { scanPaths, UsageError, type ScanResult } from '../engine/scan';
import { VERSION } from './docs';
import { applyFixes, unifiedDiff, writeChanges } from './fix';
import { toJsonReport } from './format-json';
import { toSarif } from './format-sarif';
import { formatText } from './format-text';
import { failsBuild, type FailOn } from './threshold';

export const USAGE = `aisec ${VERSION}: security checks for Azure AI workloads in Bicep, ARM templates and Terraform

Usage:
  aisec scan [paths...] [--format text|json|sarif] [--output FILE] [--config FILE] [--fail-on high|medium|low|none]
             [--threads N]
  aisec fix  [paths...] [--unsafe] [--dry-run] [--config FILE]

  paths        files or directories (default: the current directory); a directory is one workspace
  --format     text (default), json, or sarif (SARIF 2.1.0)
  --output     write the report to FILE instead of standard output
  --config     use this .aisec.json for every file instead of the nearest one
  --fail-on    lowest level that makes the exit code 1: high (error), medium (warning, default), low (info), none
  --threads    worker threads for a large scan (default: CPU cores - 1, at least 1, at most 4)
  --unsafe     fix: also apply unsafe fixes (they add resources or parameters, or cannot be undone once deployed)
  --dry-run    fix: print a unified diff of the changes and write nothing
  -h, --help   show this help
  -v, --version

Exit codes: 0 no definite finding at or above --fail-on, 1 findings, 2 usage, configuration or internal error.
`;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly color: boolean;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`aisec: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? io.stderr : io.stdout)(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    if (command === 'scan') return await scan(paths, values, io);
    if (command === 'fix') return await fix(paths, values, io);
    io.stderr(`aisec: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      io.stderr(`aisec: ${error.message}\n`);
      return 2;
    }
    io.stderr(`aisec: internal error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'fail-on': { type: 'string' },
      threads: { type: 'string' },
      unsafe: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/**
 * `--threads`: a positive integer, by default defaultThreads(). On the 2-core build machine (10,000 files)
 * one worker scans in 20–21 s with a 250–260 MB peak, two in 16–18 s with 325–345 MB.
 */
function threadCount(value: string | undefined): number {
  if (value === undefined) return defaultThreads();
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1)
    throw new UsageError(`--threads must be a positive integer (got '${value}')`);
  return threads;
}

function internalErrors(result: ScanResult): number {
  return (
    result.findings.filter((f) => f.ruleId === 'aisec/internal-error').length +
    result.skipped.filter((s) => /internal error/i.test(s.reason)).length
  );
}

async function scan(paths: string[], values: Values, io: Io): Promise<number> {
  const format = choice('format', values.format, ['text', 'json', 'sarif'] as const, 'text');
  const failOn = choice<FailOn>('fail-on', values['fail-on'], ['high', 'medium', 'low', 'none'], 'medium');
  if (values.unsafe || values['dry-run']) throw new UsageError('--unsafe and --dry-run belong to `aisec fix`');
  // Only SARIF carries fixes (as text edits): other formats let the engine drop syntax trees as it goes.
  const result = await scanPaths(paths, {
    configFile: values.config,
    withFixes: format === 'sarif',
    batch: { threads: threadCount(values.threads) },
  });
  const report =
    format === 'json'
      ? JSON.stringify(toJsonReport(result, VERSION), null, 2) + '\n'
      : format === 'sarif'
        ? JSON.stringify(toSarif(result), null, 2) + '\n'
        : formatText(result, { color: io.color && !values.output });
  if (values.output) {
    const target = path.resolve(values.output);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, report);
    const failing = result.findings.filter((f) => failsBuild(f, failOn)).length;
    io.stderr(
      `aisec: wrote ${format} report to ${values.output} (${result.files.length} files, ${failing} failing findings)\n`,
    );
  } else {
    io.stdout(report);
  }
  if (internalErrors(result) > 0) {
    io.stderr(`aisec: ${internalErrors(result)} internal error(s) occurred; see the report.\n`);
    return 2;
  }
  return result.findings.some((f) => failsBuild(f, failOn)) ? 1 : 0;
}

async function fix(paths: string[], values: Values, io: Io): Promise<number> {
  if (values.format || values.output || values['fail-on'] || values.threads) {
    throw new UsageError('--format, --output, --fail-on and --threads belong to `aisec scan`');
  }
  const result = await scanPaths(paths, { configFile: values.config });
  const report = applyFixes(result, { unsafe: Boolean(values.unsafe) });
  const dryRun = Boolean(values['dry-run']);
  if (dryRun) io.stdout(unifiedDiff(result.root, report.changes));
  else writeChanges(report.changes);
  const verb = dryRun ? 'Would apply' : 'Applied';
  const ordered = [...report.applied].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  for (const applied of ordered) {
    io.stderr(
      `  ${applied.path}:${applied.line}  ${applied.ruleId}  ${applied.title}${applied.applicability === 'unsafe' ? ' (unsafe)' : ''}\n`,
    );
  }
  io.stderr(
    `${verb} ${report.applied.length} fix${report.applied.length === 1 ? '' : 'es'} in ${report.changes.size} file${report.changes.size === 1 ? '' : 's'}.` +
      (report.remaining > 0
        ? ` ${report.remaining} finding${report.remaining === 1 ? '' : 's'} with a fix left${values.unsafe ? '' : ' (unsafe fixes need --unsafe)'}.`
        : '') +
      '\n',
  );
  return internalErrors(result) > 0 ? 2 : 0;
}
