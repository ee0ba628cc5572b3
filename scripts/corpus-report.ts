// Corpus report: runs the whole rule catalogue over the real IaC corpus and prints, per rule, how many
// findings are definite / cannot-verify (review) / suppressed, split by language, with sample findings to read.
// The point is accuracy review: every definite finding on real code should be one a security reviewer agrees
// with, so read the samples in the files, and fix rule semantics (never tune rules to the corpus).
//
//   npx tsx scripts/corpus-report.ts [--rule ID] [--samples N] [--kind fail|review] [--corpus DIR]
//
// Each repository folder (`<corpus>/<language>/<owner__repo>`) is scanned as one workspace, as the CLI scans
// a directory argument, so parameter files, modules and private endpoints link across files. The built-in
// default configuration is used (not any `.aisec.json` found above the corpus).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, isEngineDiagnostic, scanPaths, type Finding } from '../server/src/engine';
import { LineIndex } from '../server/src/model/span';

const ROOT = path.resolve(__dirname, '..');

interface Options {
  readonly corpus: string;
  readonly rule?: string;
  readonly samples: number;
  readonly kind?: 'fail' | 'review';
}

function parseArgs(argv: readonly string[]): Options {
  let corpus = process.env.AISEC_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
  let rule: string | undefined;
  let samples = 3;
  let kind: 'fail' | 'review' | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    if (arg === '--rule') rule = value().toUpperCase();
    else if (arg === '--samples') samples = Number(value());
    else if (arg === '--corpus') corpus = path.resolve(value());
    else if (arg === '--kind') {
      const v = value();
      if (v !== 'fail' && v !== 'review') usage('--kind is fail or review');
      kind = v;
    } else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(samples) || samples < 0) usage('--samples must be a whole number');
  if (!fs.existsSync(corpus)) usage(`corpus not found: ${corpus} (set --corpus or AISEC_CORPUS)`);
  return { corpus, rule, samples, kind };
}

function usage(problem?: string): never {
  if (problem) console.error(problem);
  console.error(
    'usage: npx tsx scripts/corpus-report.ts [--rule ID] [--samples N] [--kind fail|review] [--corpus DIR]',
  );
  process.exit(problem ? 2 : 0);
}

type Language = 'bicep' | 'arm' | 'terraform';
const LANGUAGES: readonly Language[] = ['bicep', 'arm', 'terraform'];

function languageOf(file: string): Language {
  if (/\.(bicep|bicepparam)$/i.test(file)) return 'bicep';
  if (/\.(tf|tfvars)$/i.test(file)) return 'terraform';
  return 'arm';
}

/** The repository folders of the corpus: `<corpus>/<language>/<repo>` (or any folder directly below). */
function workspaces(corpus: string): string[] {
  const dirs: string[] = [];
  for (const language of fs.readdirSync(corpus, { withFileTypes: true })) {
    if (!language.isDirectory()) continue;
    const languageDir = path.join(corpus, language.name);
    for (const repo of fs.readdirSync(languageDir, { withFileTypes: true })) {
      if (repo.isDirectory()) dirs.push(path.join(languageDir, repo.name));
    }
  }
  return dirs.sort();
}

interface Counts {
  fail: number;
  review: number;
  suppressed: number;
}

interface RuleTally {
  readonly byLanguage: Record<Language, Counts>;
  /** Unsuppressed findings, to sample from. */
  readonly findings: Finding[];
}

const emptyCounts = (): Counts => ({ fail: 0, review: 0, suppressed: 0 });

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const tallies = new Map<string, RuleTally>();
  let files = 0;
  let skipped = 0;
  let syntaxProblems = 0;
  const started = Date.now();

  for (const dir of workspaces(options.corpus)) {
    const result = await scanPaths([dir], { config: DEFAULT_CONFIG, today: '2026-01-01' });
    files += result.files.length;
    skipped += result.skipped.length;
    syntaxProblems += result.syntaxProblems.length;
    for (const finding of result.findings) {
      if (isEngineDiagnostic(finding.ruleId)) continue;
      if (options.rule && finding.ruleId !== options.rule) continue;
      if (options.kind && finding.kind !== options.kind) continue;
      record(finding, tallies);
    }
  }

  print(tallies, options);
  console.log(
    `\n${files} files analysed, ${skipped} skipped, ${syntaxProblems} syntax problems, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function record(finding: Finding, tallies: Map<string, RuleTally>): void {
  const file = fileURLToPath(finding.uri);
  const language = languageOf(file);
  let tally = tallies.get(finding.ruleId);
  if (!tally) {
    tally = {
      byLanguage: { bicep: emptyCounts(), arm: emptyCounts(), terraform: emptyCounts() },
      findings: [],
    };
    tallies.set(finding.ruleId, tally);
  }
  const counts = tally.byLanguage[language];
  if (finding.suppression) counts.suppressed++;
  else if (finding.kind === 'fail') counts.fail++;
  else counts.review++;
  if (!finding.suppression) tally.findings.push(finding);
}

/** N findings spread evenly over the rule's list (which is in repository order), so samples are not all from
 *  the first repository; deterministic, so two runs show the same samples. */
function pickSamples(findings: readonly Finding[], wanted: number): Finding[] {
  if (findings.length <= wanted) return [...findings];
  const step = findings.length / wanted;
  return Array.from({ length: wanted }, (_, i) => findings[Math.floor(i * step)]);
}

function where(finding: Finding, corpus: string, lineIndexes: Map<string, LineIndex>): string {
  const file = fileURLToPath(finding.uri);
  let lines = lineIndexes.get(finding.uri);
  if (!lines) {
    lines = new LineIndex(fs.readFileSync(file, 'utf8'));
    lineIndexes.set(finding.uri, lines);
  }
  const position = lines.positionAt(finding.span.start);
  return `${path.relative(corpus, file)}:${position.line + 1}:${position.character + 1}`;
}

function print(tallies: Map<string, RuleTally>, options: Options): void {
  const ids = [...tallies.keys()].sort();
  const cell = (c: Counts) => `${c.fail}/${c.review}/${c.suppressed}`.padEnd(13);
  console.log(`Corpus: ${options.corpus}`);
  console.log('Counts are definite/cannot-verify/suppressed.\n');
  console.log(`${'rule'.padEnd(30)} ${'total'.padEnd(13)} ${LANGUAGES.map((l) => l.padEnd(13)).join(' ')}`);
  for (const id of ids) {
    const tally = tallies.get(id)!;
    const total = emptyCounts();
    for (const language of LANGUAGES) {
      const c = tally.byLanguage[language];
      total.fail += c.fail;
      total.review += c.review;
      total.suppressed += c.suppressed;
    }
    console.log(`${id.padEnd(30)} ${cell(total)} ${LANGUAGES.map((l) => cell(tally.byLanguage[l])).join(' ')}`);
  }
  if (options.samples === 0) return;
  const lineIndexes = new Map<string, LineIndex>();
  for (const id of ids) {
    const samples = pickSamples(tallies.get(id)!.findings, options.samples);
    if (samples.length === 0) continue;
    console.log(`\n${id}`);
    for (const f of samples) {
      const kind = f.kind === 'fail' ? 'definite' : 'review';
      console.log(`  [${kind}] ${where(f, options.corpus, lineIndexes)}\n      ${f.message}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
