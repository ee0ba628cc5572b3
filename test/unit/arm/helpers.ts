// Shared helpers for the ARM front-end tests: small templates built from parts, and value readers.
import { strict as assert } from 'node:assert';
import { analyzeArm } from '../../../server/src/parse/arm';
import type { ParsedDocument } from '../../../server/src/model/document';
import type { FrontEndResult, ParameterSupplier } from '../../../server/src/model/frontend';
import type { Resource } from '../../../server/src/model/resource';
import { toJson, type Value } from '../../../server/src/model/value';

export const URI = 'file:///work/infra/azuredeploy.json';
export const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const PARAMS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

export interface TemplateParts {
  readonly parameters?: Record<string, unknown>;
  readonly variables?: Record<string, unknown>;
  readonly resources?: unknown;
  readonly outputs?: Record<string, unknown>;
  readonly languageVersion?: string;
}

export function templateText(parts: TemplateParts): string {
  return JSON.stringify(
    {
      $schema: SCHEMA,
      ...(parts.languageVersion ? { languageVersion: parts.languageVersion } : {}),
      contentVersion: '1.0.0.0',
      parameters: parts.parameters ?? {},
      variables: parts.variables ?? {},
      resources: parts.resources ?? [],
      outputs: parts.outputs ?? {},
    },
    null,
    2,
  );
}

export function analyze(text: string, suppliers: readonly ParameterSupplier[] = [], uri = URI): FrontEndResult {
  return analyzeArm({ uri, text }, suppliers);
}

export function documentOf(text: string, suppliers: readonly ParameterSupplier[] = [], uri = URI): ParsedDocument {
  const result = analyze(text, suppliers, uri);
  assert.equal(result.documents.length, 1);
  return result.documents[0];
}

/** The resources of a template that must read without syntax problems. */
export function resourcesOf(parts: TemplateParts, suppliers: readonly ParameterSupplier[] = []): Resource[] {
  const document = documentOf(templateText(parts), suppliers);
  assert.equal(document.skipped, undefined);
  assert.deepEqual(document.syntaxProblems, []);
  return [...document.resources];
}

/** `properties.v` of a single test resource whose `v` is the given JSON value (often an expression string). */
export function valueOf(
  v: unknown,
  context: Omit<TemplateParts, 'resources'> = {},
  suppliers: readonly ParameterSupplier[] = [],
): Value {
  const list = resourcesOf(
    {
      ...context,
      resources: [{ type: 'Microsoft.Test/things', apiVersion: '2024-01-01', name: 'r', properties: { v } }],
    },
    suppliers,
  );
  assert.equal(list.length, 1);
  const value = list[0].get('properties.v');
  assert.ok(value, 'properties.v is absent');
  return value;
}

export function known(value: Value | undefined): unknown {
  assert.ok(value, 'value is absent');
  assert.notEqual(value.kind, 'unknown', value.kind === 'unknown' ? `unknown: ${value.reason}` : '');
  return toJson(value);
}

export function unknownOf(value: Value | undefined): Extract<Value, { kind: 'unknown' }> {
  assert.ok(value, 'value is absent');
  assert.equal(value.kind, 'unknown', `expected unknown, got ${JSON.stringify(toJson(value))}`);
  return value as Extract<Value, { kind: 'unknown' }>;
}

export function textAt(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
