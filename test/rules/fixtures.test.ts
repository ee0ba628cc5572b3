// Runs every fixture in test-fixtures/rules and compares the findings with the inline expectations: for
// each case, the exact set of (rule, line, kind) of the rule named by the folder and of every rule an
// expectation in the case names. Pass files must expect nothing of their rule; fail files something.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleById } from '../../rules';
import { DEFAULT_CONFIG, readConfigFile } from '../../server/src/engine/config';
import { describeExpectation, discoverCases, expectationsOf, fixturesRoot, type Expectation } from './fixtures';
import { fileKind, WorkspaceSession } from '../../server/src/engine';
import { initFrontEnds, unavailableReason } from '../../server/src/engine/frontends';
import type { FixtureFile } from './fixtures';

const cases = discoverCases();

/**
 * Runs one case through the real engine: every rule, one workspace, with the defaults unless the rule's
 * fixture folder holds a `.aisec.json` (rule options, e.g. AIS-OAI-MODEL-ALLOWLIST's allow-list).
 */
function scan(files: readonly FixtureFile[]) {
  const session = new WorkspaceSession({ config: fixtureConfig(files) });
  for (const file of files) session.setFile(file.uri, file.text);
  const lines = new Map(session.documents().map((d) => [d.uri, d.lines]));
  return [...session.check().values()].flat().map((f) => ({
    ruleId: f.ruleId,
    uri: f.uri,
    line: (lines.get(f.uri)?.positionAt(f.span.start).line ?? 0) + 1,
    kind: f.kind,
    message: f.message,
  }));
}

/** The `.aisec.json` of the case's rule folder (test-fixtures/rules/<ID>/.aisec.json), else the defaults. */
function fixtureConfig(files: readonly FixtureFile[]) {
  const ruleDir = files.length > 0 ? path.relative(fixturesRoot, files[0].path).split(path.sep)[0] : undefined;
  const file = ruleDir ? path.join(fixturesRoot, ruleDir, '.aisec.json') : undefined;
  return file && fs.existsSync(file) ? readConfigFile(file) : DEFAULT_CONFIG;
}

/** Why a case cannot run in this build (its front end is missing), or undefined. */
function missingFrontEnd(files: readonly FixtureFile[]): string | undefined {
  for (const file of files) {
    const kind = fileKind(file.uri);
    const reason = kind === 'arm' || kind === 'terraform' ? unavailableReason(kind) : undefined;
    if (reason) return reason;
  }
  return undefined;
}

describe('rule fixtures', () => {
  before(async () => {
    await initFrontEnds();
  });

  it('are named after registered rules', () => {
    for (const fixture of cases) assert.ok(ruleById(fixture.ruleId), `${fixture.ruleId} is a registered rule`);
  });

  for (const fixture of cases) {
    const title = `${fixture.ruleId}/${fixture.name}`;
    const expected = fixture.files.flatMap(expectationsOf);
    const base = path.basename(fixture.name);

    it(`${title}: expectations are well-formed`, () => {
      for (const e of expected) assert.ok(ruleById(e.ruleId), `unknown rule in ${describeExpectation(e)}`);
      const own = expected.filter((e) => e.ruleId === fixture.ruleId);
      if (base.startsWith('pass'))
        assert.deepEqual(
          own.map((e) => describeExpectation(e)),
          [],
          'a pass case expects no finding of its rule',
        );
      if (base.startsWith('fail'))
        assert.ok(
          own.some((e) => e.kind === 'fail'),
          'a fail case expects a definite finding of its rule',
        );
    });

    // A fixture with a syntax error tests error recovery, not the rule: a stray comma can hide a case.
    it(`${title}: parses without syntax problems`, function () {
      if (missingFrontEnd(fixture.files)) this.skip();
      const session = new WorkspaceSession({ config: DEFAULT_CONFIG });
      for (const file of fixture.files) session.setFile(file.uri, file.text);
      session.check();
      const problems = session
        .documents()
        .flatMap((d) => d.syntaxProblems.map((p) => `${path.basename(d.uri)}@${p.span.start}: ${p.message}`));
      assert.deepEqual(problems, []);
    });

    it(`${title}: findings match`, function () {
      const missing = missingFrontEnd(fixture.files);
      if (missing) this.skip();
      const checked = new Set([fixture.ruleId, ...expected.map((e) => e.ruleId)]);
      const actual = scan(fixture.files).filter((f) => checked.has(f.ruleId));
      const render = (e: Expectation) => describeExpectation(e, fixturesRoot);
      const actualLines = actual
        .map((f) => render({ ruleId: f.ruleId, uri: f.uri, line: f.line, kind: f.kind }))
        .sort();
      const expectedLines = expected
        .filter((e) => checked.has(e.ruleId))
        .map(render)
        .sort();
      assert.deepEqual(actualLines, expectedLines, actual.map((f) => `${render(f)}: ${f.message}`).join('\n'));
    });
  }
});
