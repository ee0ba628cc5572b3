// The same extension-host suite (test/e2e/suite) in VS Code desktop through @vscode/test-electron, for machines
// that can download VS Code (CI here cannot: it uses test/e2e/run.sh with code-server instead).
// Usage: npm run build && npx esbuild test/e2e/suite/*.ts --platform=node --format=cjs --outdir=out/e2e/suite
//        && npx tsx test/e2e/run-electron.ts [--version 1.100.3]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const versionIndex = process.argv.indexOf('--version');
  const version = versionIndex > 0 ? process.argv[versionIndex + 1] : 'stable';
  const suite = path.join(root, 'out/e2e/suite/index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} missing: compile test/e2e/suite first (see the usage line)`);
  // A scratch copy of the fixture workspace outside the repository (the scan honours .gitignore).
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-e2e-electron-'));
  fs.cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('FAIL e2e (electron):', error);
  process.exit(1);
});
