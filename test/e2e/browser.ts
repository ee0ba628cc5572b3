// Shared bits of the two code-server drivers: launch Debian's chromium headless with playwright-core, timed log.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.AISEC_E2E_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(viewport = { width: 1400, height: 900 }): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  // launchPersistentContext = a fresh --user-data-dir (Playwright refuses --user-data-dir in args).
  const profile = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'aisec-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function timer(prefix: string): (...parts: unknown[]) => void {
  const t0 = Date.now();
  return (...parts) => console.log(`[${prefix} ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);
}
