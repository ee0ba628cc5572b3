// Runs every fixture in test-fixtures/rules and compares the findings with the inline expectations: for
// each case, the exact set of (rule, line, kind) of the rule named by the folder and of every rule an
// expectation in the case names. Pass files must expect nothing of their rule; fail files something.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ruleById } from '../../rules';
import { describeExpectation, discoverCases, expectationsOf, fixturesRoot, type Expectation } from './fixtures';
import { availableFrontEnds, canScan, scan } from './mini-engine';

const cases = discoverCases();
const frontEnds = availableFrontEnds();

describe('rule fixtures', () => {
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

    const runnable = canScan(fixture.files, frontEnds);
    (runnable ? it : it.skip)(`${title}: findings match`, () => {
      const checked = new Set([fixture.ruleId, ...expected.map((e) => e.ruleId)]);
      const actual = scan(fixture.files, frontEnds).filter((f) => checked.has(f.ruleId));
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
