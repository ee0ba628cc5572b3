// HCL semantics that decide whether a value is known: right-associative conditionals, `for` expressions,
// merge() with open-ended arguments, patches that may not apply, zero-instance loops.
import { strict as assert } from 'node:assert';
import type { UnknownValue, Value } from '../../../server/src/model/value';
import { getPath } from '../../../server/src/model/value';
import type { TerraformResourceSyntax } from '../../../server/src/parse/terraform';
import { analyze, json, nameValue, one, resource, textAt } from './helpers';

function unknown(value: Value | undefined): UnknownValue {
  assert.ok(value, 'no value');
  assert.equal(value.kind, 'unknown', `expected unknown, got ${JSON.stringify(json(value))}`);
  return value as UnknownValue;
}

/** The value of `local.x` (through the name of a mapped resource). */
function local(expression: string, declarations = ''): Value {
  return nameValue(`${declarations}\nlocals {\n  x = ${expression}\n}`, 'local.x').value;
}

describe('terraform semantics: conditionals', () => {
  it('reads chained conditionals right-associatively', () => {
    assert.equal(json(local('true ? "a" : false ? "b" : "c"')), 'a');
    assert.equal(json(local('false ? "a" : true ? "b" : "c"')), 'b');
    assert.equal(json(local('false ? "a" : false ? "b" : "c"')), 'c');
    assert.equal(json(local('false ? "a" : false ? "b" : false ? "c" : "d"')), 'd');
    assert.equal(json(local('false ? "a" : false ? "b" : true ? "c" : "d"')), 'c');
  });

  it('keeps explicit parentheses and conditionals in the then branch as written', () => {
    // (true ? false : true) is false → "e"
    assert.equal(json(local('(true ? false : true) ? "d" : "e"')), 'e');
    assert.equal(json(local('true ? false ? "b" : "c" : "d"')), 'c');
    assert.equal(json(local('1 == 2 ? "a" : 2 == 2 ? "b" : "c"')), 'b');
  });

  it('gives exactly the reachable branches as candidates when a condition is unknown', () => {
    const declarations = 'variable "p" {\n  type = bool\n}\nvariable "q" {\n  type = bool\n}';
    const all = unknown(local('var.p ? "a" : var.q ? "b" : "c"', declarations));
    assert.deepEqual(all.candidates?.map(json), ['a', 'b', 'c']);
    const pruned = unknown(local('var.p ? "a" : false ? "b" : "c"', declarations));
    assert.deepEqual(pruned.candidates?.map(json), ['a', 'c']);
    assert.equal(json(local('true ? "a" : var.q ? "b" : "c"', declarations)), 'a');
    const inner = unknown(local('false ? "a" : var.q ? "b" : "c"', declarations));
    assert.deepEqual(inner.candidates?.map(json), ['b', 'c']);
  });

  it('spans the re-associated inner conditional from its condition to the end', () => {
    const { text, value } = nameValue(
      'variable "q" {\n  type = bool\n}\nlocals {\n  x = false ? "a" : var.q ? "b" : "c"\n}',
      'local.x',
    );
    const u = unknown(value);
    assert.match(u.reason, /variable 'q'/);
    assert.ok(text.includes('false ? "a" : var.q ? "b" : "c"'));
  });
});

