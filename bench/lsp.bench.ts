// The language server as an editor feels it, next to the bare parse of the same text in the same run:
//   open (cold)  fresh server process, didOpen → publishDiagnostics
//   open (warm)  same server, the text opened again under a new uri → publishDiagnostics
//   edit         didChange (a one-character edit in the middle) → publishDiagnostics of that version
// over the bundled server (`dist/server.js --stdio`, debounce 0), for a ~1,000-line Bicep file, a ~10,000-line
// ARM template and a ~2,000-line Terraform module built from corpus files; and the bare parse of the same
// text in this process (our Bicep parser, jsonc-parser, tree-sitter). Targets: edit p95 < 16 ms and < 2× the
// bare parse. Also the in-process re-lint (session.setFile + check, no JSON-RPC) to show where time goes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTree } from 'jsonc-parser';
import { WorkspaceSession } from '../server/src/engine';
import { parseBicep } from '../server/src/parse/bicep';
import { TestClient, uriOf, workspace } from '../test/protocol/lsp-client';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const COLD_RUNS = 5;
const WARM_RUNS = 20;
const EDIT_WARMUP = 10;
const EDIT_RUNS = 60;
const PARSE_WARMUP = 20;
const PARSE_RUNS = 60;

interface Input {
  readonly label: string;
  readonly file: string;
  readonly text: string;
  readonly parse: (text: string) => void;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const lineCount = (text: string) => text.split('\n').length;

/** CPU time of `run` in this process (user + system), in ms: robust against a busy machine. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The corpus Bicep file closest to 1,000 lines. */
function bicepInput(): Input {
  const files = listFiles(path.join(CORPUS, 'bicep'), '.bicep');
  const best = closest(files, 1000);
  return { label: 'Bicep', file: 'main.bicep', text: best.text, parse: (t) => void parseBicep(t) };
}

/**
 * A ~10,000-line ARM template from the corpus: the largest languageVersion 2.0 template under 10,000 lines
 * (AVM storage account, 8,317 lines), with the sections (parameters, definitions, variables, resources,
 * outputs) of the smallest other templates merged in (first name wins) until it reaches 10,000 lines.
 */
function armInput(): Input {
  const sections = ['parameters', 'definitions', 'variables', 'resources', 'outputs'];
  const templates = listFiles(path.join(CORPUS, 'arm'), '.json')
    .filter((f) => /deploymentTemplate\.json/.test(f.text.slice(0, 400)))
    .map((f) => {
      try {
        return { ...f, json: JSON.parse(f.text) as Record<string, unknown>, lines: lineCount(f.text) };
      } catch {
        return undefined;
      }
    })
    .filter((t) => t !== undefined && t.json.languageVersion === '2.0' && typeof t.json.resources === 'object')
    .map((t) => t!)
    .sort((a, b) => a.lines - b.lines);
  const base = [...templates].reverse().find((t) => t.lines < 10000)!;
  const merged = structuredClone(base.json);
  let text = JSON.stringify(merged, null, 2);
  for (const template of templates) {
    if (template === base || lineCount(text) >= 10000) continue;
    for (const section of sections) {
      const from = template.json[section] as Record<string, unknown> | undefined;
      if (!from) continue;
      const into = (merged[section] ??= {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(from)) if (!(key in into)) into[key] = value;
    }
    text = JSON.stringify(merged, null, 2);
  }
  return { label: 'ARM', file: 'azuredeploy.json', text, parse: (t) => void parseTree(t) };
}

/** The root .tf files of corpus modules concatenated into one main.tf of ~2,000 lines. */
function terraformInput(parse: (text: string) => void): Input {
  const dirs = fs
    .readdirSync(path.join(CORPUS, 'terraform'))
    .map((d) => path.join(CORPUS, 'terraform', d))
    .sort();
  const parts: string[] = [];
  let lines = 0;
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.tf') || name.includes('__')) continue;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      parts.push(`# ---- ${path.basename(dir)}/${name}\n${text}`);
      lines += lineCount(text);
      if (lines >= 2000) break;
    }
    if (lines >= 2000) break;
  }
  return { label: 'Terraform', file: 'main.tf', text: parts.join('\n'), parse };
}

