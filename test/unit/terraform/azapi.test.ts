// azapi_resource and azapi_update_resource: type and API version, body shapes, identity, parent/scope,
// patches merged into their target.
import { strict as assert } from 'node:assert';
import type { TerraformResourceSyntax } from '../../../server/src/parse/terraform';
import { analyze, json, one, resource, textAt } from './helpers';

function azapi(body: string, extra = '') {
  const text = `resource "azapi_resource" "r" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "oai"
  parent_id = var.rg_id
  location  = "swedencentral"
${extra}  body = ${body}
}
variable "rg_id" {}
`;
  return { text, r: one(text, 'azapi_resource.r') };
}

describe('azapi resources', () => {
  it('splits type into ARM type and API version', () => {
    const { r } = azapi('{}');
    assert.equal(r.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(r.apiVersion, '2024-10-01');
    assert.equal(r.sourceType, 'azapi_resource');
    assert.equal(json(r.get('name')), 'oai');
    assert.equal(json(r.get('location')), 'swedencentral');
  });

  it('knows the type when only the API version is a variable', () => {
    const text =
      'variable "api" {}\nresource "azapi_resource" "r" {\n  type = "Microsoft.CognitiveServices/accounts@${var.api}"\n  body = {}\n}\n';
    const r = one(text, 'azapi_resource.r');
    assert.equal(r.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(r.apiVersion, undefined);
  });

  it('reads an HCL object body (azapi 2.x) with spans in the source', () => {
    const { text, r } = azapi('{\n    kind = "OpenAI"\n    properties = {\n      disableLocalAuth = true\n    }\n  }');
    assert.equal(json(r.get('kind')), 'OpenAI');
    assert.equal(textAt(text, r.get('properties.disableLocalAuth')), 'true');
    assert.ok((r.syntax as TerraformResourceSyntax).azapiBody?.jsonencode === false);
  });

  it('unwraps jsonencode({...}) bodies (azapi 1.x)', () => {
    const { text, r } = azapi('jsonencode({\n    properties = { publicNetworkAccess = "Disabled" }\n  })');
    assert.equal(json(r.get('properties.publicNetworkAccess')), 'Disabled');
    assert.equal(textAt(text, r.get('properties.publicNetworkAccess')), '"Disabled"');
    assert.ok((r.syntax as TerraformResourceSyntax).azapiBody?.jsonencode);
  });

  it('parses JSON strings and heredocs as bodies', () => {
    const { r } = azapi('<<BODY\n{ "properties": { "disableLocalAuth": false } }\nBODY');
    assert.equal(json(r.get('properties.disableLocalAuth')), false);
  });

  it('leaves a body that is not known open-ended', () => {
    const { r } = azapi('var.body', '');
    assert.equal(r.get('properties.disableLocalAuth')?.kind, 'unknown');
  });

  it('maps the identity block', () => {
    const { r } = azapi(
      '{}',
      '  identity {\n    type = "UserAssigned"\n    identity_ids = [azurerm_user_assigned_identity.u.id]\n  }\n',
    );
    assert.equal(json(r.get('identity.type')), 'UserAssigned');
    const ids = r.get('identity.userAssignedIdentities');
    assert.equal(ids?.kind === 'object' && ids.properties.length, 1);
  });

  it('links children to their parent and extension resources to their scope through parent_id', () => {
    const result = analyze({
      'main.tf': `resource "azapi_resource" "hub" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "hub"
}
resource "azapi_resource" "project" {
  type      = "Microsoft.CognitiveServices/accounts/projects@2025-06-01"
  name      = "p"
  parent_id = azapi_resource.hub.id
}
resource "azapi_resource" "diag" {
  type      = "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"
  name      = "d"
  parent_id = azapi_resource.hub.id
  body      = { properties = { logs = [{ categoryGroup = "allLogs", enabled = true }] } }
}
`,
    });
    assert.equal(resource(result, 'azapi_resource.project').parentKey, 'azapi_resource.hub');
    const diag = resource(result, 'azapi_resource.diag');
    assert.equal(diag.parentKey, undefined);
    assert.deepEqual(diag.scope?.kind === 'unknown' ? diag.scope.reference : undefined, {
      key: 'azapi_resource.hub',
      attribute: 'id',
      uri: 'file:///work/infra/main.tf',
    });
  });

  it('merges azapi_update_resource bodies into the target, spans in the update block', () => {
    const text = `resource "azurerm_cognitive_account" "a" {
  name               = "oai"
  local_auth_enabled = true
}
resource "azapi_update_resource" "u" {
  type        = "Microsoft.CognitiveServices/accounts@2024-10-01"
  resource_id = azurerm_cognitive_account.a.id
  body = {
    properties = {
      disableLocalAuth    = true
      publicNetworkAccess = "Disabled"
    }
  }
}
`;
    const result = analyze({ 'main.tf': text });
    const r = resource(result, 'azurerm_cognitive_account.a');
    assert.equal(json(r.get('properties.disableLocalAuth')), true, 'the patch wins');
    assert.equal(textAt(text, r.get('properties.publicNetworkAccess')), '"Disabled"');
    assert.equal(json(r.get('name')), 'oai', 'addressing attributes of the update block do not patch');
    assert.equal((r.syntax as TerraformResourceSyntax).patches[0].sourceType, 'azapi_update_resource');
    assert.equal(result.documents[0].resources.length, 1);
  });

  it('keeps an azapi_update_resource with an unresolvable target as existing', () => {
    const r = one(
      'resource "azapi_update_resource" "u" {\n  type = "Microsoft.Search/searchServices@2024-06-01"\n  resource_id = var.id\n  body = { properties = { disableLocalAuth = true } }\n}\nvariable "id" {}\n',
      'azapi_update_resource.u',
    );
    assert.equal(r.existing, true);
    assert.equal(r.type, 'Microsoft.Search/searchServices');
  });
});
