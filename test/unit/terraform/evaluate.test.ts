// Expressions: what is known, what is unknown and why, where values come from.
import { strict as assert } from 'node:assert';
import type { UnknownValue, Value } from '../../../server/src/model/value';
import { make } from '../../../server/src/model/value';
import { analyze, json, nameValue, resource } from './helpers';

function unknown(value: Value): UnknownValue {
  assert.equal(value.kind, 'unknown', `expected unknown, got ${JSON.stringify(json(value))}`);
  return value as UnknownValue;
}

const KEY = 'azurerm_user_assigned_identity.t';

describe('terraform expressions', () => {
  it('resolves a variable default, with the default as origin', () => {
    const { text, value } = nameValue('variable "n" {\n  default = "id-a"\n}', 'var.n');
    assert.equal(json(value), 'id-a');
    assert.equal(text.slice(value.span.start, value.span.end), 'var.n');
    assert.match(value.origins?.[0].description ?? '', /default of variable 'n'/);
  });

  it('leaves a variable without default unknown, with its validation values as candidates', () => {
    const { value } = nameValue(
      'variable "n" {\n  type = string\n  validation {\n    condition = contains(["a", "b"], var.n)\n    error_message = "x"\n  }\n}',
      'var.n',
    );
    const u = unknown(value);
    assert.match(u.reason, /variable 'n', which has no default/);
    assert.deepEqual(u.candidates?.map(json), ['a', 'b']);
  });

  it('applies terraform.tfvars then *.auto.tfvars, later files winning, with the file as origin', () => {
    const result = analyze({
      'main.tf': `variable "n" {\n  default = "d"\n}\nvariable "m" {}\nresource "azurerm_user_assigned_identity" "t" {\n  name = var.n\n  location = var.m\n}\n`,
      'terraform.tfvars': 'n = "from-tfvars"\nm = "west"\n',
      'b.auto.tfvars': 'n = "from-auto"\n',
      'other.tfvars': 'n = "only-with-var-file"\n',
    });
    const r = resource(result, KEY);
    assert.equal(json(r.get('name')), 'from-auto');
    assert.equal(r.get('name')?.origins?.[0].uri, 'file:///work/infra/b.auto.tfvars');
    assert.equal(json(r.get('location')), 'west');
    assert.ok(result.documents.some((d) => d.language === 'tfvars'));
    assert.equal(result.links.length, 0, 'tfvars of the directory are applied here, not linked');
  });

  it('takes module-caller values as suppliers and reports disagreement as candidates', () => {
    const supplier = (value: string) => ({
      uri: `file:///work/caller-${value}.tf`,
      description: `module in caller-${value}.tf`,
      values: new Map([['n', make.literal(value, { start: 0, end: 1 })]]),
    });
    const text = 'variable "n" {}\nresource "azurerm_user_assigned_identity" "t" {\n  name = var.n\n}\n';
    const one = resource(analyze({ 'main.tf': text }, [supplier('x')]), KEY).get('name');
    assert.equal(json(one), 'x');
    const two = unknown(resource(analyze({ 'main.tf': text }, [supplier('x'), supplier('y')]), KEY).get('name')!);
    assert.deepEqual(two.candidates?.map(json).sort(), ['x', 'y']);
  });

  it('fills absent object attributes from optional(T, default) in the type constraint', () => {
    const declarations = `variable "cfg" {
  type = object({
    name  = optional(string, "from-type")
    flags = optional(object({
      local_auth = optional(bool, false)
    }), {})
    other = optional(string)
  })
  default = {}
}`;
    assert.equal(json(nameValue(declarations, 'var.cfg.name').value), 'from-type');
    assert.equal(json(nameValue(declarations, 'var.cfg.flags.local_auth').value), false);
    assert.equal(json(nameValue(declarations, 'var.cfg.other').value), null);
    const given = declarations.replace('default = {}', 'default = { name = "given" }');
    assert.equal(json(nameValue(given, 'var.cfg.name').value), 'given');
  });

  it('resolves locals across files of the module, with the local as origin', () => {
    const result = analyze({
      'locals.tf': 'locals {\n  prefix = "ai"\n  name = "${local.prefix}-id"\n}\n',
      'main.tf': 'resource "azurerm_user_assigned_identity" "t" {\n  name = local.name\n}\n',
    });
    const value = resource(result, KEY).get('name')!;
    assert.equal(json(value), 'ai-id');
    assert.deepEqual(value.origins?.[0], {
      uri: 'file:///work/infra/locals.tf',
      span: value.origins?.[0].span,
      description: "local 'name'",
    });
  });

  it('does not loop on cyclic locals', () => {
    const { value } = nameValue('locals {\n  a = local.b\n  b = local.a\n}', 'local.a');
    assert.match(unknown(value).reason, /cycle/);
  });

  it('evaluates conditionals, !, ==, !=, && and ||', () => {
    const cases: [string, unknown][] = [
      ['true ? "a" : "b"', 'a'],
      ['!true ? "a" : "b"', 'b'],
      ['"x" == "x" ? "a" : "b"', 'a'],
      ['1 != 1 ? "a" : "b"', 'b'],
      ['true && false ? "a" : "b"', 'b'],
      ['false || true ? "a" : "b"', 'a'],
      ['(2 + 3 > 4) ? "a" : "b"', 'a'],
    ];
    for (const [expression, expected] of cases)
      assert.equal(json(nameValue('', expression).value), expected, expression);
  });

  it('gives an unknown condition both branches as candidates', () => {
    const u = unknown(nameValue('variable "p" {\n  type = bool\n}', 'var.p ? "a" : "b"').value);
    assert.deepEqual(u.candidates?.map(json), ['a', 'b']);
    assert.match(u.reason, /variable 'p'/);
  });

  it('short-circuits && / || on a known side', () => {
    assert.equal(json(nameValue('variable "p" {}', 'false && var.p ? "a" : "b"').value), 'b');
    assert.equal(json(nameValue('variable "p" {}', 'var.p || true ? "a" : "b"').value), 'a');
  });

  it('builds strings from known parts and is unknown when a part is unknown', () => {
    assert.equal(json(nameValue('locals {\n  a = 1\n}', '"n-${local.a}-${true}"').value), 'n-1-true');
    const u = unknown(nameValue('', '"n-${azurerm_resource_group.rg.name}"').value);
    assert.match(u.reason, /name of azurerm_resource_group.rg/);
  });

  it('evaluates jsonencode, tostring, lower, upper, merge, coalesce and try', () => {
    const cases: [string, unknown][] = [
      ['jsonencode({ a = 1, b = [true] })', '{"a":1,"b":[true]}'],
      ['tostring(5)', '5'],
      ['lower("AbC")', 'abc'],
      ['upper("AbC")', 'ABC'],
      ['merge({ a = 1 }, { b = 2 }, { a = 3 })', { a: 3, b: 2 }],
      ['coalesce("", null, "x")', 'x'],
      ['try("first", "second")', 'first'],
      ['format("%s-%d", "a", 1)', 'a-1'],
      ['join("-", ["a", "b"])', 'a-b'],
      ['length([1, 2, 3])', 3],
      ['contains(["a"], "a")', true],
      ['lookup({ a = "x" }, "a", "y")', 'x'],
      ['concat(["a"], ["b"])', ['a', 'b']],
    ];
    for (const [expression, expected] of cases) {
      assert.deepEqual(json(nameValue('', expression).value), expected, expression);
    }
  });

  it('marks each.value, count.index, functions it does not know and for expressions unknown with a reason', () => {
    const cases: [string, RegExp][] = [
      ['each.value.name', /for_each item \(each.value.name\)/],
      ['"n${count.index}"', /count.index/],
      ['timestamp()', /generated by timestamp/],
      ['cidrsubnet("10.0.0.0/16", 8, 1)', /calls cidrsubnet\(\)/],
      ['[for x in data.azurerm_x.n.list : x][0]', /read from data source data.azurerm_x.n/],
      ['module.net.subnet_id', /output 'subnet_id' of module 'net'/],
      ['try(var.missing.x, "b")', /not declared/],
    ];
    for (const [expression, reason] of cases) {
      const u = unknown(nameValue('', expression).value);
      assert.match(u.reason, reason, expression);
      assert.ok(u.text.length > 0, `${expression} keeps its text`);
    }
  });

  it('gives each.value of a known for_each every item as a candidate', () => {
    const text = `resource "azurerm_cognitive_account" "a" {
  for_each           = { prod = { keys = false }, dev = { keys = true } }
  name               = each.key
  local_auth_enabled = each.value.keys
}
`;
    const r = resource(analyze({ 'main.tf': text }), 'azurerm_cognitive_account.a');
    assert.equal(r.inLoop, true);
    const name = unknown(r.get('name')!);
    assert.deepEqual(name.candidates?.map(json), ['prod', 'dev']);
    assert.match(name.reason, /for_each item \(each.key\)/);
    const local = unknown(r.get('properties.disableLocalAuth')!);
    assert.deepEqual(local.candidates?.map(json), [true, false]);
    // An unknown collection leaves the item open.
    const open = unknown(nameValue('variable "m" {}', 'each.value').value);
    assert.equal(open.candidates, undefined);
  });

  it('turns resource references into unknowns with a reference to the address and attribute', () => {
    const u = unknown(nameValue('', 'azurerm_cognitive_account.main.id').value);
    assert.deepEqual(u.reference, { key: 'azurerm_cognitive_account.main', attribute: 'id' });
    const indexed = unknown(nameValue('', 'azurerm_cognitive_account.main[0].name').value);
    assert.deepEqual(indexed.reference, { key: 'azurerm_cognitive_account.main', attribute: 'name' });
    const azapi = unknown(nameValue('', 'azapi_resource.hub.id').value);
    assert.deepEqual(azapi.reference, { key: 'azapi_resource.hub', attribute: 'id' });
    const data = unknown(nameValue('', 'data.azurerm_key_vault.kv.id').value);
    assert.deepEqual(data.reference, { key: 'data.azurerm_key_vault.kv', attribute: 'id' });
  });

  it('names key attributes in references (primary_access_key, primary_connection_string …)', () => {
    for (const attribute of ['primary_access_key', 'primary_connection_string', 'primary_key', 'secondary_key']) {
      const u = unknown(nameValue('', `azurerm_cognitive_account.main.${attribute}`).value);
      assert.equal(u.reference?.attribute, attribute);
      assert.match(u.reason, /secret/);
    }
  });

  it('points references at the file of the module that declares the target', () => {
    const result = analyze({
      'main.tf': 'resource "azurerm_cognitive_account" "a" {\n  name = "a"\n}\n',
      'pe.tf': 'resource "azurerm_role_assignment" "r" {\n  scope = azurerm_cognitive_account.a.id\n}\n',
    });
    const scope = unknown(resource(result, 'azurerm_role_assignment.r').scope!);
    assert.deepEqual(scope.reference, {
      key: 'azurerm_cognitive_account.a',
      attribute: 'id',
      uri: 'file:///work/infra/main.tf',
    });
  });
});
