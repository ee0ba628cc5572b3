// The tree-sitter → plain HCL conversion: strings, heredocs, comments, syntax problems, recovery, guards.
import { strict as assert } from 'node:assert';
import { parseTerraformFile, rawAttributes, type HclExpr } from '../../../server/src/parse/terraform';
import { analyze, document, json, nameValue, resource } from './helpers';

function attributeValue(text: string, name = 'a'): HclExpr {
  const file = parseTerraformFile(text);
  assert.deepEqual(file.problems, []);
  const attribute = file.body.attributes.find((a) => a.name === name);
  assert.ok(attribute, `no attribute ${name}`);
  return attribute.value;
}

describe('terraform syntax', () => {
  it('decodes quoted-string escapes and literal ${ / %{', () => {
    const value = attributeValue('a = "tab\\tquote\\" back\\\\ \\u00e9 $${x} %%{y}"\n');
    assert.deepEqual(value, { kind: 'literal', value: 'tab\tquote" back\\ é ${x} %{y}', span: value.span });
  });

  it('reads heredocs, and strips the common indentation of <<-', () => {
    const plain = attributeValue('a = <<EOT\n  line one\n    line two\nEOT\n');
    assert.equal(plain.kind === 'literal' && plain.value, '  line one\n    line two\n');
    const indented = attributeValue('a = <<-EOT\n    line one\n      line two\n    EOT\n');
    assert.equal(indented.kind === 'literal' && indented.value, 'line one\n  line two\n');
  });

  it('keeps the whitespace around interpolations that the grammar drops', () => {
    const { value } = nameValue('variable "x" {\n  default = "b"\n}', '"a ${var.x} c"');
    assert.deepEqual(json(value), 'a b c');
  });

  it('reads numbers (decimal, exponent, negative), bools and null', () => {
    const file = parseTerraformFile('a = 1.5e3\nb = -2\nc = true\nd = null\ne = 0x1F\n');
    assert.deepEqual(rawAttributes(file.body), { a: 1500, b: -2, c: true, d: null, e: 31 });
  });

  it('collects #, // and /* */ comments with their text and spans', () => {
    const text = '# one\nresource "a" "b" { // two\n  /* three */ x = 1\n}\n';
    const file = parseTerraformFile(text);
    assert.deepEqual(
      file.comments.map((c) => [c.text, text.slice(c.span.start, c.span.end)]),
      [
        [' one', '# one'],
        [' two', '// two'],
        [' three ', '/* three */'],
      ],
    );
  });

  it('keeps suppression comments (aisec, checkov, tfsec) as comments', () => {
    const text =
      '# aisec-disable-next-line AIS-COG-LOCAL-AUTH -- reason\n#checkov:skip=CKV_AZURE_236:ok\n#tfsec:ignore:azure-x\nx = 1\n';
    const texts = parseTerraformFile(text).comments.map((c) => c.text);
    assert.deepEqual(texts, [
      ' aisec-disable-next-line AIS-COG-LOCAL-AUTH -- reason',
      'checkov:skip=CKV_AZURE_236:ok',
      'tfsec:ignore:azure-x',
    ]);
  });

  it('reports half-typed input as syntax problems and keeps the rest of the file', () => {
    const text = [
      'resource "azurerm_cognitive_account" "a" {',
      '  name = ',
      '  kind = "OpenAI"',
      '}',
      '',
      'resource "azurerm_cognitive_account" "b" {',
      '  name = "b"',
      '}',
      '',
    ].join('\n');
    const result = analyze({ 'main.tf': text });
    assert.ok(document(result).syntaxProblems.length > 0);
    assert.equal(json(resource(result, 'azurerm_cognitive_account.b').get('name')), 'b');
  });

  it('recovers a resource that a missing brace nested into the previous block', () => {
    const text =
      'resource "azurerm_user_assigned_identity" "a" {\n  name = "a"\n\nresource "azurerm_user_assigned_identity" "b" {\n  name = "b"\n}\n';
    const result = analyze({ 'main.tf': text });
    assert.ok(document(result).syntaxProblems.some((p) => /Missing/.test(p.message)));
    assert.equal(json(resource(result, 'azurerm_user_assigned_identity.b').get('name')), 'b');
  });

  it('never throws on truncated input at any offset', () => {
    const text =
      'variable "x" {\n  default = { a = [1, "two", <<EOT\nthree\nEOT\n] }\n}\nresource "azapi_resource" "r" {\n  type = "Microsoft.X/y@2024-01-01"\n  body = jsonencode({ properties = { a = var.x ? "a" : "b" } })\n  dynamic "identity" {\n    for_each = [1]\n    content { type = "SystemAssigned" }\n  }\n}\n';
    for (let end = 0; end <= text.length; end++) analyze({ 'main.tf': text.slice(0, end) });
  });

  it('does not analyse binary or huge input, with a clear problem', () => {
    const binary = parseTerraformFile('a = 1\u0000\u0001');
    assert.match(binary.problems[0].message, /binary/);
    const huge = parseTerraformFile('#'.repeat(9 * 1024 * 1024));
    assert.match(huge.problems[0].message, /larger than/);
  });

  it('survives deep nesting', () => {
    const deep = `a = ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    const result = analyze({ 'main.tf': `locals {\n ${deep}}\n` });
    assert.equal(result.documents.length, 1);
  });

  // The conversion does not copy what it can read from the text (plain `.name`, plain strings, punctuation):
  // the spellings that need the copied nodes must give the same values and spans.
  it('reads attribute access with or without space and comments after the dot', () => {
    const text = 'a = var.x.long_name\nb = var.\n  y\nc = var. /* c */ z\nd = local.l[*].id\n';
    const file = parseTerraformFile(text);
    assert.deepEqual(file.problems, []);
    const names = file.body.attributes.slice(0, 3).map((attribute) => {
      const value = attribute.value;
      assert.equal(value.kind, 'getAttr');
      return value.kind === 'getAttr' ? [value.name, text.slice(value.nameSpan.start, value.nameSpan.end)] : [];
    });
    assert.deepEqual(names, [
      ['long_name', 'long_name'],
      ['y', 'y'],
      ['z', 'z'],
    ]);
    const splat = file.body.attributes[3].value;
    assert.equal(splat.kind, 'splat');
    assert.deepEqual(splat.span, { start: text.indexOf('local.l'), end: text.indexOf('.id') + 3 });
    assert.equal(file.comments.length, 1);
  });

  it('reads block labels, object keys and operators with their spans', () => {
    const text = 'resource "t\\u00e9" "n" {\n  o = { "k" = 1, m: (2 + 3) }\n  u = -(1) * 2\n}\n';
    const file = parseTerraformFile(text);
    assert.deepEqual(file.problems, []);
    const block = file.body.blocks[0];
    assert.deepEqual(
      block.labels.map((label) => label.value),
      ['té', 'n'],
    );
    const object = block.body.attributes[0].value;
    assert.ok(object.kind === 'object');
    assert.deepEqual(
      object.items.map((item) => item.keyName),
      ['k', 'm'],
    );
    assert.deepEqual(object.items[0].value, { kind: 'literal', value: 1, span: object.items[0].value.span });
    const sum = object.items[1].value;
    assert.ok(sum.kind === 'paren' && sum.inner.kind === 'binary');
    assert.equal(text.slice(sum.span.start, sum.span.end), '(2 + 3)');
    assert.equal(text.slice(sum.inner.left.span.start, sum.inner.right.span.end), '2 + 3');
    const product = block.body.attributes[1].value;
    assert.ok(product.kind === 'binary' && product.operator === '*' && product.left.kind === 'unary');
    assert.equal(text.slice(product.left.span.start, product.left.span.end), '-(1)');
  });

  it('reads a JSON-shaped tfvars file', () => {
    const result = analyze({
      'main.tf':
        'variable "kind" {\n  type = string\n}\nresource "azurerm_cognitive_account" "a" {\n  kind = var.kind\n}\n',
      'terraform.tfvars': '{ "kind": "OpenAI" }\n',
    });
    assert.equal(json(resource(result, 'azurerm_cognitive_account.a').get('kind')), 'OpenAI');
  });
});
