// The ARM front end vs the bare jsonc-parser parseTree it builds on, interleaved in one run after a warm-up:
//   - a ~10,000-line languageVersion 2.0 template merged from corpus templates (parameters, variables,
//     resources and outputs of several files in one document), and
//   - the largest corpus template as it is (nested deployments of compiled Bicep modules, ~58,000 lines).
// Prints medians in ms and the ratio analyzeArm / parseTree (what evaluation, nested deployments and the
// model cost on top of reading the JSON).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree } from 'jsonc-parser';
import { analyzeArm } from '../server/src/parse/arm';
import { forgetParsedExpressions } from '../server/src/parse/arm/expression';

const ROOT = path.resolve(__dirname, '..');
const CORPUS_ARM = path.resolve(ROOT, '../shared/corpus/arm');
const TARGET_LINES = 10_000;
const WARMUP_ROUNDS = 10;
const MEASURED_ROUNDS = 30;

interface Template {
  readonly file: string;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

function listTemplates(): Template[] {
  const files = fs
    .readdirSync(CORPUS_ARM, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(CORPUS_ARM, name))
    .sort();
  const templates: Template[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/deploymentTemplate\.json/i.test(text.slice(0, 400))) continue;
    try {
      templates.push({ file, text, json: JSON.parse(text) as Record<string, unknown> });
    } catch {
      // Not strict JSON (comments): not used for the merged input.
    }
  }
  return templates;
}

const lineCount = (text: string): number => text.split('\n').length;

/** Sections of 2.0 templates merged until the pretty-printed result reaches TARGET_LINES. */
function mergedTemplate(templates: readonly Template[]): string {
  const symbolic = templates
    .filter((t) => t.json.languageVersion === '2.0' && typeof t.json.resources === 'object')
    .sort((a, b) => lineCount(a.text) - lineCount(b.text));
  const merged: Record<string, unknown> = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    languageVersion: '2.0',
    contentVersion: '1.0.0.0',
    definitions: {},
    parameters: {},
    variables: {},
    resources: {},
    outputs: {},
  };
  let text = JSON.stringify(merged, null, 2);
  for (const template of symbolic) {
    if (lineCount(text) >= TARGET_LINES) break;
    for (const section of ['definitions', 'parameters', 'variables', 'resources', 'outputs']) {
      Object.assign(merged[section] as object, (template.json[section] as object | undefined) ?? {});
    }
    text = JSON.stringify(merged, null, 2);
  }
  return text;
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

function compare(label: string, text: string, rounds: number): void {
  const bare = () => void parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  let resources = 0;
  const ours = () => {
    // Every round as a fresh scan: the shared cache of parsed expressions would answer later rounds.
    forgetParsedExpressions();
    resources = analyzeArm({ uri: 'file:///bench/azuredeploy.json', text }, [])
      .documents.map((d) => d.resources.length)
      .reduce((a, b) => a + b, 0);
  };
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    bare();
    ours();
  }
  const bareTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Interleave, alternating who goes first, so drift and GC hit both alike.
    if (round % 2 === 0) {
      bareTimes.push(timeMs(bare));
      ourTimes.push(timeMs(ours));
    } else {
      ourTimes.push(timeMs(ours));
      bareTimes.push(timeMs(bare));
    }
  }
  const [b, o] = [median(bareTimes), median(ourTimes)];
  console.log(
    `  ${label}: ${lineCount(text)} lines, ${(text.length / 1024).toFixed(0)} KiB, ${resources} resources` +
      `\n    jsonc-parser parseTree  median ${b.toFixed(2)} ms` +
      `\n    analyzeArm              median ${o.toFixed(2)} ms  (${(o / b).toFixed(1)}× parseTree)`,
  );
}

export default async function (): Promise<void> {
  if (!fs.existsSync(CORPUS_ARM)) {
    console.log(`arm-parse: corpus not found at ${CORPUS_ARM}, skipped`);
    return;
  }
  const templates = listTemplates();
  console.log('arm-parse: aisec ARM front end (analyzeArm) vs bare jsonc-parser parseTree');
  compare('merged 2.0 template', mergedTemplate(templates), MEASURED_ROUNDS);
  const largest = templates.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  compare(`largest corpus template (${path.basename(largest.file)})`, largest.text, 10);
}

if (require.main === module) void exports.default();
