// The batch scan (`aisec scan`): jobs that keep nothing of the files they check must report exactly what
// one WorkspaceSession over the whole workspace reports, including values passed between files (link
// rounds) and relations across files (coupled groups).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toJsonReport } from '../../server/src/cli/format-json';
import { toSarif } from '../../server/src/cli/format-sarif';
import { pathToFileURL } from 'node:url';
import { runJob } from '../../server/src/engine/batch/job';
import { batchScan } from '../../server/src/engine/batch/plan';
import { WorkerPool } from '../../server/src/engine/batch/runner';
import { groupUnits } from '../../server/src/engine/units';
import { scanPaths } from '../../server/src/engine/scan';
import { WorkspaceSession } from '../../server/src/engine/session';
import { cachedTerraformTrees, clearTerraformCache } from '../../server/src/parse/terraform';
import { privateEndpointTo, SHARED_ACCOUNT } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

async function bothWays(
  dir: string,
): Promise<{ session: string; batch: string; sessionSarif: string; batchSarif: string }> {
  const whole = await scanPaths([dir], { withFixes: true, today: '2026-01-01' });
  const batched = await scanPaths([dir], { withFixes: true, today: '2026-01-01', batch: { threads: 1 } });
  return {
    session: JSON.stringify(toJsonReport(whole, 'test'), null, 1),
    batch: JSON.stringify(toJsonReport(batched, 'test'), null, 1),
    sessionSarif: JSON.stringify(toSarif(whole)),
    batchSarif: JSON.stringify(toSarif(batched)),
  };
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-batch-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('engine: batch scan', function () {
  this.timeout(300_000);

  for (const fixtures of ['test-fixtures/samples', 'test-fixtures/rules']) {
    it(`reports exactly what a whole-workspace session reports: ${fixtures} (JSON and SARIF with fixes)`, async () => {
      const { session, batch, sessionSarif, batchSarif } = await bothWays(path.join(ROOT, fixtures));
      assert.ok(JSON.parse(session).findings.length > 10);
      assert.equal(batch, session);
      assert.equal(batchSarif, sessionSarif);
    });
  }

  it('analyses a module again when its caller, analysed later, hands it values', async () => {
    // The module sits higher in the tree than its caller, so it is analysed first, without the value.
    const dir = workspace({
      'account.bicep': `param localAuth bool = false
resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-x'
  location: 'eastus'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: { disableLocalAuth: localAuth }
}
`,
      'env/prod/main.bicep': `module ai '../../account.bicep' = {
  name: 'ai'
  params: { localAuth: true }
}
`,
    });
    try {
      const files = ['account.bicep', 'env/prod/main.bicep'].map((f) => path.join(dir, f));
      const result = await batchScan(files, { withFixes: false, threads: 1, today: '2026-01-01' });
      assert.ok(result.stats.reanalysed >= 1, 'the module was analysed again');
      const { session, batch } = await bothWays(dir);
      assert.equal(batch, session);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks files together when a private endpoint in one names an account in another (names compare without case)', async () => {
    const dir = workspace({
      'ai/account.bicep': SHARED_ACCOUNT,
      'network/endpoint.bicep': privateEndpointTo('OAI-Shared'),
      'other/unrelated.bicep': `resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stunrelated'
  location: 'eastus'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
`,
    });
    try {
      const files = ['ai/account.bicep', 'network/endpoint.bicep', 'other/unrelated.bicep'].map((f) =>
        path.join(dir, f),
      );
      const result = await batchScan(files, { withFixes: false, threads: 1, today: '2026-01-01' });
      assert.deepEqual(result.stats.groups, 1, 'the account and the endpoint are checked together');
      assert.equal(result.stats.grouped, 2, 'the unrelated file is not');
      const { session, batch } = await bothWays(dir);
      assert.equal(batch, session);
      // With the endpoint in view, the account has no private-endpoint finding.
      const account = JSON.parse(batch).findings.filter((f: { path: string }) => f.path === 'ai/account.bicep');
      assert.ok(!account.some((f: { ruleId: string }) => /PRIVATE-ENDPOINT/.test(f.ruleId)), JSON.stringify(account));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('neither fills nor empties the front-end caches of its thread (the editor keeps its trees)', async () => {
    clearTerraformCache(); // the cache holds at most 16 trees: other tests' trees out of the way
    const session = await WorkspaceSession.create();
    session.setFile('file:///ws/main.tf', 'resource "azurerm_resource_group" "rg" {\n  name = "rg"\n}\n');
    session.check();
    const before = cachedTerraformTrees();
    assert.equal(before, 1, 'the editor session cached its tree');
    const tf = ['AIS-ACR-ADMIN-USER/fail.tf', 'AIS-COG-LOCAL-AUTH/fail.tf'].map((f) =>
      path.join(ROOT, 'test-fixtures/rules', f),
    );
    await batchScan(tf, { withFixes: false, threads: 1 });
    assert.equal(cachedTerraformTrees(), before, 'the batch added no tree and dropped none');
    session.setFile('file:///ws/other.tf', 'resource "azurerm_resource_group" "other" {\n  name = "other"\n}\n');
    session.check();
    assert.equal(cachedTerraformTrees(), before + 1, 'the cache still works after the batch');
  });

  it('runs the job of a worker that dies, or fails to start, in the scanning thread', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-pool-'));
    const dies = path.join(scratch, 'dies.js');
    fs.writeFileSync(dies, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const broken = path.join(scratch, 'broken.js');
    fs.writeFileSync(broken, "throw new Error('cannot start');\n");
    const file = path.join(ROOT, 'test-fixtures/rules/AIS-COG-LOCAL-AUTH/fail.bicep');
    const units = [...groupUnits([pathToFileURL(file).href]).values()];
    const context = { workspaceUris: new Set(units[0].uris), withFixes: false, today: '2026-01-01' };
    const expected = await runJob(context, { units, incoming: new Map() });
    assert.ok(expected.files[0].findings.some((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH'));
    try {
      for (const script of [dies, broken]) {
        const pool = new WorkerPool(script, 2, context);
        const outputs = await Promise.all([1, 2, 3].map(() => pool.run({ units, incoming: new Map() })));
        await pool.close();
        for (const output of outputs) assert.deepEqual(output.files, expected.files, path.basename(script));
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
