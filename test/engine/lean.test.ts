// A scan without fixes (keepSyntax: false) forgets the front ends' syntax handles as it goes, and finds
// exactly what a full session finds.
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, WorkspaceSession } from '../../server/src/engine';
import { OPEN_ACCOUNT, ROOT } from './helpers';

const TERRAFORM = `resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-test"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-test"
  local_auth_enabled    = true
}
`;
const ARM = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  resources: [
    {
      type: 'Microsoft.CognitiveServices/accounts',
      apiVersion: '2024-10-01',
      name: 'oai-arm',
      kind: 'OpenAI',
      properties: { disableLocalAuth: false },
    },
  ],
});

async function session(keepSyntax: boolean | undefined): Promise<WorkspaceSession> {
  const result = await WorkspaceSession.create({ config: DEFAULT_CONFIG, today: '2026-06-01', keepSyntax });
  result.setFile(`${ROOT}/main.bicep`, OPEN_ACCOUNT);
  result.setFile(`${ROOT}/tf/main.tf`, TERRAFORM);
  result.setFile(`${ROOT}/azuredeploy.json`, ARM);
  return result;
}

const summary = (s: WorkspaceSession) =>
  [...s.check().values()].flat().map((f) => `${f.ruleId}|${f.uri}|${f.span.start}|${f.kind}|${f.fixes.length}`);

describe('engine: scans without syntax handles', () => {
  it('by default resources keep their syntax handle (fixes can become text edits)', async () => {
    const full = await session(undefined);
    const resources = full.documents().flatMap((d) => d.resources);
    assert.equal(resources.length, 3);
    assert.ok(resources.every((r) => r.syntax !== undefined));
  });

  it('keepSyntax: false drops every handle and finds the same findings, fixes included', async () => {
    const full = await session(true);
    const lean = await session(false);
    const resources = lean.documents().flatMap((d) => d.resources);
    assert.equal(resources.length, 3);
    assert.ok(resources.every((r) => r.syntax === undefined));
    const expected = summary(full);
    assert.ok(expected.length >= 3);
    assert.deepEqual(summary(lean), expected);
  });
});
