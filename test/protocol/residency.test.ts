// What the language server keeps loaded: the neighbourhood of a file in the workspace scan's unit graph
// (links and literal names, closed under both), and a Residency that loads neighbourhoods and unloads the
// rest, keeping findings without their model, facts for the summary and the positions diagnostics need.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { batchScan } from '../../server/src/engine/batch/plan';
import type { Finding } from '../../server/src/engine/finding';
import { WorkspaceSession } from '../../server/src/engine/session';
import { UnitNeighbourhoods } from '../../server/src/lsp/neighbourhood';
import { Residency } from '../../server/src/lsp/residency';
import { SessionRegistry } from '../../server/src/lsp/sessions';

const files: Record<string, string> = {
  'app/main.bicep': `param localAuth bool
module ai 'modules/openai.bicep' = {
  name: 'ai'
  params: { localAuth: localAuth }
}
`,
  'app/main.bicepparam': `using 'main.bicep'
param localAuth = true
`,
  'app/modules/openai.bicep': `param localAuth bool
resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-app'
  location: 'eastus'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: { disableLocalAuth: !localAuth }
}
`,
  'ai/account.bicep': `resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-shared'
  location: 'eastus'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: { publicNetworkAccess: 'Disabled', disableLocalAuth: false }
}
`,
  'network/endpoint.bicep': `resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-oai'
  location: 'eastus'
  properties: {
    privateLinkServiceConnections: [
      {
        name: 'oai'
        properties: {
          privateLinkServiceId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-shared'
          groupIds: ['account']
        }
      }
    ]
  }
}
`,
  'tf/main.tf': `resource "azurerm_cognitive_account" "oai" {
  name                = "oai-tf"
  location            = "eastus"
  resource_group_name = "rg"
  kind                = "OpenAI"
  sku_name            = "S0"
  local_auth_enabled  = var.local_auth
}
`,
  'tf/variables.tf': `variable "local_auth" {
  default = true
}
`,
  'lonely.bicep': `resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlonely'
  location: 'eastus'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
`,
};

describe('language server: neighbourhoods and residency', function () {
  this.timeout(120_000);
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const names = (uris: Iterable<string>) => [...uris].map((u) => path.relative(dir, new URL(u).pathname)).sort();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-residency-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function scanGraph(): Promise<UnitNeighbourhoods> {
    const scan = await batchScan(
      Object.keys(files).map((name) => path.join(dir, name)),
      { withFixes: false, threads: 1 },
    );
    return UnitNeighbourhoods.ofScan(scan.graph);
  }

  it('a neighbourhood follows links both ways, literal names, and Terraform modules, and nothing else', async () => {
    const graph = await scanGraph();
    const app = ['app/main.bicep', 'app/main.bicepparam', 'app/modules/openai.bicep'];
    assert.deepEqual(names(graph.filesAround([uri('app/modules/openai.bicep')])), app);
    assert.deepEqual(names(graph.filesAround([uri('app/main.bicepparam')])), app);
    assert.deepEqual(names(graph.filesAround([uri('ai/account.bicep')])), [
      'ai/account.bicep',
      'network/endpoint.bicep',
    ]);
    assert.deepEqual(names(graph.filesAround([uri('tf/variables.tf')])), ['tf/main.tf', 'tf/variables.tf']);
    assert.deepEqual(names(graph.filesAround([uri('lonely.bicep')])), ['lonely.bicep']);
  });

  it('a neighbourhood changes with the graph: an update that drops a name, a file removed', async () => {
    const graph = await scanGraph();
    graph.update(uri('network/endpoint.bicep'), [], { offers: [], wants: [], wantsUris: [] });
    assert.deepEqual(names(graph.filesAround([uri('ai/account.bicep')])), ['ai/account.bicep']);
    graph.removeFile(uri('app/main.bicep'));
    assert.deepEqual(names(graph.filesAround([uri('app/main.bicepparam')])), ['app/main.bicepparam']);
    assert.equal(graph.has(uri('app/main.bicep')), false);
  });

  it('loads what open files need, and unloads the rest keeping findings, facts and positions', async () => {
    const registry = new SessionRegistry(async ({ root, hasFile }) =>
      WorkspaceSession.create({ root, outside: { links: new Map(), hasFile } }),
    );
    await registry.reset([pathToFileURL(dir).href], true);
    const folder = registry.allFolders()[0];
    folder.neighbourhoods = await scanGraph();
    const open = new Set<string>();
    const kept = new Map<string, readonly Finding[]>();
    const residency = new Residency({
      sessions: registry,
      openText: () => undefined,
      diskText: (u) => fs.readFileSync(new URL(u), 'utf8'),
      findingsOf: (u) => kept.get(u),
      keepFindings: (u, findings) => kept.set(u, findings),
      openUris: () => open,
    });

    open.add(uri('ai/account.bicep'));
    assert.deepEqual(names(residency.load(open)), ['ai/account.bicep', 'network/endpoint.bicep']);
    assert.deepEqual(names(folder.files), ['ai/account.bicep', 'network/endpoint.bicep']);
    // With the endpoint loaded, the account's findings are those of the whole workspace.
    const findings = folder.session.check([uri('ai/account.bicep')]).get(uri('ai/account.bicep'))!;
    assert.ok(!findings.some((f) => f.ruleId === 'AIS-COG-PRIVATE-ENDPOINT'), 'the endpoint counts');
    const localAuth = findings.find((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH')!;
    assert.ok(localAuth.fixes.length > 0 && localAuth.fixes[0].edits.length > 0, 'a fix with model edits');
    const lines = folder.session.document(uri('ai/account.bicep'))!.lines;
    kept.set(uri('ai/account.bicep'), findings);

    // A file changed on disk brings its neighbourhood while its checks run.
    assert.deepEqual(names(residency.pin([uri('tf/main.tf')])), ['tf/main.tf', 'tf/variables.tf']);
    assert.equal(residency.evict(), 2, 'the still-open account keeps its neighbourhood; the Terraform module goes');
    assert.deepEqual(names(folder.files), ['ai/account.bicep', 'network/endpoint.bicep']);

    open.clear();
    assert.equal(residency.evict(), 2);
    assert.equal(folder.files.size, 0);
    assert.equal(registry.has(uri('ai/account.bicep')), false);
    const after = kept.get(uri('ai/account.bicep'))!;
    assert.equal(after.length, findings.length, 'findings kept');
    const keptFix = after.find((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH')!.fixes[0];
    assert.equal(keptFix.title, localAuth.fixes[0].title);
    assert.deepEqual(keptFix.edits, [], 'nothing of the model is kept');
    const facts = folder.facts.get(uri('ai/account.bicep'))!;
    assert.deepEqual(facts.resources, [
      { key: 'account', type: 'Microsoft.CognitiveServices/accounts', existing: false },
    ]);
    assert.equal(facts.skipped, false);
    assert.deepEqual(
      folder.positions.of(uri('ai/account.bicep')).positionAt(localAuth.span.start),
      lines.positionAt(localAuth.span.start),
    );
  });
});
