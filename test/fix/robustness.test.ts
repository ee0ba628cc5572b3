// Half-typed input: every fixture cut at several points is analysed and every fix offered on it realised
// (strictly: an unexpected error fails the test). Whatever is written must apply and not add syntax errors.
import assert from 'node:assert/strict';
import { applyTextEdits, realizeFix } from '../../server/src/edit';
import { discoverCases } from '../rules/fixtures';
import { analyze, initEngine } from './harness';

describe('fixes on half-typed files', function () {
  this.timeout(300_000);
  before(async () => {
    await initEngine();
  });

  it('never throw, and never add syntax problems', () => {
    let realized = 0;
    const cases = discoverCases().filter((c) => c.files.length === 1);
    for (const fixture of cases.filter((_, i) => i % 3 === 0)) {
      const file = fixture.files[0];
      for (const fraction of [0.35, 0.6, 0.85]) {
        const cut = file.text.slice(0, Math.floor(file.text.length * fraction));
        const before = analyze([{ uri: file.uri, text: cut }]);
        for (const finding of before.findings) {
          for (const fix of finding.fixes) {
            const result = realizeFix(fix, (uri) => before.documents.get(uri), { strict: true });
            if (!result) continue;
            realized++;
            const edits = result.edits.get(file.uri) ?? [];
            const after = analyze([{ uri: file.uri, text: applyTextEdits(cut, edits) }]);
            const was = before.documents.get(file.uri)?.syntaxProblems.length ?? 0;
            const now = after.documents.get(file.uri)?.syntaxProblems.length ?? 0;
            assert.ok(
              now <= was,
              `${fixture.ruleId}/${fixture.name} cut at ${fraction}: ${fix.title} adds syntax problems`,
            );
          }
        }
      }
    }
    assert.ok(realized > 20, `only ${realized} fixes realised on cut files`);
  });
});