function listFiles(dir: string, ext: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) {
      const file = path.join(entry.parentPath, entry.name);
      out.push({ file, text: fs.readFileSync(file, 'utf8') });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

function closest(files: { file: string; text: string }[], lines: number) {
  return files.reduce((best, f) =>
    Math.abs(lineCount(f.text) - lines) < Math.abs(lineCount(best.text) - lines) ? f : best,
  );
}

/** A one-character edit in the middle of the text (a space before the middle line's newline), toggled. */
function edited(text: string, on: boolean): string {
  const middle = middleOffset(text);
  return on ? `${text.slice(0, middle)} ${text.slice(middle)}` : text;
}

function middleOffset(text: string): number {
  return text.indexOf('\n', Math.floor(text.length / 2));
}

/** The same edit as an editor sends it: one incremental change of one character. */
function sendEdit(client: TestClient, uri: string, text: string, on: boolean): number {
  const offset = middleOffset(text);
  const line = text.slice(0, offset).split('\n').length - 1;
  const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const start = { line, character };
  const range = on ? { start, end: start } : { start, end: { line, character: character + 1 } };
  return client.changeRange(uri, range, on ? ' ' : '', edited(text, on));
}

async function openAndWait(client: TestClient, uri: string, text: string): Promise<number> {
  const start = performance.now();
  client.open(uri, text);
  await client.waitForDiagnostics(uri, undefined, 60000);
  return performance.now() - start;
}

async function measureServer(input: Input) {
  const settings = { debounceMs: 0, scan: { scope: 'openFiles' } };
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const folder = workspace({});
    const client = await TestClient.start({ folder, settings });
    cold.push(await openAndWait(client, uriOf(folder, input.file), input.text));
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const folder = workspace({});
  const client = await TestClient.start({ folder, settings });
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS + 2; i++) {
    const dir = `copy${i}`;
    const ms = await openAndWait(client, uriOf(folder, `${dir}/${input.file}`), input.text);
    if (i >= 2) warm.push(ms);
    client.close(uriOf(folder, `${dir}/${input.file}`));
  }
  const uri = uriOf(folder, input.file);
  await openAndWait(client, uri, input.text);
  // Each edit is followed by a bare parse of the same text in this process, so that both see the same load.
  // The server reports each run's CPU time (AISEC_LSP_TIMING); compared with the parse's CPU time here.
  const edits: number[] = [];
  const parses: number[] = [];
  const serverCpu: number[] = [];
  const parseCpu: number[] = [];
  let diagnosticsCount = 0;
  for (let i = 0; i < EDIT_WARMUP + EDIT_RUNS; i++) {
    const logged = client.logs.length;
    const start = performance.now();
    const version = sendEdit(client, uri, input.text, i % 2 === 0);
    const diagnostics = await client.waitForDiagnostics(uri, (_, p) => p.version === version, 60000);
    const elapsed = performance.now() - start;
    const cpuLine = await client.until(
      () => client.logs.slice(logged).find((line) => line.includes('; cpu ')),
      'the run timing',
    );
    const text = edited(input.text, i % 2 === 0);
    const parse = timeMs(() => input.parse(text));
    const parseCpuMs = cpuMs(() => input.parse(text));
    if (i >= EDIT_WARMUP) {
      edits.push(elapsed);
      parses.push(parse);
      serverCpu.push(Number(/; cpu ([\d.]+) ms/.exec(cpuLine)![1]));
      parseCpu.push(parseCpuMs);
    }
    diagnosticsCount = diagnostics.length;
  }
  // The transport's own round trip under the same load: a hover where nothing is flagged (answered from cache).
  const pings: number[] = [];
  for (let i = 0; i < EDIT_RUNS; i++) {
    const start = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    pings.push(performance.now() - start);
  }
  await client.stop();
  fs.rmSync(folder, { recursive: true, force: true });
  return { cold, warm, edits, parses, pings, serverCpu, parseCpu, diagnosticsCount };
}

