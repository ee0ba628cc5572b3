// `aisec fix` (server/src/cli, in-process) over a workspace in all three syntaxes: --dry-run prints the
// edits this module writes and touches nothing; a real run writes them and a re-scan finds none of the
// fixed findings.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';

const fixtures = path.resolve(__dirname, '../../test-fixtures/rules/AIS-COG-LOCAL-AUTH');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false });
  return { code, stdout, stderr };
}

describe('aisec fix (edit layer through the CLI)', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-fix-'));
    for (const name of ['fail.bicep', 'fail.json', 'fail.tf']) {
      fs.copyFileSync(path.join(fixtures, name), path.join(dir, name));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--dry-run shows Bicep, ARM and Terraform edits and writes nothing', async () => {
    const before = new Map(fs.readdirSync(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
    const result = await run(['fix', dir, '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^-\s+disableLocalAuth: false \/\/ expect: AIS-COG-LOCAL-AUTH$/m);
    assert.match(result.stdout, /^\+\s+disableLocalAuth: true \/\/ expect: AIS-COG-LOCAL-AUTH$/m);
    assert.match(result.stdout, /^\+\s+"disableLocalAuth": true, \/\/ expect: AIS-COG-LOCAL-AUTH$/m);
    assert.match(result.stdout, /^\+\s+local_auth_enabled\s+= false # expect: AIS-COG-LOCAL-AUTH$/m);
    for (const [name, text] of before) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, name);
  });

  it('applies the safe fixes so that a re-scan reports none of them', async () => {
    const localAuth = async () => {
      const scan = await run(['scan', dir, '--format', 'json']);
      const report = JSON.parse(scan.stdout) as { findings: { ruleId: string; kind: string }[] };
      return report.findings.filter((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH' && f.kind === 'fail');
    };
    assert.equal((await localAuth()).length, 6, 'two accounts per file before the fix');
    const fixed = await run(['fix', dir]);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.deepEqual(await localAuth(), []);
  });

  it('passes the workspace files: a Terraform variable with one use gets its default fixed, and says so', async () => {
    const tf = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-fix-tf-'));
    try {
      const main = [
        'resource "azurerm_cognitive_account" "openai" {',
        '  name                  = "oai-prod"',
        '  location              = "swedencentral"',
        '  resource_group_name   = "rg-ai"',
        '  kind                  = "OpenAI"',
        '  sku_name              = "S0"',
        '  custom_subdomain_name = "oai-prod"',
        '  local_auth_enabled    = var.local_auth',
        '}',
        '',
      ].join('\n');
      const variables = ['variable "local_auth" {', '  type    = bool', '  default = true', '}', ''].join('\n');
      fs.writeFileSync(path.join(tf, 'main.tf'), main);
      fs.writeFileSync(path.join(tf, 'variables.tf'), variables);
      const fixed = await run(['fix', tf]);
      assert.equal(fixed.code, 0, fixed.stderr);
      assert.equal(fs.readFileSync(path.join(tf, 'main.tf'), 'utf8').includes('var.local_auth'), true);
      assert.match(fs.readFileSync(path.join(tf, 'variables.tf'), 'utf8'), /default = false/);
      assert.match(
        fixed.stderr,
        /main\.tf:\d+ {2}AIS-COG-LOCAL-AUTH {2}Set local_auth_enabled = false \(in the default of variable 'local_auth' in variables\.tf\)/,
      );
    } finally {
      fs.rmSync(tf, { recursive: true, force: true });
    }
  });
});
