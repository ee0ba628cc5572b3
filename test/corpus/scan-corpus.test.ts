// Scanning all of the real-world corpus (/work/shared/corpus: 360+ Bicep, ARM and Terraform files from
// public repositories) as one workspace finishes without a crash or an internal error: every discovered
// file is analysed or skipped with a reason, and the SARIF for it is produced. Skipped when the corpus is
// not next to the repository.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanPaths, type ScanResult } from '../../server/src/engine';
import { discoverDirectory } from '../../server/src/engine/discovery';
import { toSarif } from '../../server/src/cli/format-sarif';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

describe('corpus: scan everything', function () {
  this.timeout(600_000);
  let result: ScanResult;
  let discovered: string[];

  before(async function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`      (skipped: no corpus at ${CORPUS})`);
      this.skip();
    }
    discovered = await discoverDirectory(CORPUS);
    result = await scanPaths([CORPUS]);
  });

  it('accounts for every discovered file: analysed, or skipped with a reason', () => {
    assert.ok(discovered.length > 300, `${discovered.length} files`);
    const accounted = new Set([...result.files, ...result.skipped.map((s) => s.path)]);
    assert.deepEqual(
      discovered.filter((file) => !accounted.has(file)),
      [],
    );
    for (const skip of result.skipped) assert.ok(skip.reason.length > 0);
  });

  it('has no internal errors (a front end or rule that threw)', () => {
    const internal = result.findings.filter((f) => f.ruleId === 'aisec/internal-error');
    const skippedByError = result.skipped.filter((s) => /internal error/i.test(s.reason));
    assert.deepEqual(
      [...internal.map((f) => `${f.uri}: ${f.message}`), ...skippedByError.map((s) => `${s.path}: ${s.reason}`)],
      [],
    );
  });

  it('finds AIS-COG issues in the real files and produces SARIF for all of it', () => {
    assert.ok(result.findings.some((f) => f.ruleId.startsWith('AIS-COG-')));
    const sarif = toSarif(result);
    assert.equal(sarif.runs[0].results?.length, result.findings.length);
  });
});
