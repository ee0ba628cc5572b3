// Fix round-trip over every rule fixture, and over a sample of the real-world corpus (all of it with
// AISEC_FIX_CORPUS=all; `npm run bench -- fix` prints whole-corpus figures).
import assert from 'node:assert/strict';
import { discoverCases } from '../rules/fixtures';
import { initEngine } from './harness';
import { corpusWorkspaces, emptyReport, roundTrip, type RoundTripReport } from './roundtrip';

function describeFailures(report: RoundTripReport): string {
  return report.failures.map((f) => `${f.finding}\n  fix: ${f.fix}\n  ${f.problem}`).join('\n\n');
}

describe('fix round-trip', function () {
  this.timeout(600_000);
  before(async () => {
    await initEngine();
  });

  it('holds for every fix offered on the rule fixtures', () => {
    const report = emptyReport();
    for (const fixture of discoverCases()) roundTrip(fixture.files, report);
    assert.equal(report.failures.length, 0, describeFailures(report));
    assert.ok(report.applied > 50, `only ${report.applied} fixes applied on the fixtures`);
  });

  const all = process.env.AISEC_FIX_CORPUS === 'all';
  it(`holds on ${all ? 'the whole' : 'a sample of the'} corpus`, () => {
    const workspaces = corpusWorkspaces();
    if (workspaces.length === 0) return;
    // The sample: every 12th file under 200 kB, at most 25 fixes per file (the whole run is a bench).
    const chosen = all
      ? workspaces
      : workspaces.filter((w, i) => i % 12 === 0 && w.files.every((f) => f.text.length < 200_000));
    const report = emptyReport();
    for (const workspace of chosen) roundTrip(workspace.files, report, all ? Infinity : 25);
    assert.equal(report.failures.length, 0, describeFailures(report));
    assert.ok(report.applied > 0, 'no fix applied on the corpus sample');
  });
});
