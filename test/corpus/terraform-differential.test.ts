// Differential test against HashiCorp's HCL parser (hcl2-parser: hcl2json compiled to JS with GopherJS).
//
// What is compared, for every .tf file of the corpus:
// 1. The set of `resource` and `data` blocks (type and name) each parser finds.
// 2. For each of those blocks, the raw literal attribute values our syntax tree holds (`rawAttributes`:
//    numbers, bools, null, strings without interpolation, heredocs, lists and objects of those), recursively
//    through nested blocks, against hcl2json's values at the same place. Attributes that are expressions
//    are not compared (hcl2json renders them as "${…}" source text, we evaluate them).
// 3. For mapped azurerm resources, the model's value at the mapped ARM path for top-level literal
//    attributes whose mapping has no transform or converter (the value must arrive unchanged), and for
//    azapi resources with an HCL object body, every literal leaf of `body` at the same path in the model.
// hcl2-parser's HCL predates provider-defined functions (`provider::azapi::parse_resource_id(...)`): those
// prefixes are removed from its input only (they never sit inside a compared literal).
import { strict as assert } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hcl2 = require('hcl2-parser') as { parseToObject(input: string): [unknown, unknown] };
import { azurermMapping } from '../../server/src/model/azurerm';
import { toJson } from '../../server/src/model/value';
import {
  analyzeTerraform,
  initTerraform,
  parseTerraformFile,
  rawAttributes,
  type HclBlock,
} from '../../server/src/parse/terraform';
import { hasCorpus, terraformCorpus } from '../unit/terraform/corpus';

type Json = Record<string, unknown>;

/** hcl2json's blocks of a kind: `{ type: { name: [body] } }` → `type.name` → body. */
function hclBlocks(parsed: Json, kind: 'resource' | 'data'): Map<string, Json> {
  const out = new Map<string, Json>();
  const section = (parsed[kind] ?? {}) as Record<string, Record<string, Json[]>>;
  for (const [type, byName] of Object.entries(section)) {
    for (const [name, bodies] of Object.entries(byName)) out.set(`${type}.${name}`, bodies[0] ?? {});
  }
  return out;
}

/** Compares our raw view with hcl2json's body; returns the differences as readable lines. */
function compareBodies(ours: Json, theirs: Json, where: string, out: string[], counter: { values: number }): void {
  for (const [name, value] of Object.entries(ours)) {
    const other = theirs[name];
    const isBlockList = Array.isArray(value) && value.every((v) => v && typeof v === 'object' && !Array.isArray(v));
    if (isBlockList && Array.isArray(other) && other.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      // Nested blocks (also list-of-object attributes: compared the same way).
      if (value.length !== other.length) out.push(`${where}.${name}: ${value.length} blocks vs ${other.length}`);
      value.forEach((item, i) =>
        compareBodies(item as Json, (other[i] ?? {}) as Json, `${where}.${name}[${i}]`, out, counter),
      );
      continue;
    }
    if (isBlockList && other !== undefined && !Array.isArray(other)) continue; // labelled blocks (dynamic "x")
    counter.values++;
    if (!isDeepStrictEqual(value, other))
      out.push(`${where}.${name}: ours ${JSON.stringify(value)} vs ${JSON.stringify(other)}`);
  }
}

