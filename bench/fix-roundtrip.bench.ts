// Fix round-trip over the whole corpus (/work/shared/corpus, or AISEC_CORPUS): every definite finding's
// fixes are written, applied and re-checked (test/fix/roundtrip.ts). Prints fixes applied / declined /
// failed per syntax and the slowest files. `npm run bench -- fix`.
import { initEngine } from '../test/fix/harness';
import { corpusWorkspaces, emptyReport, roundTrip, type RoundTripReport } from '../test/fix/roundtrip';

export default async function bench(): Promise<void> {
  await initEngine();
  const bySyntax = new Map<string, RoundTripReport>();
  const slow: [string, number][] = [];
  const started = Date.now();
  for (const workspace of corpusWorkspaces()) {
    const syntax = workspace.name.split('/')[0];
    const report = bySyntax.get(syntax) ?? emptyReport();
    bySyntax.set(syntax, report);
    const t = Date.now();
    roundTrip(workspace.files, report);
    slow.push([workspace.name, Date.now() - t]);
  }
  let failures = 0;
  for (const [syntax, report] of bySyntax) {
    failures += report.failures.length;
    console.log(
      `   ${syntax.padEnd(9)} findings with fixes ${report.findingsWithFixes}, fixes applied ${report.applied}, ` +
        `declined ${report.declined}, failed ${report.failures.length}`,
    );
    for (const failure of report.failures)
      console.log(`     FAIL ${failure.finding}: ${failure.fix}: ${failure.problem.split('\n')[0]}`);
  }
  slow.sort((a, b) => b[1] - a[1]);
  console.log(
    `   slowest: ${slow
      .slice(0, 3)
      .map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  console.log(`   total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failures > 0) process.exitCode = 1;
}
