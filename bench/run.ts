// `npm run bench`: runs every bench/*.bench.ts in turn (or only those whose name contains an argument:
// `npm run bench -- scan`). Each file default-exports an async function that prints its own figures.
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
  let failed = 0;
  for (const name of files) {
    const started = Date.now();
    console.log(`\n== ${name}`);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bench = require(path.join(__dirname, name)) as { default?: () => Promise<void> | void };
      if (typeof bench.default !== 'function') throw new Error('no default-exported function');
      await bench.default();
    } catch (error) {
      failed++;
      console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
    }
    console.log(`   (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (failed > 0) process.exitCode = 1;
}

void main();
