// Issue 6's scale figure: a 10,000-file workspace (copies of the corpus, see workspace-scale-replica.ts),
// scanned in full by
//   CLI  `node dist/cli.js scan <dir> --format json`, in a child process: wall time, files/s, CPU time and
//        peak RSS (`process.resourceUsage().maxRSS`, written by a --require hook at exit)
//   LSP  `node dist/server.js --stdio` with the workspace scan on: time from `initialized` to the first
//        publishDiagnostics, to the end of the scan (progress end) and to the last publish (the server
//        publishes only files with diagnostics), and the server's peak RSS, all threads (VmHWM from /proc,
//        read before shutdown)
// Targets (2-core machine): 10,000 files < 20 s, peak memory < 300 MB.
// `npm run build` first. AISEC_SCALE_FILES=n changes the size; AISEC_BASELINE_DIST=/other/dist also runs
// that build's CLI in the same run (before/after ratios; its server too with AISEC_SCALE_BASELINE_LSP=1);
// AISEC_SCALE_ALSO_THREADS=n also runs `--threads n` (what more worker threads buy); AISEC_SCALE_SKIP_LSP=1
// leaves out the LSP part. AISEC_SCALE_ROUNDS=n runs it all n times, the builds taking turns, and judges the
// targets on the medians: on a host whose speed drifts by a quarter within the hour, one run at the target
// line says little.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from '../test/protocol/lsp-client';
import { buildReplica, CORPUS, type Replica } from './workspace-scale-replica';

const DIST = path.resolve(__dirname, '../dist');
const TARGET_MS = 20_000;
const TARGET_MB = 300;

interface CliRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly exitCode: number | null;
  readonly findings: number;
  readonly files: number;
}

/** A --require hook: at exit, the process's own resource usage goes to the file named by the env var. */
function usageHook(dir: string): string {
  const hook = path.join(dir, 'usage-hook.cjs');
  fs.writeFileSync(
    hook,
    `process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.AISEC_USAGE_FILE, JSON.stringify(u));
});
`,
  );
  return hook;
}

async function runCli(dist: string, replica: Replica, scratch: string, extraArgs: string[] = []): Promise<CliRun> {
  const usageFile = path.join(scratch, `usage-${Date.now()}.json`);
  const report = path.join(scratch, `report-${Date.now()}.json`);
  const started = performance.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        usageHook(scratch),
        path.join(dist, 'cli.js'),
        'scan',
        replica.dir,
        '--format',
        'json',
        ...extraArgs,
      ],
      { env: { ...process.env, AISEC_USAGE_FILE: usageFile }, stdio: ['ignore', fs.openSync(report, 'w'), 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 2) reject(new Error(`aisec scan failed: ${stderr.slice(0, 2000)}`));
      else resolve(code);
    });
  });
  const wallMs = performance.now() - started;
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings?: unknown[]; files?: unknown[] };
  return {
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
    exitCode,
    findings: json.findings?.length ?? -1,
    files: Array.isArray(json.files) ? json.files.length : -1,
  };
}

function peakRssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

type LspRun = Awaited<ReturnType<typeof runLsp>>;

async function runLsp(replica: Replica, dist = DIST) {
  const client = await TestClient.start({
    folder: replica.dir,
    settings: { scan: { scope: 'workspace' } },
    server: path.join(dist, 'server.js'),
  });
  const initialized = performance.now();
  const stamps: number[] = [];
  const push = client.published.push.bind(client.published);
  client.published.push = (...items) => {
    stamps.push(performance.now());
    return push(...items);
  };
  try {
    await client.scanEnded(30 * 60_000);
    const endMs = performance.now() - initialized;
    const uris = new Set(client.published.map((p) => p.uri));
    return {
      firstMs: stamps.length > 0 ? stamps[0] - initialized : NaN,
      lastMs: stamps.length > 0 ? stamps[stamps.length - 1] - initialized : NaN,
      endMs,
      published: uris.size,
      maxRssMb: peakRssMb(client.process.pid),
    };
  } finally {
    await client.stop();
  }
}

interface RoundResult {
  readonly cli: CliRun;
  readonly base?: CliRun;
  readonly lsp?: LspRun;
  readonly baseLsp?: LspRun;
}

