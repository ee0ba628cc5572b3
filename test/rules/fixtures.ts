// Fixture discovery and inline expectations for test-fixtures/rules/<RULE-ID>/.
//
// Each file directly in a rule's folder is its own workspace; each sub-folder is one workspace holding all
// its files (cross-file cases: a PE in another .tf file, a module, a .bicepparam or parameters file).
// Expected findings are trailing comments on the line where the finding starts:
//   `// expect: AIS-COG-LOCAL-AUTH`            (Bicep, ARM JSONC)  -> a definite finding (SARIF kind "fail")
//   `# expect-review: AIS-COG-LOCAL-AUTH, …`   (Terraform)         -> a "cannot verify" finding ("review")
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface FixtureFile {
  readonly uri: string;
  readonly path: string;
  readonly text: string;
}

export interface FixtureCase {
  /** The rule the folder is named after. */
  readonly ruleId: string;
  /** `fail.bicep`, `pe-other-file/`, … */
  readonly name: string;
  readonly files: readonly FixtureFile[];
}

export type ExpectedKind = 'fail' | 'review';

export interface Expectation {
  readonly ruleId: string;
  readonly uri: string;
  /** 1-based. */
  readonly line: number;
  readonly kind: ExpectedKind;
}

export const fixturesRoot = path.resolve(__dirname, '../../test-fixtures/rules');

const scannedExtensions = ['.bicep', '.bicepparam', '.json', '.jsonc', '.tf', '.tfvars'];

export function discoverCases(root = fixturesRoot): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const ruleId of fs.readdirSync(root).sort()) {
    const ruleDir = path.join(root, ruleId);
    if (!fs.statSync(ruleDir).isDirectory()) continue;
    for (const entry of fs.readdirSync(ruleDir).sort()) {
      if (entry.startsWith('.')) continue;
      const full = path.join(ruleDir, entry);
      if (fs.statSync(full).isDirectory()) {
        cases.push({ ruleId, name: `${entry}/`, files: filesUnder(full) });
      } else if (scannedExtensions.some((ext) => entry.endsWith(ext))) {
        cases.push({ ruleId, name: entry, files: [readFixture(full)] });
      }
    }
  }
  return cases;
}

function filesUnder(dir: string): FixtureFile[] {
  const files: FixtureFile[] = [];
  for (const entry of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isDirectory()) files.push(...filesUnder(full));
    else if (scannedExtensions.some((ext) => entry.endsWith(ext))) files.push(readFixture(full));
  }
  return files;
}

function readFixture(file: string): FixtureFile {
  return { uri: pathToFileURL(file).href, path: file, text: fs.readFileSync(file, 'utf8') };
}

const expectComment = /(?:\/\/|#)\s*expect(-review)?:\s*([A-Za-z0-9,\s-]+?)\s*$/;

export function expectationsOf(file: FixtureFile): Expectation[] {
  const expectations: Expectation[] = [];
  file.text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = expectComment.exec(line);
    if (!match) return;
    for (const ruleId of match[2]
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)) {
      expectations.push({ ruleId, uri: file.uri, line: index + 1, kind: match[1] ? 'review' : 'fail' });
    }
  });
  return expectations;
}

export function describeExpectation(e: Expectation, root = fixturesRoot): string {
  const file = path.relative(root, fileURLToPath(e.uri));
  return `${file}:${e.line} ${e.kind} ${e.ruleId}`;
}