/** Re-lint without the protocol (setFile + check), interleaved with the bare parse of the same text. */
async function measureInProcess(input: Input): Promise<{ relint: number[]; parses: number[] }> {
  const session = await WorkspaceSession.create({});
  const uri = `file:///bench/${input.file}`;
  const relint: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < EDIT_WARMUP + EDIT_RUNS; i++) {
    const text = edited(input.text, i % 2 === 0);
    const ms = timeMs(() => {
      session.setFile(uri, text);
      session.check([uri]);
    });
    const parse = timeMs(() => input.parse(text));
    if (i >= EDIT_WARMUP) {
      relint.push(ms);
      parses.push(parse);
    }
  }
  return { relint, parses };
}

function measureParse(input: Input): number[] {
  const times: number[] = [];
  for (let i = 0; i < PARSE_WARMUP + PARSE_RUNS; i++) {
    const text = edited(input.text, i % 2 === 0);
    const ms = timeMs(() => input.parse(text));
    if (i >= PARSE_WARMUP) times.push(ms);
  }
  return times;
}

async function treeSitterParse(): Promise<(text: string) => void> {
  const { initTerraform, terraformParserForBench } = await loadTerraform();
  await initTerraform();
  const parser = terraformParserForBench();
  return (text) => parser.parse(text)?.delete();
}

async function loadTerraform() {
  const terraform = await import('../server/src/parse/terraform');
  const wasm = await import('../server/src/parse/terraform/wasm');
  return { initTerraform: terraform.initTerraform, terraformParserForBench: wasm.terraformParser };
}

export default async function (): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`lsp: corpus not found at ${CORPUS}, skipped`);
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) {
    console.log('lsp: dist/server.js missing (run `npm run build`), skipped');
    return;
  }
  const inputs = [bicepInput(), armInput(), terraformInput(await treeSitterParse())];
  const timingBefore = process.env.AISEC_LSP_TIMING;
  process.env.AISEC_LSP_TIMING = '1'; // the spawned servers log each run's CPU time
  console.log('lsp: didOpen/didChange → publishDiagnostics over stdio (bundled server, debounce 0) vs bare parse');
  for (const input of inputs) {
    const parse = measureParse(input);
    const inProcess = await measureInProcess(input);
    const server = await measureServer(input);
    const p = (values: number[]) => `p50 ${fmt(quantile(values, 0.5))}  p95 ${fmt(quantile(values, 0.95))}`;
    const ratio = (values: number[], parses: number[]) => (quantile(values, 0.5) / quantile(parses, 0.5)).toFixed(1);
    console.log(
      `  ${input.label}: ${lineCount(input.text)} lines, ${(input.text.length / 1024).toFixed(0)} KB, ${server.diagnosticsCount} diagnostics`,
    );
    console.log(`    bare parse          ${p(parse)}`);
    console.log(`    open (cold)         ${p(server.cold)}`);
    console.log(`    open (warm)         ${p(server.warm)}   ${ratio(server.warm, parse)}× parse (p50)`);
    console.log(
      `    edit → diagnostics  ${p(server.edits)}   ${ratio(server.edits, server.parses)}× parse (p50, parse interleaved: ${p(server.parses)})`,
    );
    console.log(
      `    edit, CPU time      server run ${p(server.serverCpu)} vs parse ${p(server.parseCpu)}   ${ratio(server.serverCpu, server.parseCpu)}× (p50)`,
    );
    console.log(`    round trip (hover)  ${p(server.pings)}   (JSON-RPC + scheduling, included in the lines above)`);
    console.log(
      `    re-lint in process  ${p(inProcess.relint)}   ${ratio(inProcess.relint, inProcess.parses)}× parse (p50, interleaved)`,
    );
    const meets = quantile(server.edits, 0.95) < 16 && quantile(server.edits, 0.5) < 2 * quantile(server.parses, 0.5);
    console.log(`    target (edit p95 < 16 ms and p50 < 2× parse): ${meets ? 'meets' : 'misses'}`);
  }
  if (timingBefore === undefined) delete process.env.AISEC_LSP_TIMING;
  else process.env.AISEC_LSP_TIMING = timingBefore;
  console.log(
    `  (load average during the run: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs)`,
  );
}

// Run directly: `node --import tsx bench/lsp.bench.ts`.
if (require.main === module) void module.exports.default();
