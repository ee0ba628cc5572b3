// Route B: runs the mocha suite (out/e2e/suite) inside code-server's real node extension host.
// code-server has no --extensionTestsPath flag, but VS Code's web workbench reads extensionDevelopmentPath and
// extensionTestsPath from the page URL's `payload`; when the suite ends it calls window.codeAutomationExit(code)
// and forwards the extension host's console to window.codeAutomationLog (how @vscode/test-web collects results).
// Usage: tsx test/e2e/ext-host.ts <baseUrl> <extensionDir> <workspaceDir>
import * as path from 'path';
import * as util from 'util';
import { launch, timer } from './browser';

async function main(): Promise<number> {
  const [base, extensionDir, workspace] = process.argv.slice(2);
  if (!base || !extensionDir || !workspace) throw new Error('usage: ext-host.ts <baseUrl> <extensionDir> <workspace>');
  const log = timer('B');
  const authority = new URL(base).host; // code-server's remote authority is the page's host:port
  const remote = (p: string) => `vscode-remote://${authority}${p}`;
  const { context, close } = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let resolveExit: (code: number | string) => void = () => undefined;
    const exited = new Promise<number | string>((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      // The workbench's own console noise (offline gallery lookups, service worker) is not ours: keep the suite.
      if (type === 'error' && !/aisec|Error:|assert/i.test(text)) return;
      console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(path.join(extensionDir, 'out/e2e/suite/index.js'))],
    ]);
    log('opening the workbench with the extension test payload');
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const timeoutMs = 300_000;
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    log(`extension host tests exit code: ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('FAIL route B:', error);
    process.exit(1);
  },
);
