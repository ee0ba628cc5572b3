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
import { jobClass, lanesFor, WorkerPool } from '../../server/src/engine/batch/runner';
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
        const pool = new WorkerPool(script, lanesFor(2, true), context);
        const outputs = await Promise.all([1, 2, 3].map(() => pool.run({ units, incoming: new Map() })));
        await pool.close();
        for (const output of outputs) assert.deepEqual(output.files, expected.files, path.basename(script));
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  describe('lanes', () => {
    const unitsOf = (...names: string[]) => [...groupUnits(names.map((n) => `file:///ws/${n}`)).values()];

    it('classes a job by the heaviest front end it needs', () => {
      assert.equal(jobClass(unitsOf('main.bicep', 'azuredeploy.json')), 'arm');
      assert.equal(jobClass(unitsOf('main.bicep', 'infra/main.tf')), 'terraform');
      assert.equal(jobClass(unitsOf('infra/dev.tfvars')), 'terraform');
      assert.equal(jobClass(unitsOf('main.bicep', 'main.bicepparam')), 'bicep');
    });

    it('gives a mixed workspace an ARM lane and a Terraform lane, and any other one general lanes', () => {
      const takes = (workers: number, mixed: boolean) => lanesFor(workers, mixed).map((lane) => lane.takes.join(','));
      assert.deepEqual(takes(2, true), ['arm,bicep', 'terraform,bicep']);
      assert.deepEqual(takes(3, true), ['arm,bicep', 'terraform,bicep', 'arm,bicep']);
      assert.deepEqual(takes(2, false), ['arm,bicep,terraform', 'arm,bicep,terraform']);
      assert.deepEqual(takes(1, true), ['arm,bicep,terraform']);
      // A lane that never takes ARM needs no heap for a large template.
      for (const lane of lanesFor(4, true))
        if (!lane.takes.includes('arm')) assert.ok(lane.oldGenerationMb < lanesFor(1, true)[0].oldGenerationMb);
    });

    it('sends each job to a worker of its lane, starts a lane only when it has work, and sets its heap', async () => {
      // A stand-in worker that answers with its thread id and heap limits instead of checking anything.
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-lanes-'));
      const script = path.join(scratch, 'echo.js');
      fs.writeFileSync(
        script,
        `const { parentPort, threadId, resourceLimits } = require('node:worker_threads');
parentPort.on('message', ({ id }) => parentPort.postMessage({ id, output: { units: [], positions: new Map(),
  files: [{ uri: threadId + ' ' + resourceLimits.maxYoungGenerationSizeMb, findings: [], syntaxProblems: [] }] } }));
`,
      );
      const context = { workspaceUris: new Set<string>(), withFixes: false };
      const where = async (pool: WorkerPool, units: ReturnType<typeof unitsOf>, slot?: number) => {
        const [thread, young] = (await pool.run({ units, incoming: new Map() }, slot)).files[0].uri.split(' ');
        return { thread, young: Number(young) };
      };
      const arm = unitsOf('azuredeploy.json');
      const terraform = unitsOf('infra/main.tf');
      const bicep = unitsOf('main.bicep');
      try {
        const pool = new WorkerPool(script, lanesFor(2, true), context);
        assert.deepEqual(
          pool.slots.slice(0, 2).map((slot) => slot.takes),
          lanesFor(2, true).map((lane) => lane.takes),
        );
        // ARM only: the Terraform lane's worker never starts.
        const armRuns = await Promise.all([0, 1, 2, 3].map(() => where(pool, arm)));
        assert.equal(new Set(armRuns.map((run) => run.thread)).size, 1);
        assert.equal(armRuns[0].young, 48);
        const terraformRun = await where(pool, terraform);
        assert.notEqual(terraformRun.thread, armRuns[0].thread);
        assert.equal(terraformRun.young, 8);
        // A slot sends its job to its own worker; Bicep goes to either lane.
        assert.equal((await where(pool, bicep, 1)).thread, terraformRun.thread);
        assert.equal((await where(pool, bicep, 0)).thread, armRuns[0].thread);
        await pool.close();

        const alone = new WorkerPool(script, lanesFor(1, false), context);
        assert.equal((await where(alone, terraform)).young, 48);
        await alone.close();

        // The Terraform lane's thread dies on its first job: that job runs in this thread (the file does not
        // exist, so it is reported unreadable), and the lane's later jobs go to the ARM lane.
        fs.writeFileSync(
          script,
          `if (require('node:worker_threads').resourceLimits.maxYoungGenerationSizeMb === 8)
  require('node:worker_threads').parentPort.on('message', () => process.exit(3));
else {
${fs.readFileSync(script, 'utf8')}}`,
        );
        const failing = new WorkerPool(script, lanesFor(2, true), context);
        const first = await failing.run({ units: terraform, incoming: new Map() }, 1);
        assert.match(first.files[0].skipped ?? '', /./, 'run again in this thread, where the file is missing');
        const armThread = (await where(failing, arm, 0)).thread;
        assert.equal((await where(failing, terraform, 1)).thread, armThread);
        assert.equal((await where(failing, terraform)).thread, armThread);
        await failing.close();
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
});
