// Blocks → model: resources, data sources, loops and conditions, dynamic blocks, outputs, variables, modules.
import { strict as assert } from 'node:assert';
import type { TerraformResourceSyntax } from '../../../server/src/parse/terraform';
import { analyze, document, json, one, resource, textAt } from './helpers';

const ACCOUNT = `resource "azurerm_cognitive_account" "a" {
  name     = "oai"
  location = "swedencentral"
  kind     = "OpenAI"
  sku_name = "S0"
}
`;

describe('terraform model', () => {
  it('maps a resource block: key, ARM type, source type, spans', () => {
    const text = `# header comment\n${ACCOUNT}`;
    const result = analyze({ 'main.tf': text });
    const r = resource(result, 'azurerm_cognitive_account.a');
    assert.equal(r.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(r.sourceType, 'azurerm_cognitive_account');
    assert.equal(r.language, 'terraform');
    assert.equal(text.slice(r.headerSpan.start, r.headerSpan.end), 'resource "azurerm_cognitive_account" "a"');
    assert.ok(text.slice(r.span.start, r.span.end).endsWith('}'));
    assert.equal(json(r.get('kind')), 'OpenAI');
    assert.equal(textAt(text, r.get('kind')), '"OpenAI"');
    assert.equal(json(r.get('sku.name')), 'S0');
    assert.equal(r.existing, undefined);
  });

  it('marks data sources existing, keyed data.<type>.<name>', () => {
    const result = analyze({ 'main.tf': 'data "azurerm_cognitive_account" "shared" {\n  name = "x"\n}\n' });
    const r = resource(result, 'data.azurerm_cognitive_account.shared');
    assert.equal(r.existing, true);
    assert.equal(r.type, 'Microsoft.CognitiveServices/accounts');
  });

  it('keeps unmapped resource types under a terraform/ placeholder type, so references resolve', () => {
    const result = analyze({ 'main.tf': 'resource "random_string" "s" {\n  length = 4\n}\n' });
    const r = resource(result, 'random_string.s');
    assert.equal(r.type, 'terraform/random_string');
    assert.deepEqual((r.syntax as TerraformResourceSyntax).unmappedAttributes, ['length']);
  });

  it('reads count = cond ? 1 : 0 as a condition, and other counts / for_each as loops', () => {
    const text = `variable "on" {\n  type = bool\n}\n${ACCOUNT.replace('{', '{\n  count = var.on ? 1 : 0')}`;
    const r = one(text, 'azurerm_cognitive_account.a');
    assert.equal(r.condition?.kind, 'unknown');
    assert.equal(r.inLoop, undefined);
    const inverted = one(ACCOUNT.replace('{', '{\n  count = false ? 1 : 0'), 'azurerm_cognitive_account.a');
    assert.equal(json(inverted.condition), false);
    const flipped = one(ACCOUNT.replace('{', '{\n  count = true ? 0 : 1'), 'azurerm_cognitive_account.a');
    assert.equal(json(flipped.condition), false);
    const loop = one(ACCOUNT.replace('{', '{\n  count = 3'), 'azurerm_cognitive_account.a');
    assert.equal(loop.inLoop, true);
    const forEach = one(
      ACCOUNT.replace('{', '{\n  for_each = { a = 1 }\n  name = each.key'),
      'azurerm_cognitive_account.a',
    );
    assert.equal(forEach.inLoop, true);
  });

  it('reads dynamic blocks as open-ended: repeated blocks leave their list open, single blocks unknown', () => {
    const text = `variable "rules" {\n  type = list(string)\n}
resource "azurerm_cognitive_account" "a" {
  dynamic "network_acls" {
    for_each = var.rules
    content {
      default_action = "Deny"
    }
  }
}
resource "azurerm_monitor_diagnostic_setting" "d" {
  target_resource_id = azurerm_cognitive_account.a.id
  dynamic "enabled_log" {
    for_each = var.rules
    content {
      category = enabled_log.value
    }
  }
}
`;
    const result = analyze({ 'main.tf': text });
    const acls = resource(result, 'azurerm_cognitive_account.a').get('properties.networkAcls');
    assert.equal(acls?.kind, 'unknown');
    assert.match(acls?.kind === 'unknown' ? acls.reason : '', /dynamic block 'network_acls'/);
    assert.deepEqual(acls?.kind === 'unknown' ? acls.candidates?.map(json) : [], [{ defaultAction: 'Deny' }]);
    const logs = resource(result, 'azurerm_monitor_diagnostic_setting.d').get('properties.logs');
    assert.equal(logs?.kind, 'array');
    assert.ok(logs?.kind === 'array' && logs.openEnded);
    // An empty for_each produces nothing.
    const none = one(text.replace('for_each = var.rules', 'for_each = []'), 'azurerm_cognitive_account.a');
    assert.equal(none.get('properties.networkAcls'), undefined);
  });

  it('fills outputs (sensitive = secure) and parameters (type text, sensitive, default)', () => {
    const text = `variable "key" {
  type      = string
  sensitive = true
  default   = "abc"
}
variable "tags" {
  type = map(string)
}
output "endpoint" {
  value = azurerm_cognitive_account.a.endpoint
}
output "key" {
  value     = azurerm_cognitive_account.a.primary_access_key
  sensitive = true
}
`;
    const doc = document(analyze({ 'main.tf': text }));
    assert.deepEqual(
      doc.parameters?.map((p) => [p.name, p.type, p.secure, p.defaultValue && json(p.defaultValue)]),
      [
        ['key', 'string', true, 'abc'],
        ['tags', 'map(string)', false, undefined],
      ],
    );
    assert.deepEqual(
      doc.outputs?.map((o) => [o.name, o.secure, o.value.kind === 'unknown' ? o.value.reference?.attribute : '']),
      [
        ['endpoint', false, 'endpoint'],
        ['key', true, 'primary_access_key'],
      ],
    );
    assert.equal(textAt(text, { span: doc.outputs![1].nameSpan }), '"key"');
  });

  it('links local module calls to the module directory with the supplied values; registry modules do not link', () => {
    const text = `module "ai" {
  source   = "./modules/ai"
  name     = "oai"
  count    = 1
}
module "remote" {
  source  = "Azure/avm-res-cognitiveservices-account/azurerm"
  version = "0.1.0"
  name    = "x"
}
module "up" {
  source = "../shared/"
  flag   = true
}
`;
    const result = analyze({ 'main.tf': text });
    assert.deepEqual(
      result.links.map((l) => [l.templateUri, l.supplier.description, [...l.supplier.values.keys()]]),
      [
        ['file:///work/infra/modules/ai', "module 'ai' in main.tf", ['name']],
        ['file:///work/shared', "module 'up' in main.tf", ['flag']],
      ],
    );
    assert.equal(json(result.links[0].supplier.values.get('name')), 'oai');
    assert.equal(result.links[0].supplier.uri, 'file:///work/infra/main.tf');
  });

  it('exposes the syntax handle for edit/: block, braces, attribute spans, mapping entry', () => {
    const text = ACCOUNT;
    const r = one(text, 'azurerm_cognitive_account.a');
    const syntax = r.syntax as TerraformResourceSyntax;
    assert.equal(syntax.kind, 'terraform');
    assert.equal(syntax.blockKind, 'resource');
    assert.equal(syntax.mapping?.sourceType, 'azurerm_cognitive_account');
    assert.equal(text.slice(syntax.block.openBrace.start, syntax.block.openBrace.end), '{');
    assert.equal(text.slice(syntax.block.closeBrace.start, syntax.block.closeBrace.end), '}');
    const kind = syntax.block.body.attributes.find((a) => a.name === 'kind');
    assert.equal(text.slice(kind!.nameSpan.start, kind!.nameSpan.end), 'kind');
    assert.equal(text.slice(kind!.value.span.start, kind!.value.span.end), '"OpenAI"');
  });
});