describe('terraform semantics: for expressions', () => {
  it('filters a known object with the `k => v if v != null` idiom', () => {
    const value = local('{ for k, v in { a = 1, b = null, c = "x" } : k => v if v != null }');
    assert.deepEqual(json(value), { a: 1, c: 'x' });
  });

  it('evaluates tuple forms, single-variable forms and the index of a list', () => {
    assert.deepEqual(json(local('[for s in ["a", "b"] : upper(s)]')), ['A', 'B']);
    assert.deepEqual(json(local('[for i, s in ["a", "b"] : "${i}-${s}"]')), ['0-a', '1-b']);
    assert.deepEqual(json(local('[for s in toset(["a", "b", "c"]) : s if s != "b"]')), ['a', 'c']);
    assert.deepEqual(json(local('{ for s in ["a", "b"] : s => "v-${s}" }')), { a: 'v-a', b: 'v-b' });
    assert.deepEqual(json(local('[for k, v in { a = 1, b = 2 } : "${k}=${v}"]')), ['a=1', 'b=2']);
  });

  it('groups values with `...`', () => {
    assert.deepEqual(json(local('{ for k, v in { a = "x", b = "y", c = "x" } : v => k... }')), {
      x: ['a', 'c'],
      y: ['b'],
    });
  });

  it('keeps known members and leaves the result open-ended when a filter is unknown', () => {
    const value = local('{ for k, v in { a = 1, b = var.u } : k => v if v != null }', 'variable "u" {}');
    assert.equal(value.kind, 'object');
    assert.equal(json(getPath(value, 'a')), 1);
    const b = unknown(getPath(value, 'b'));
    assert.match(b.reason, /may be set by \{ for k, v in/);
    unknown(getPath(value, 'anything'));
  });

  it('keeps members whose value is unknown but whose filter is known', () => {
    const value = local('{ for k, v in { a = var.u, b = null } : k => v if k != "b" }', 'variable "u" {}');
    assert.equal(value.kind, 'object');
    unknown(getPath(value, 'a'));
    assert.equal(getPath(value, 'b'), undefined, 'filtered out: absent');
  });

  it('is unknown over an unknown collection, and open-ended over an open-ended one', () => {
    const value = unknown(local('{ for k, v in var.m : k => v if v != null }', 'variable "m" {}'));
    assert.match(value.reason, /variable 'm'/);
    const open = local('[for s in concat(["a"], var.l) : s]', 'variable "l" {}');
    assert.equal(open.kind, 'array');
    assert.equal(json(getPath(open, '0')), 'a');
    unknown(getPath(open, '1'));
  });

  it('binds loop variables from variable defaults, not only literals', () => {
    const value = local(
      '{ for k, v in var.props : k => v if v != null }',
      'variable "props" {\n  default = { publicNetworkAccess = "Disabled", disableLocalAuth = null }\n}',
    );
    assert.deepEqual(json(value), { publicNetworkAccess: 'Disabled' });
  });

  it('keeps the spans of entries a `k => v` filter passes through (findings and fixes point there)', () => {
    const text = `resource "azapi_resource" "r" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "oai"
  parent_id = "x"
  body = {
    properties = { for k, v in {
      publicNetworkAccess = "Enabled"
      disableLocalAuth    = null
    } : k => v if v != null }
  }
}
`;
    const r = one(text, 'azapi_resource.r');
    const pna = r.get('properties.publicNetworkAccess');
    assert.equal(json(pna), 'Enabled');
    assert.equal(textAt(text, pna), '"Enabled"');
    assert.equal(r.get('properties.disableLocalAuth'), undefined);
  });

  it('knows that an object with unknown members is not null (`if v != null` keeps it)', () => {
    const value = local('{ for k, v in { p = { a = var.u }, q = null } : k => v if v != null }', 'variable "u" {}');
    assert.equal(value.kind, 'object');
    assert.equal(value.kind === 'object' && value.openEnded, undefined, 'every filter is known');
    unknown(getPath(value, 'p.a'));
    assert.equal(getPath(value, 'q'), undefined);
  });

  it('lets try() move past a for expression over null', () => {
    assert.equal(json(local('try([for c in null : c], "fallback")')), 'fallback');
    const { value } = nameValue(
      'variable "l" {\n  default = null\n}\nlocals {\n  x = try([for c in var.l : c], null)\n}',
      'local.x',
    );
    assert.equal(json(value), null);
  });

  it('merges known and for-filtered objects', () => {
    const value = local('merge({ a = 1, b = 2 }, { for k, v in { b = 3, c = null } : k => v if v != null })');
    assert.deepEqual(json(value), { a: 1, b: 3 });
  });

  it('makes keys a later open-ended merge argument may override unknown, not definite', () => {
    const value = local('merge({ a = 1 }, var.extra, { b = 2 })', 'variable "extra" {}');
    assert.equal(value.kind, 'object');
    unknown(getPath(value, 'a'));
    assert.equal(json(getPath(value, 'b')), 2, 'a later known key wins');
    unknown(getPath(value, 'c'));
  });
});

const TARGET = `variable "props" {}
resource "azapi_resource" "r" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "oai"
  parent_id = "x"
  body = {
    properties = var.props
  }
}
`;

function patch(meta = '', extraVariables = ''): string {
  return `${TARGET}${extraVariables}
resource "azapi_update_resource" "u" {
${meta}  type        = "Microsoft.CognitiveServices/accounts@2024-10-01"
  resource_id = azapi_resource.r.id
  body = {
    properties = {
      encryption = null
    }
  }
}
`;
}

describe('terraform semantics: patches', () => {
  it('keeps members of an unknown base unknown after a patch writes into it', () => {
    const r = resource(analyze({ 'main.tf': patch() }), 'azapi_resource.r');
    assert.equal(json(r.get('properties.encryption')), null, 'the patch applies');
    const pna = unknown(r.get('properties.publicNetworkAccess'));
    assert.match(pna.reason, /variable 'props'|var\.props/);
  });

  it('keeps members unknown when the whole base body is unknown', () => {
    const text = patch().replace('body = {\n    properties = var.props\n  }', 'body = var.props');
    const r = resource(analyze({ 'main.tf': text }), 'azapi_resource.r');
    assert.equal(json(r.get('properties.encryption')), null);
    unknown(r.get('properties.publicNetworkAccess'));
  });

  it('does not merge a patch with count = 0 or a known-false condition', () => {
    for (const meta of ['  count = 0\n', '  count = var.on ? 1 : 0\n', '  for_each = toset([])\n']) {
      const r = resource(
        analyze({ 'main.tf': patch(meta, 'variable "on" {\n  default = false\n}\n') }),
        'azapi_resource.r',
      );
      unknown(r.get('properties'));
      assert.equal((r.syntax as TerraformResourceSyntax).patches.length, 0, meta);
    }
  });

  it('merges a patch with an unknown count as possible: candidates of before and after', () => {
    const text = `variable "on" {
  type = bool
}
resource "azurerm_cognitive_account" "a" {
  name                          = "oai"
  public_network_access_enabled = true
}
resource "azapi_update_resource" "u" {
  count       = var.on ? 1 : 0
  type        = "Microsoft.CognitiveServices/accounts@2024-10-01"
  resource_id = azurerm_cognitive_account.a.id
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
      disableLocalAuth    = true
    }
  }
}
`;
    const r = resource(analyze({ 'main.tf': text }), 'azurerm_cognitive_account.a');
    const pna = unknown(r.get('properties.publicNetworkAccess'));
    assert.deepEqual(pna.candidates?.map(json), ['Enabled', 'Disabled']);
    assert.match(pna.reason, /azapi_update_resource\.u/);
    const local = unknown(r.get('properties.disableLocalAuth'));
    assert.equal(local.candidates, undefined, 'absent before: no known alternative');
  });

  it('merges a patch over a known non-empty for_each definitely', () => {
    const r = resource(analyze({ 'main.tf': patch('  for_each = toset(["a"])\n') }), 'azapi_resource.r');
    assert.equal(json(r.get('properties.encryption')), null);
  });
});

describe('terraform semantics: instances', () => {
  const ACCOUNT = 'resource "azurerm_cognitive_account" "a" {\n  name = "oai"\n}\n';
  const withMeta = (meta: string, declarations = '') =>
    one(`${declarations}\n${ACCOUNT.replace('{', `{\n  ${meta}`)}`, 'azurerm_cognitive_account.a');

  it('declares no instance for a known-empty for_each or count = 0', () => {
    for (const [meta, declarations] of [
      ['for_each = var.x', 'variable "x" {\n  default = {}\n}'],
      ['for_each = var.x', 'variable "x" {\n  default = []\n}'],
      ['for_each = toset([])', ''],
      ['for_each = { for k, v in { a = null } : k => v if v != null }', ''],
      ['count = 0', ''],
      ['count = length([])', ''],
    ]) {
      const r = withMeta(meta, declarations);
      assert.equal(r.condition?.kind, 'literal', meta);
      assert.equal(json(r.condition), false, meta);
    }
  });

  it('keeps a for_each over an unknown or non-empty collection as a deployed loop', () => {
    const r = withMeta('for_each = var.x', 'variable "x" {}');
    assert.equal(r.inLoop, true);
    assert.equal(r.condition, undefined);
    const known = withMeta('for_each = { for k, v in { a = 1 } : k => v }');
    assert.equal(known.inLoop, true);
    assert.equal(known.condition, undefined);
  });

  it('reads count = var.create ? 1 : 0 with a known false as not deployed', () => {
    const r = withMeta('count = var.create ? 1 : 0', 'variable "create" {\n  default = false\n}');
    assert.equal(json(r.condition), false);
    const on = withMeta('count = var.create ? 1 : 0', 'variable "create" {\n  default = true\n}');
    assert.equal(json(on.condition), true);
    const chained = withMeta(
      'count = var.create ? 1 : var.other ? 1 : 0',
      'variable "create" {\n  default = false\n}\nvariable "other" {\n  default = false\n}',
    );
    assert.equal(json(chained.condition), false);
  });
});
