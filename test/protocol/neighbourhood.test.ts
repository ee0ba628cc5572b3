// The bundled language server keeps only open files and what they need in memory; the rest of the workspace
// is known from the workspace scan. These tests check that the answers are still those of the whole
// workspace: an open file sees the never-opened files it depends on, an edit reaches never-opened files that
// depend on it, and a file changed on disk re-checks its never-opened callers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeWorkspaces, TestClient, uriOf, workspace, type Diagnostic } from './lsp-client';
import type { WorkspaceSummary } from '../../server/src/lsp/protocol';
import { privateEndpointTo, SHARED_ACCOUNT } from '../engine/helpers';

const PRIVATE_ENDPOINT = 'AIS-COG-PRIVATE-ENDPOINT';
const LOCAL_AUTH = 'AIS-COG-LOCAL-AUTH';
const has = (code: string) => (ds: readonly Diagnostic[]) => ds.some((d) => d.code === code);
const hasNot = (code: string) => (ds: readonly Diagnostic[]) => !ds.some((d) => d.code === code);

const account = SHARED_ACCOUNT;
const endpoint = privateEndpointTo;

const module = `param localAuth bool
resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-module'
  location: 'eastus'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: { publicNetworkAccess: 'Disabled', customSubDomainName: 'oai-module', disableLocalAuth: !localAuth }
}
`;

const caller = (localAuth: boolean) => `module ai '../modules/openai.bicep' = {
  name: 'ai'
  params: { localAuth: ${localAuth} }
}
`;

/** Enough unrelated files that the scan runs on a worker thread (40 units and more). */
function filler(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`filler/f${i}.bicep`] = `resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stfiller${i}'
  location: 'eastus'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
`;
  }
  return files;
}

describe('language server: open files and the files they need', function () {
  this.timeout(60000);
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(removeWorkspaces);

  async function scanned(files: Record<string, string>) {
    const folder = workspace({ ...files, ...filler(50) });
    client = await TestClient.start({ folder });
    await client.scanEnded(45000);
    return { folder, client };
  }

  it('an open file sees a never-opened file that names it (a private endpoint elsewhere)', async () => {
    const { folder, client } = await scanned({
      'ai/account.bicep': account,
      'network/endpoint.bicep': endpoint('OAI-Shared'),
    });
    const accountUri = uriOf(folder, 'ai/account.bicep');
    client.open(accountUri, account);
    const diagnostics = await client.waitForDiagnostics(accountUri, (_, p) => p.version === 1);
    assert.ok(hasNot(PRIVATE_ENDPOINT)(diagnostics), JSON.stringify(diagnostics.map((d) => d.code)));
  });

  it('an edit reaches a never-opened file that depends on it, both ways', async () => {
    const { folder, client } = await scanned({
      'ai/account.bicep': account,
      'network/endpoint.bicep': endpoint('OAI-Shared'),
    });
    const accountUri = uriOf(folder, 'ai/account.bicep');
    const endpointUri = uriOf(folder, 'network/endpoint.bicep');
    // The scan saw the endpoint: the account has no private-endpoint finding.
    await client.until(() => client.summaryChanges.some((s) => !(s as { scanning: boolean }).scanning), 'scan done');
    const summary = await client.request<WorkspaceSummary>('aisec/summary', {});
    assert.ok(!summary.findings.some((f) => f.ruleId === PRIVATE_ENDPOINT), 'no finding before the edit');
    // The endpoint now names another account: the (never-opened) account loses its endpoint.
    client.open(endpointUri, endpoint('OAI-Shared'));
    client.change(endpointUri, endpoint('oai-other'));
    await client.waitForDiagnostics(accountUri, has(PRIVATE_ENDPOINT));
    // And back.
    client.change(endpointUri, endpoint('oai-shared'));
    await client.waitForDiagnostics(accountUri, hasNot(PRIVATE_ENDPOINT));
  });

  it('a file changed on disk re-checks the never-opened files it feeds, and a deleted one those it fed', async () => {
    const { folder, client } = await scanned({ 'modules/openai.bicep': module, 'env/main.bicep': caller(false) });
    const moduleUri = uriOf(folder, 'modules/openai.bicep');
    const callerUri = uriOf(folder, 'env/main.bicep');
    await client.waitForDiagnostics(moduleUri, hasNot(LOCAL_AUTH)).catch(() => undefined);
    assert.ok(hasNot(LOCAL_AUTH)(client.diagnostics(moduleUri) ?? []));
    fs.writeFileSync(path.join(folder, 'env/main.bicep'), caller(true));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: callerUri, type: 2 }] });
    await client.waitForDiagnostics(moduleUri, has(LOCAL_AUTH));
    // Without its caller, the module's parameter has no value: local auth is no longer known to be on.
    fs.rmSync(path.join(folder, 'env/main.bicep'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: callerUri, type: 3 }] });
    await client.waitForDiagnostics(moduleUri, (ds) =>
      ds.every((d) => d.code !== LOCAL_AUTH || /Cannot verify/.test(d.message)),
    );
  });

  it('a file created on disk joins the workspace and its neighbourhood', async () => {
    const { folder, client } = await scanned({ 'ai/account.bicep': account });
    const accountUri = uriOf(folder, 'ai/account.bicep');
    await client.waitForDiagnostics(accountUri, has(PRIVATE_ENDPOINT));
    fs.mkdirSync(path.join(folder, 'network'));
    fs.writeFileSync(path.join(folder, 'network/endpoint.bicep'), endpoint('oai-shared'));
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(folder, 'network/endpoint.bicep'), type: 1 }],
    });
    await client.waitForDiagnostics(accountUri, hasNot(PRIVATE_ENDPOINT));
  });
});
