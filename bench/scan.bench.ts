// Scan throughput over the corpus next to the bare parse of the same files, in the same run:
//   parse only  our Bicep parser (.bicep, .bicepparam), jsonc-parser parseTree (.json), tree-sitter (.tf, .tfvars)
//   scan        scanPaths: discovery, reading, the three front ends (model, parameters, cross-file passes),
//               the workspace index, all rules, suppressions
// Both after one warm-up round; medians of the measured rounds. The ratio scan/parse is what the engine
// and the model cost on top of parsing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree } from 'jsonc-parser';
import { scanPaths } from '../server/src/engine';
import { discoverDirectory, readCandidate } from '../server/src/engine/discovery';
import { initFrontEnds } from '../server/src/engine/frontends';
import { parseBicep } from '../server/src/parse/bicep';

const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface TreeSitterParser {
  parse(text: string): { delete(): void } | null;
}

async function terraformParser(): Promise<TreeSitterParser> {
  await initFrontEnds();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wasm = require('../server/src/parse/terraform/wasm') as { terraformParser(): TreeSitterParser };
  return wasm.terraformParser();
}

export default async function (): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`scan: corpus not found at ${CORPUS}, skipped`);
    return;
  }
  const files = (await discoverDirectory(CORPUS))
    .map(readCandidate)
    .filter((f): f is { path: string; text: string } => f.text !== undefined);
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  const treeSitter = await terraformParser();
  const parseAll = () => {
    for (const { path: file, text } of files) {
      if (file.endsWith('.bicep') || file.endsWith('.bicepparam')) parseBicep(text);
      else if (file.endsWith('.json') || file.endsWith('.jsonc')) parseTree(text, [], { allowTrailingComma: true });
      else treeSitter.parse(text)?.delete();
    }
  };
  const time = async (run: () => unknown): Promise<number> => {
    const start = process.hrtime.bigint();
    await run();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };

  // Warm-up, then interleaved rounds.
  parseAll();
  let findings = 0;
  await scanPaths([CORPUS]);
  const parseTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    parseTimes.push(await time(parseAll));
    scanTimes.push(
      await time(async () => {
        findings = (await scanPaths([CORPUS])).findings.length;
      }),
    );
  }
  const parseMs = median(parseTimes);
  const scanMs = median(scanTimes);
  const rate = (ms: number) => (files.length / (ms / 1000)).toFixed(0);
  console.log(`scan: ${files.length} corpus files (${(bytes / 1024 / 1024).toFixed(1)} MB), ${findings} findings`);
  console.log(`  parse only: ${parseMs.toFixed(0)} ms  (${rate(parseMs)} files/s)`);
  console.log(`  full scan:  ${scanMs.toFixed(0)} ms  (${rate(scanMs)} files/s)`);
  console.log(`  ratio scan/parse: ${(scanMs / parseMs).toFixed(1)}x`);
}
