// Our Bicep parser vs tree-sitter-bicep (WebAssembly), side by side in one run: on the corpus files that
// tree-sitter-bicep parses without errors (so both do the same work), interleaved per file after a
// warm-up, medians per file and the median ratio; plus the absolute time for a ~1,000-line file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseBicep } from '../server/src/parse/bicep';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const WARMUP_ROUNDS = 20;
const MEASURED_ROUNDS = 30;

interface TreeSitterParser {
  parse(text: string): { rootNode: { hasError: boolean }; delete(): void } | null;
  setLanguage(language: unknown): void;
}

function findBicepFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findBicepFiles(full, out);
    else if (entry.name.endsWith('.bicep')) out.push(full);
  }
  return out.sort();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function loadTreeSitter(): Promise<TreeSitterParser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Parser, Language } = require('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(path.join(ROOT, 'node_modules/tree-sitter-bicep/tree-sitter-bicep.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser as TreeSitterParser;
}

export default async function (): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`bicep-parse: corpus not found at ${CORPUS}, skipped`);
    return;
  }
  const treeSitter = await loadTreeSitter();
  const treeSitterParse = (text: string): void => treeSitter.parse(text)?.delete();
  const all = findBicepFiles(CORPUS).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const comparable = all.filter(({ text }) => {
    const tree = treeSitter.parse(text);
    const ok = tree !== null && !tree.rootNode.hasError;
    tree?.delete();
    return ok;
  });

  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    for (const { text } of comparable) {
      parseBicep(text);
      treeSitterParse(text);
    }
  }

  const ratios: number[] = [];
  let oursTotal = 0;
  let theirsTotal = 0;
  for (const { text } of comparable) {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < MEASURED_ROUNDS; round++) {
      // Interleave, alternating who goes first, so drift and GC hit both alike.
      if (round % 2 === 0) {
        ours.push(timeMs(() => parseBicep(text)));
        theirs.push(timeMs(() => treeSitterParse(text)));
      } else {
        theirs.push(timeMs(() => treeSitterParse(text)));
        ours.push(timeMs(() => parseBicep(text)));
      }
    }
    oursTotal += median(ours);
    theirsTotal += median(theirs);
    ratios.push(median(ours) / median(theirs));
  }

  // The corpus file closest to 1,000 lines.
  const lineCount = (text: string): number => text.split('\n').length;
  const thousand = all.reduce((best, next) =>
    Math.abs(lineCount(next.text) - 1000) < Math.abs(lineCount(best.text) - 1000) ? next : best,
  );
  const thousandTimes: number[] = [];
  for (let round = 0; round < 200; round++) thousandTimes.push(timeMs(() => parseBicep(thousand.text)));

  console.log('bicep-parse: aisec Bicep parser vs tree-sitter-bicep (web-tree-sitter, wasm)');
  console.log(
    `  files: ${comparable.length} of ${all.length} corpus .bicep files parse without errors in tree-sitter-bicep`,
  );
  console.log(`  sum of per-file medians: aisec ${oursTotal.toFixed(2)} ms, tree-sitter ${theirsTotal.toFixed(2)} ms`);
  console.log(`  median per-file ratio aisec/tree-sitter: ${median(ratios).toFixed(2)} (lower is faster)`);
  console.log(
    `  ~1,000-line file (${path.basename(thousand.file)}, ${lineCount(thousand.text)} lines): median ${median(thousandTimes).toFixed(3)} ms`,
  );
}
