// Terraform front end: bare tree-sitter parsing vs our full analysis (parse + conversion to plain JS +
// evaluation + azurerm mapping) on a ~2,000-line module directory built from corpus .tf files, plus the
// conversion step alone (from the real text, and from the packed text a fresh parse reads). Medians over
// interleaved rounds after a warm-up. The full analysis is measured with the per-file cache (emptied before
// each round: a first scan) and in batch mode (no cache).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../server/src/model/frontend';
import {
  analyzeTerraform,
  clearTerraformCache,
  IncrementalTerraformParser,
  initTerraform,
  parseTerraformFile,
  bypassTerraformTreeCache,
  packTerraformTemplates,
} from '../server/src/parse/terraform';
import { terraformParser } from '../server/src/parse/terraform/wasm';

const CORPUS = path.resolve(__dirname, '../../shared/corpus/terraform');
const TARGET_LINES = 2000;
const WARMUP_ROUNDS = 10;
const MEASURED_ROUNDS = 30;

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

/** Corpus .tf files, largest resource files first, until the module reaches ~2,000 lines. */
function buildModule(): SourceFile[] {
  const candidates: { name: string; text: string }[] = [];
  for (const repo of fs.readdirSync(CORPUS).sort()) {
    for (const name of fs.readdirSync(path.join(CORPUS, repo)).sort()) {
      if (!name.endsWith('.tf')) continue;
      const text = fs.readFileSync(path.join(CORPUS, repo, name), 'utf8');
      if (/^resource "/m.test(text)) candidates.push({ name: `${repo}__${name}`, text });
    }
  }
  candidates.sort((a, b) => b.text.length - a.text.length || a.name.localeCompare(b.name));
  const files: SourceFile[] = [];
  let lines = 0;
  for (const candidate of candidates) {
    if (lines >= TARGET_LINES) break;
    const count = candidate.text.split('\n').length;
    if (lines + count > TARGET_LINES * 1.1) continue;
    files.push({ uri: `file:///bench/module/${candidate.name}`, text: candidate.text });
    lines += count;
  }
  return files;
}

export default async function (): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`terraform-parse: corpus not found at ${CORPUS}, skipped`);
    return;
  }
  await initTerraform();
  const parser = terraformParser();
  const files = buildModule();
  const lines = files.reduce((sum, file) => sum + file.text.split('\n').length, 0);
  const bare = () => {
    for (const file of files) parser.parse(file.text)?.delete();
  };
  // A fresh parse reads the text with its template literals packed (packed-text.ts); the editor's
  // incremental parser and this line parse the real text.
  const converted = () => {
    for (const file of files) parseTerraformFile(file.text);
  };
  const convertedUnpacked = () => {
    const previous = packTerraformTemplates(false);
    try {
      for (const file of files) parseTerraformFile(file.text);
    } finally {
      packTerraformTemplates(previous);
    }
  };
  const full = () => {
    clearTerraformCache(); // unchanged texts would be served from the cache
    analyzeTerraform(files, []);
  };
  const batch = () => {
    bypassTerraformTreeCache(true);
    try {
      analyzeTerraform(files, []);
    } finally {
      bypassTerraformTreeCache(false);
    }
  };
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    bare();
    converted();
    convertedUnpacked();
    full();
    batch();
  }
  const times = {
    bare: [] as number[],
    converted: [] as number[],
    convertedUnpacked: [] as number[],
    full: [] as number[],
    batch: [] as number[],
  };
  for (let round = 0; round < MEASURED_ROUNDS; round++) {
    times.bare.push(timeMs(bare));
    times.converted.push(timeMs(converted));
    times.convertedUnpacked.push(timeMs(convertedUnpacked));
    times.full.push(timeMs(full));
    times.batch.push(timeMs(batch));
  }
  // Typing in the largest file: one character inserted, then removed, re-parsed through the kept tree.
  const largest = files.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const incremental = new IncrementalTerraformParser();
  incremental.parse(largest.uri, largest.text);
  const at = largest.text.indexOf('\n', largest.text.length >> 1);
  const rowOf = (text: string, index: number) => text.slice(0, index).split('\n').length - 1;
  const columnOf = (text: string, index: number) => index - (text.lastIndexOf('\n', index - 1) + 1);
  const edited = `${largest.text.slice(0, at)} ${largest.text.slice(at)}`;
  const point = { row: rowOf(largest.text, at), column: columnOf(largest.text, at) };
  const typing: number[] = [];
  const fullFile: number[] = [];
  for (let round = 0; round < MEASURED_ROUNDS; round++) {
    const [from, to] = round % 2 === 0 ? [largest.text, edited] : [edited, largest.text];
    const inserting = to.length > from.length;
    incremental.edit(largest.uri, {
      startIndex: at,
      oldEndIndex: inserting ? at : at + 1,
      newEndIndex: inserting ? at + 1 : at,
      startPosition: point,
      oldEndPosition: inserting ? point : { row: point.row, column: point.column + 1 },
      newEndPosition: inserting ? { row: point.row, column: point.column + 1 } : point,
    });
    typing.push(timeMs(() => incremental.parse(largest.uri, to)));
    fullFile.push(timeMs(() => parseTerraformFile(to)));
  }
  incremental.dispose();
  const result = analyzeTerraform(files, []);
  const resources = result.documents.reduce((sum, d) => sum + d.resources.length, 0);
  console.log('terraform-parse: bare tree-sitter parse vs analyzeTerraform');
  console.log(`  module: ${files.length} corpus files, ${lines} lines, ${resources} resources`);
  console.log(`  tree-sitter parse only (parse + delete):      median ${median(times.bare).toFixed(2)} ms`);
  console.log(
    `  parse + conversion to plain JS, real text:    median ${median(times.convertedUnpacked).toFixed(2)} ms`,
  );
  console.log(`  parse + conversion, templates packed (fresh): median ${median(times.converted).toFixed(2)} ms`);
  console.log(`  analyzeTerraform (parse, evaluate, map):      median ${median(times.full).toFixed(2)} ms`);
  console.log(`  analyzeTerraform in batch mode (no cache):    median ${median(times.batch).toFixed(2)} ms`);
  console.log(`  overhead over bare parse: ${(median(times.full) / median(times.bare)).toFixed(2)}x`);
  console.log(
    `  one-character edit in the largest file (${largest.text.split('\n').length} lines): incremental ${median(typing).toFixed(2)} ms, fresh parse ${median(fullFile).toFixed(2)} ms`,
  );
}
