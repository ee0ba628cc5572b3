// Shared helpers for the Terraform front-end tests: analyse an in-memory module directory.
import { strict as assert } from 'node:assert';
import { analyzeTerraform, initTerraform } from '../../../server/src/parse/terraform';
import type { FrontEndResult, ParameterSupplier } from '../../../server/src/model/frontend';
import type { ParsedDocument } from '../../../server/src/model/document';
import type { Resource } from '../../../server/src/model/resource';
import { toJson, type Value } from '../../../server/src/model/value';

export const DIR = 'file:///work/infra';

// Each test file may run alone (`npx mocha test/unit/terraform/x.test.ts`): make sure the grammar is loaded.
before(async () => {
  await initTerraform();
});

/** Analyses files given as `{ 'main.tf': text }` in DIR. */
export function analyze(files: Record<string, string>, suppliers: readonly ParameterSupplier[] = []): FrontEndResult {
  return analyzeTerraform(
    Object.entries(files).map(([name, text]) => ({ uri: `${DIR}/${name}`, text })),
    suppliers,
  );
}

export function document(result: FrontEndResult, name = 'main.tf'): ParsedDocument {
  const found = result.documents.find((d) => d.uri === `${DIR}/${name}`);
  assert.ok(found, `no document ${name}`);
  return found;
}

export function allResources(result: FrontEndResult): Resource[] {
  return result.documents.flatMap((d) => [...d.resources]);
}

/** The resource with the given key anywhere in the module; fails when missing. */
export function resource(result: FrontEndResult, key: string): Resource {
  const found = allResources(result).find((r) => r.key === key);
  assert.ok(
    found,
    `no resource ${key}; have ${allResources(result)
      .map((r) => r.key)
      .join(', ')}`,
  );
  return found;
}

/** Analyses a single main.tf and returns the resource with the key (no syntax problems allowed). */
export function one(text: string, key: string, suppliers: readonly ParameterSupplier[] = []): Resource {
  const result = analyze({ 'main.tf': text }, suppliers);
  assert.deepEqual(document(result).syntaxProblems, []);
  return resource(result, key);
}

export function json(value: Value | undefined): unknown {
  return value ? toJson(value) : undefined;
}

/** The text a span covers in a source. */
export function textAt(text: string, value: { span: { start: number; end: number } } | undefined): string {
  assert.ok(value, 'no value');
  return text.slice(value.span.start, value.span.end);
}

/** A resource `azurerm_test_thing.t` is unmapped; use a mapped one whose `name` we read. */
export function nameValue(declarations: string, expression: string): { text: string; value: Value } {
  const text = `${declarations}\nresource "azurerm_user_assigned_identity" "t" {\n  name = ${expression}\n}\n`;
  const value = one(text, 'azurerm_user_assigned_identity.t').get('name');
  assert.ok(value, 'no name');
  return { text, value };
}