describe('terraform differential (hcl2-parser)', function () {
  if (!hasCorpus()) {
    it('corpus folder is missing', function () {
      this.skip();
    });
    return;
  }
  const files = terraformCorpus().filter((f) => f.uri.endsWith('.tf'));
  // hcl2-parser is slow (Go compiled to JS): parse each file once for both tests.
  const theirs = new Map<string, Json>();

  before(async function () {
    this.timeout(180_000);
    await initTerraform();
    for (const file of files) {
      const [parsed, error] = hcl2.parseToObject(file.text.replace(/\bprovider::\w+::/g, ''));
      assert.ok(parsed && !error, `hcl2-parser reads ${file.uri}`);
      theirs.set(file.uri, parsed as Json);
    }
  });

  it('finds the same resource and data blocks and reads the same literal values', () => {
    const differences: string[] = [];
    const counter = { values: 0 };
    let blocks = 0;
    for (const file of files) {
      const parsed = theirs.get(file.uri)!;
      const ours = parseTerraformFile(file.text);
      for (const kind of ['resource', 'data'] as const) {
        const blocksOfTheirs = hclBlocks(parsed, kind);
        const mine = new Map<string, HclBlock>();
        for (const block of ours.body.blocks.filter((b) => b.type === kind && b.labels.length === 2)) {
          mine.set(`${block.labels[0].value}.${block.labels[1].value}`, block);
        }
        assert.deepEqual([...mine.keys()].sort(), [...blocksOfTheirs.keys()].sort(), `${kind} blocks of ${file.uri}`);
        for (const [key, block] of mine) {
          blocks++;
          compareBodies(
            rawAttributes(block.body),
            blocksOfTheirs.get(key) ?? {},
            `${file.uri} ${kind} ${key}`,
            differences,
            counter,
          );
        }
      }
    }
    assert.deepEqual(differences, []);
    assert.ok(blocks > 300, `blocks compared: ${blocks}`);
    assert.ok(counter.values > 500, `values compared: ${counter.values}`);
  });

  it('maps literal azurerm attributes and azapi body leaves into the model unchanged', () => {
    const differences: string[] = [];
    let compared = 0;
    for (const file of files) {
      const resourcesOfTheirs = hclBlocks(theirs.get(file.uri)!, 'resource');
      const result = analyzeTerraform([file], []);
      for (const resource of result.documents.flatMap((d) => d.resources)) {
        const body = resourcesOfTheirs.get(resource.key);
        if (!body || resource.existing) continue;
        const syntax = resource.syntax as { patches: unknown[] };
        if (syntax.patches.length > 0) continue;
        const mapping = resource.sourceType ? azurermMapping(resource.sourceType) : undefined;
        if (mapping) {
          const paths = new Map<string, number>();
          for (const attribute of mapping.attributes) paths.set(attribute.path, (paths.get(attribute.path) ?? 0) + 1);
          for (const attribute of mapping.attributes) {
            if (attribute.transform || attribute.convert || (paths.get(attribute.path) ?? 0) > 1) continue;
            if (mapping.derived?.some((d) => d.path === attribute.path)) continue;
            const name = attribute.names.find((n) => n in body);
            const expected = name === undefined ? undefined : body[name];
            if (expected === undefined || (typeof expected === 'string' && expected.includes('${'))) continue;
            if (typeof expected === 'object' && JSON.stringify(expected).includes('${')) continue;
            compared++;
            const actual = toJson(
              resource.get(attribute.path.replace(/\[(\d+)\]/g, '.$1')) ?? {
                kind: 'literal',
                value: null,
                span: { start: 0, end: 0 },
              },
            );
            if (!isDeepStrictEqual(actual, expected)) {
              differences.push(
                `${file.uri} ${resource.key}.${name} → ${attribute.path}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`,
              );
            }
          }
        } else if (resource.sourceType === 'azapi_resource' && body.body && typeof body.body === 'object') {
          const visit = (value: unknown, path: string[]) => {
            if (value && typeof value === 'object' && !Array.isArray(value)) {
              for (const [key, inner] of Object.entries(value)) visit(inner, [...path, key]);
              return;
            }
            if (typeof value === 'string' && value.includes('${')) return;
            if (Array.isArray(value) && JSON.stringify(value).includes('${')) return;
            compared++;
            const model = resource.get(path);
            const actual = model ? toJson(model) : undefined;
            if (!isDeepStrictEqual(actual, value))
              differences.push(
                `${file.uri} ${resource.key} body.${path.join('.')}: ${JSON.stringify(actual)} vs ${JSON.stringify(value)}`,
              );
          };
          visit(body.body, []);
        }
      }
    }
    assert.deepEqual(differences, []);
    assert.ok(compared > 100, `values compared: ${compared}`);
  });
});
