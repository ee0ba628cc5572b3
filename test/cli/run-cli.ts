// Runs the real bundle (dist/cli.js) in a child process. The bundle is built once per test run.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const SAMPLES = path.join(ROOT, 'test-fixtures/samples');

let built = false;

/** Builds dist/cli.js (scripts/build.mjs cli) unless this process already did. */
export function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'cli'], { cwd: ROOT, stdio: 'pipe' });
  built = true;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function aisec(args: readonly string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary directory with the given files; removed by the returned function. */
export function tempWorkspace(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a directory tree into a fresh temporary directory. */
export function copyToTemp(source: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-cli-'));
  fs.cpSync(source, dir, { recursive: true });
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const OPEN_ACCOUNT_BICEP = `resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-test'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: 'oai-test'
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}
`;