/** One run of each scan the environment asks for, printed as it ends (`--threads n` in the first round only). */
async function runRound(replica: Replica, scratch: string, first: boolean): Promise<RoundResult> {
  const cli = await runCli(DIST, replica, scratch);
  const rate = (run: CliRun) => (replica.files / (run.wallMs / 1000)).toFixed(0);
  console.log(
    `  CLI scan:  ${s(cli.wallMs)} wall (${rate(cli)} files/s), ${s(cli.cpuMs)} CPU, peak RSS ${mb(cli.maxRssMb)}, ` +
      `${cli.files} files analysed, ${cli.findings} findings`,
  );
  const alsoThreads = process.env.AISEC_SCALE_ALSO_THREADS;
  if (alsoThreads && first) {
    // The same scan with another number of worker threads (the default is one fewer than the cores).
    const other = await runCli(DIST, replica, scratch, ['--threads', alsoThreads]);
    console.log(
      `  --threads ${alsoThreads}: ${s(other.wallMs)} wall (${rate(other)} files/s), ${s(other.cpuMs)} CPU, peak RSS ` +
        `${mb(other.maxRssMb)}; default/this wall ${(cli.wallMs / other.wallMs).toFixed(2)}x`,
    );
  }
  const baselineDist = process.env.AISEC_BASELINE_DIST;
  let base: CliRun | undefined;
  if (baselineDist) {
    base = await runCli(path.resolve(baselineDist), replica, scratch);
    console.log(
      `  baseline:  ${s(base.wallMs)} wall (${rate(base)} files/s), ${s(base.cpuMs)} CPU, peak RSS ` +
        `${mb(base.maxRssMb)}, ${base.findings} findings`,
    );
    console.log(
      `  ratios baseline/now: wall ${(base.wallMs / cli.wallMs).toFixed(2)}x, CPU ${(base.cpuMs / cli.cpuMs).toFixed(2)}x, ` +
        `peak RSS ${(base.maxRssMb / cli.maxRssMb).toFixed(2)}x`,
    );
  }
  if (process.env.AISEC_SCALE_SKIP_LSP) return { cli, base };
  const report = (label: string, lsp: LspRun) =>
    console.log(
      `  ${label} first diagnostics ${s(lsp.firstMs)} after initialized, scan done ${s(lsp.endMs)} ` +
        `(${(replica.files / (lsp.endMs / 1000)).toFixed(0)} files/s), last diagnostics ${s(lsp.lastMs)}, ` +
        `${lsp.published} files with diagnostics, server peak RSS ${mb(lsp.maxRssMb)}`,
    );
  const lsp = await runLsp(replica);
  report('LSP scan: ', lsp);
  // AISEC_SCALE_BASELINE_LSP=1 also runs the baseline's server (slow when it holds every file).
  let baseLsp: LspRun | undefined;
  if (baselineDist && process.env.AISEC_SCALE_BASELINE_LSP) {
    baseLsp = await runLsp(replica, path.resolve(baselineDist));
    report('baseline LSP:', baseLsp);
    console.log(
      `  ratios baseline/now (LSP): first diagnostics ${(baseLsp.firstMs / lsp.firstMs).toFixed(1)}x, ` +
        `scan ${(baseLsp.endMs / lsp.endMs).toFixed(2)}x, peak RSS ${(baseLsp.maxRssMb / lsp.maxRssMb).toFixed(2)}x`,
    );
  }
  return { cli, base, lsp, baseLsp };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (value: number) => `${value.toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

export default async function (): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`workspace-scale: corpus not found at ${CORPUS}, skipped`);
    return;
  }
  if (!fs.existsSync(path.join(DIST, 'cli.js')) || !fs.existsSync(path.join(DIST, 'server.js'))) {
    throw new Error(`${DIST}/cli.js or server.js missing: run \`npm run build\` first`);
  }
  const wanted = Number(process.env.AISEC_SCALE_FILES ?? 10_000);
  const replica = buildReplica(wanted);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-scale-out-'));
  try {
    console.log(
      `workspace-scale: ${replica.files} files, ${(replica.bytes / 1024 / 1024).toFixed(0)} MB ` +
        `(${replica.copies} copies of the corpus), ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`,
    );
    const rounds = Math.max(1, Number(process.env.AISEC_SCALE_ROUNDS ?? 1));
    const results: RoundResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      if (rounds > 1) console.log(`  round ${round} of ${rounds} (load ${os.loadavg()[0].toFixed(1)})`);
      results.push(await runRound(replica, scratch, round === 1));
    }
    const median = (values: readonly number[]): number => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    };
    const cliMs = median(results.map((r) => r.cli.wallMs));
    const cliMb = median(results.map((r) => r.cli.maxRssMb));
    const lspMb = results[0].lsp ? median(results.map((r) => r.lsp!.maxRssMb)) : undefined;
    if (rounds > 1) {
      const baseMs = results[0].base ? median(results.map((r) => r.base!.wallMs)) : undefined;
      const lspMs = results[0].lsp ? median(results.map((r) => r.lsp!.endMs)) : undefined;
      const baseLspMs = results[0].baseLsp ? median(results.map((r) => r.baseLsp!.endMs)) : undefined;
      console.log(
        `  medians of ${rounds}: CLI ${s(cliMs)}, ${mb(cliMb)}` +
          (baseMs === undefined ? '' : `; baseline ${s(baseMs)} (${(baseMs / cliMs).toFixed(2)}x)`) +
          (lspMs === undefined ? '' : `; LSP ${s(lspMs)}, ${mb(lspMb!)}`) +
          (baseLspMs === undefined || lspMs === undefined
            ? ''
            : `; baseline LSP ${s(baseLspMs)} (${(baseLspMs / lspMs).toFixed(2)}x)`),
      );
    }
    console.log(
      `  targets:   < ${s(TARGET_MS)} ${verdict(cliMs < TARGET_MS)} (CLI); < ${TARGET_MB} MB ` +
        `${verdict(cliMb < TARGET_MB)} (CLI)` +
        (lspMb === undefined ? '' : `, ${verdict(lspMb < TARGET_MB)} (server)`),
    );
  } finally {
    replica.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
