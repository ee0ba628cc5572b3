// The real CLI (dist/cli.js): exit codes, formats, --output, --config, --fail-on, fix and --dry-run.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import packageJson from '../../package.json';
import { aisec, copyToTemp, ensureBuilt, OPEN_ACCOUNT_BICEP, SAMPLES, tempWorkspace } from './run-cli';

describe('cli: aisec', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());

  describe('usage', () => {
    it('--version prints the package version', () => {
      const run = aisec(['--version']);
      assert.equal(run.code, 0);
      assert.equal(run.stdout.trim(), packageJson.version);
    });

    it('--help prints usage and exits 0; no command exits 2', () => {
      const help = aisec(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /aisec scan \[paths\.\.\.\]/);
      assert.match(help.stdout, /--fail-on/);
      const none = aisec([]);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /Usage/);
    });

    it('exits 2 on usage errors, naming the problem', () => {
      const cases: [string[], RegExp][] = [
        [['scan', '--format', 'xml', SAMPLES], /--format must be one of text, json, sarif/],
        [['scan', '--fail-on', 'critical', SAMPLES], /--fail-on must be one of/],
        [['scan', '--bogus'], /Unknown option '--bogus'/],
        [['lint', SAMPLES], /unknown command 'lint'/],
        [['scan', '/no/such/path'], /No such file or directory/],
        [['scan', '--dry-run', SAMPLES], /belong to `aisec fix`/],
      ];
      for (const [args, message] of cases) {
        const run = aisec(args);
        assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, message);
      }
    });
  });

  describe('scan', () => {
    it('--threads: worker threads, in lanes or not, report exactly what one thread reports (JSON and SARIF)', () => {
      // The rule fixtures mix ARM with Terraform and Bicep: 2 and 3 workers get an ARM and a Terraform lane.
      const fixtures = path.join(__dirname, '../../test-fixtures/rules');
      for (const format of ['json', 'sarif']) {
        const one = aisec(['scan', fixtures, '--format', format, '--threads', '1']);
        assert.equal(one.code, 1, one.stderr);
        assert.ok(JSON.parse(one.stdout) !== undefined);
        for (const threads of [[], ['--threads', '2'], ['--threads', '3']]) {
          const other = aisec(['scan', fixtures, '--format', format, ...threads]);
          assert.equal(other.code, 1, other.stderr);
          assert.equal(other.stdout, one.stdout, threads.join(' ') || 'default');
        }
      }
      const bad = aisec(['scan', fixtures, '--threads', '0']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--threads must be a positive integer/);
    });

    it('the README command: text report of the sample, exit 1', () => {
      const run = aisec(['scan', 'test-fixtures/samples']);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^bicep\/main\.bicep$/m);
      assert.match(run.stdout, /^\s+\d+:\d+\s+error\s+.*allows key \(local\) authentication.*AIS-COG-LOCAL-AUTH$/m);
      assert.match(
        run.stdout,
        /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ info\) · .*1 suppressed · \d+ files scanned/,
      );
    });

    it('--fail-on decides the exit code', () => {
      const { dir, cleanup } = tempWorkspace({ 'main.bicep': OPEN_ACCOUNT_BICEP });
      try {
        assert.equal(aisec(['scan', dir]).code, 1);
        assert.equal(aisec(['scan', dir, '--fail-on', 'none']).code, 0);
        assert.equal(aisec(['scan', dir, '--fail-on', 'high']).code, 1); // LOCAL-AUTH is high
        fs.writeFileSync(
          path.join(dir, '.aisec.json'),
          '{ "rules": { "AIS-COG-LOCAL-AUTH": "warning", "AIS-COG-PUBLIC-NETWORK": "info" } }',
        );
        assert.equal(aisec(['scan', dir, '--fail-on', 'high']).code, 0, 'downgraded rules no longer fail at high');
        assert.equal(aisec(['scan', dir, '--fail-on', 'medium']).code, 1);
      } finally {
        cleanup();
      }
    });

    it('a clean workspace exits 0 with "no problems"', () => {
      const { dir, cleanup } = tempWorkspace({ 'main.bicep': "param location string = 'x'\n" });
      try {
        const run = aisec(['scan', dir]);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /✔ no problems · 1 file scanned/);
      } finally {
        cleanup();
      }
    });

    it('runs from any directory (WebAssembly found next to the bundle); file arguments form one workspace', () => {
      const bicep = path.join(SAMPLES, 'bicep');
      const run = aisec(
        [
          'scan',
          path.join(bicep, 'main.bicep'),
          path.join(bicep, 'main.bicepparam'),
          path.join(SAMPLES, 'terraform/main.tf'),
          '--format',
          'json',
        ],
        os.tmpdir(),
      );
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.equal(report.skipped.length, 0, JSON.stringify(report.skipped));
      // The .bicepparam value reached main.bicep: PUBLIC-NETWORK is a definite finding, not "cannot verify".
      const publicNetwork = report.findings.find(
        (f: { ruleId: string; path: string }) => f.ruleId === 'AIS-COG-PUBLIC-NETWORK' && f.path === 'bicep/main.bicep',
      );
      assert.equal(publicNetwork?.kind, 'fail');
      assert.equal(report.root, SAMPLES, 'root: the deepest common directory');
      assert.ok(report.findings.some((f: { path: string }) => f.path === 'terraform/main.tf'));
    });

    it('--format json has the documented shape with relative paths', () => {
      const run = aisec(['scan', SAMPLES, '--format', 'json']);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout);
      assert.equal(report.version, 1);
      assert.equal(report.tool.name, 'aisec');
      assert.equal(report.root, SAMPLES);
      assert.ok(report.files.includes('bicep/main.bicep'));
      const finding = report.findings.find(
        (f: { ruleId: string; path: string }) => f.ruleId === 'AIS-COG-LOCAL-AUTH' && f.path === 'bicep/main.bicep',
      );
      assert.ok(finding);
      for (const key of [
        'severity',
        'level',
        'kind',
        'message',
        'startLine',
        'startColumn',
        'endLine',
        'endColumn',
        'resource',
        'related',
        'fixes',
      ]) {
        assert.ok(key in finding, key);
      }
      const suppressed = report.findings.filter((f: { suppression?: unknown }) => f.suppression);
      assert.equal(suppressed.length, 1);
      assert.equal(suppressed[0].suppression.justification, 'private endpoint planned in the network sprint');
      assert.equal(report.summary.suppressed, 1);
      // A value from the .bicepparam file relates back to it.
      const fromParams = report.findings.find((f: { ruleId: string }) => f.ruleId === 'AIS-COG-PUBLIC-NETWORK');
      assert.ok(
        fromParams.related.some((r: { path: string }) => r.path === 'bicep/main.bicepparam'),
        JSON.stringify(fromParams),
      );
    });

    it('--output writes the report to a file and keeps stdout empty', () => {
      const { dir, cleanup } = tempWorkspace({});
      try {
        const out = path.join(dir, 'reports/aisec.sarif');
        const run = aisec(['scan', SAMPLES, '--format', 'sarif', '--output', out]);
        assert.equal(run.code, 1);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, /wrote sarif report/);
        assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).version, '2.1.0');
      } finally {
        cleanup();
      }
    });

    it('--config uses that file for every scanned file; an invalid one exits 2 with the reason', () => {
      const { dir, cleanup } = tempWorkspace({
        'main.bicep': OPEN_ACCOUNT_BICEP,
        'quiet.json': '{ "rules": { "AIS-COG-LOCAL-AUTH": "off", "AIS-COG-PUBLIC-NETWORK": "off" } }',
        'broken.json': '{ "rules": { "AIS-COG-LOCAL-AUTH": "loud" } }',
      });
      try {
        const quiet = aisec([
          'scan',
          path.join(dir, 'main.bicep'),
          '--config',
          path.join(dir, 'quiet.json'),
          '--format',
          'json',
        ]);
        const ids = JSON.parse(quiet.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
        assert.ok(!ids.includes('AIS-COG-LOCAL-AUTH'));
        assert.ok(!ids.includes('AIS-COG-PUBLIC-NETWORK'));
        const broken = aisec(['scan', dir, '--config', path.join(dir, 'broken.json')]);
        assert.equal(broken.code, 2);
        assert.match(broken.stderr, /Invalid configuration .*broken\.json/);
        assert.match(broken.stderr, /AIS-COG-LOCAL-AUTH must be equal to one of the allowed values/);
        // The nearest .aisec.json is validated too.
        fs.writeFileSync(path.join(dir, '.aisec.json'), '{ "exclude": "not-a-list" }');
        const nearest = aisec(['scan', dir]);
        assert.equal(nearest.code, 2);
        assert.match(nearest.stderr, /\/exclude must be array/);
      } finally {
        cleanup();
      }
    });

    it('honours config exclude and .gitignore, and reports skipped files with reasons', () => {
      const big = `// ${'x'.repeat(4 * 1024 * 1024 + 10)}\n`;
      const { dir, cleanup } = tempWorkspace({
        '.aisec.json': '{ "exclude": ["generated/**"] }',
        '.gitignore': 'ignored/\n',
        'generated/main.bicep': OPEN_ACCOUNT_BICEP,
        'ignored/main.bicep': OPEN_ACCOUNT_BICEP,
        'node_modules/pkg/main.bicep': OPEN_ACCOUNT_BICEP,
        'big.bicep': big,
        'blob.tf': Buffer.from([0x72, 0x65, 0x00, 0x01, 0x02]),
        'package.json': '{ "name": "x" }',
        'ok.bicep': "param p string = 'x'\n",
      });
      try {
        const run = aisec(['scan', dir, '--format', 'json']);
        const report = JSON.parse(run.stdout);
        assert.deepEqual(report.files, ['ok.bicep']);
        const reasons = Object.fromEntries(
          report.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]),
        );
        assert.match(reasons['big.bicep'], /larger than 4 MB/);
        assert.match(reasons['blob.tf'], /binary/);
        assert.match(reasons['package.json'], /not an ARM template/);
        assert.equal(run.code, 0);
        const text = aisec(['scan', dir]);
        assert.match(text.stdout, /Skipped 2 files:\n {2}big\.bicep: larger than 4 MB/);
        assert.match(text.stdout, /1 JSON file ignored: not ARM templates/);
      } finally {
        cleanup();
      }
    });
  });

  describe('fix', () => {
    it('--dry-run prints a unified diff and writes nothing', () => {
      const { dir, cleanup } = tempWorkspace({ 'main.bicep': OPEN_ACCOUNT_BICEP });
      try {
        const run = aisec(['fix', dir, '--dry-run']);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^--- a\/main\.bicep/m);
        assert.match(run.stdout, /^-\s+disableLocalAuth: false$/m);
        assert.match(run.stdout, /^\+\s+disableLocalAuth: true$/m);
        assert.match(run.stderr, /Would apply \d+ fix(es)? in 1 file/);
        assert.equal(fs.readFileSync(path.join(dir, 'main.bicep'), 'utf8'), OPEN_ACCOUNT_BICEP);
      } finally {
        cleanup();
      }
    });

    it('applies safe fixes, re-analysing between them, so a re-scan no longer finds them', () => {
      const { dir, cleanup } = copyToTemp(SAMPLES);
      try {
        const before = JSON.parse(aisec(['scan', dir, '--format', 'json']).stdout);
        const run = aisec(['fix', dir]);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, /Applied \d+ fix(es)? in \d+ files?/);
        assert.match(run.stderr, /AIS-COG-LOCAL-AUTH/);
        const after = JSON.parse(aisec(['scan', dir, '--format', 'json']).stdout);
        const safeFixable = (report: {
          findings: { suppression?: unknown; kind: string; fixes: { applicability: string }[] }[];
        }) =>
          report.findings.filter(
            (f) => !f.suppression && f.kind === 'fail' && f.fixes.some((x) => x.applicability === 'safe'),
          ).length;
        assert.ok(safeFixable(before) > 0);
        assert.ok(safeFixable(after) < safeFixable(before), `${safeFixable(after)} < ${safeFixable(before)}`);
        assert.ok(after.summary.findings < before.summary.findings);
        // Running it again changes nothing more than the first run left.
        const again = aisec(['fix', dir]);
        assert.equal(again.code, 0);
      } finally {
        cleanup();
      }
    });
  });
});
