// Differential test: the corpus holds Azure Verified Modules both as main.bicep and as the main.json the
// Bicep compiler produced from it. For each pair, the top-level resources our Bicep front end yields must
// agree with what the ARM front end reads from the JSON: same type, same apiVersion, and the same value for
// every property whose value is written as a literal in the Bicep source.
//
// Compared: top-level, non-`existing` Bicep resources (nested children compile to separate JSON resources
// with composed names; modules compile to nested deployments) against top-level JSON resources that are not
// Microsoft.Resources/deployments. Literal paths are found in the syntax tree, only through object and
// array literals (never through loops, spreads or expressions, which the compiler rewrites).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeBicep } from '../../server/src/parse/bicep';
import type { Expr, ResourceDecl } from '../../server/src/parse/bicep';
import type { FrontEndResult, ParameterSupplier, SourceFile } from '../../server/src/model/frontend';
import type { Resource } from '../../server/src/model/resource';
import { toJson, type Literal, type Value } from '../../server/src/model/value';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const ARM_FRONT_END = path.resolve(__dirname, '../../server/src/parse/arm/index.ts');

type AnalyzeArmTemplate = (file: SourceFile, suppliers: readonly ParameterSupplier[]) => FrontEndResult;

interface Pair {
  readonly name: string;
  readonly bicep: string;
  readonly json: string;
}

/** Pairs of main.bicep / main.json that come from the same directory of the same repository. */
function findPairs(): Pair[] {
  const manifest = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/);
  const header = manifest[0].split('\t');
  const localColumn = header.indexOf('local_path');
  const repoColumn = header.indexOf('repo');
  const originalColumn = header.indexOf('original_path');
  const byDirectory = new Map<string, { bicep?: string; json?: string }>();
  for (const line of manifest.slice(1)) {
    if (!line.trim()) continue;
    const columns = line.split('\t');
    const original = columns[originalColumn];
    const fileName = path.posix.basename(original);
    if (fileName !== 'main.bicep' && fileName !== 'main.json') continue;
    const key = `${columns[repoColumn]}/${path.posix.dirname(original)}`;
    const entry = byDirectory.get(key) ?? {};
    if (fileName === 'main.bicep') entry.bicep = path.join(CORPUS, columns[localColumn]);
    else entry.json = path.join(CORPUS, columns[localColumn]);
    byDirectory.set(key, entry);
  }
  const pairs: Pair[] = [];
  for (const [name, entry] of byDirectory) {
    if (entry.bicep && entry.json && fs.existsSync(entry.bicep) && fs.existsSync(entry.json))
      pairs.push({ name, bicep: entry.bicep, json: entry.json });
  }
  return pairs.sort((a, b) => a.name.localeCompare(b.name));
}

interface LiteralPath {
  readonly path: string[];
  readonly value: Literal;
}

/** Property paths whose value is written as a literal in the resource body, through object/array literals only. */
function literalPaths(expr: Expr, prefix: string[], out: LiteralPath[]): void {
  switch (expr.kind) {
    case 'string':
      if (expr.expressions.length === 0) out.push({ path: prefix, value: expr.segments[0] });
      return;
    case 'integer':
    case 'boolean':
      out.push({ path: prefix, value: expr.value });
      return;
    case 'null':
      out.push({ path: prefix, value: null });
      return;
    case 'unary':
      if (expr.operator === '-' && expr.operand.kind === 'integer')
        out.push({ path: prefix, value: -expr.operand.value });
      return;
    case 'object':
      if (expr.items.some((item) => item.kind === 'spread')) return;
      for (const item of expr.items) {
        if (item.kind !== 'property') continue;
        const key =
          item.key.kind === 'identifier'
            ? item.key.name
            : item.key.expressions.length === 0
              ? item.key.segments[0]
              : undefined;
        if (key !== undefined) literalPaths(item.value, [...prefix, key], out);
      }
      return;
    case 'array':
      if (expr.items.some((item) => item.kind === 'spread')) return;
      expr.items.forEach((item, index) => literalPaths(item as Expr, [...prefix, String(index)], out));
      return;
    default:
      return;
  }
}

function bodyObject(declaration: ResourceDecl): Expr | undefined {
  let body = declaration.body;
  if (body.kind === 'for') body = body.body;
  if (body.kind === 'if') body = body.body;
  return body.kind === 'object' ? body : undefined;
}

/** Finds the JSON resource for a Bicep resource: by symbolic name, else by a type unique on both sides. */
function counterpart(
  resource: Resource,
  bicepSide: readonly Resource[],
  armSide: readonly Resource[],
): Resource | undefined {
  const byKey = armSide.find((r) => r.key === resource.key);
  if (byKey) return byKey;
  const sameType = (list: readonly Resource[]) => list.filter((r) => r.isType(resource.type));
  const arm = sameType(armSide);
  return arm.length === 1 && sameType(bicepSide).length === 1 ? arm[0] : undefined;
}

/** Known literal leaves of a model value, by path (through known objects and arrays). */
function knownLeaves(value: Value, prefix: string[], out: LiteralPath[]): void {
  if (value.kind === 'literal') out.push({ path: prefix, value: value.value });
  else if (value.kind === 'object') for (const p of value.properties) knownLeaves(p.value, [...prefix, p.name], out);
  else if (value.kind === 'array') value.items.forEach((item, i) => knownLeaves(item, [...prefix, String(i)], out));
}

/** Paths the compiler rewrites, so neither side's value is comparable. */
function comparablePath(resource: Resource, path: readonly string[]): boolean {
  const top = path[0];
  if (top === 'parent' || top === 'scope' || top === 'dependsOn') return false;
  return !(top === 'name' && resource.parentKey);
}

function loadArmFrontEnd(): AnalyzeArmTemplate | undefined {
  if (!fs.existsSync(ARM_FRONT_END)) {
    console.log(`      (skipped: the ARM front end ${path.relative(process.cwd(), ARM_FRONT_END)} does not exist yet)`);
    return undefined;
  }
  // Loaded at run time so that this file type-checks before the ARM front end exists.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = (require(ARM_FRONT_END) as { analyzeArmTemplate?: AnalyzeArmTemplate }).analyzeArmTemplate;
  if (typeof loaded !== 'function') {
    console.log('      (skipped: server/src/parse/arm does not export analyzeArmTemplate yet)');
    return undefined;
  }
  return loaded;
}

interface MatchedResource {
  readonly pair: Pair;
  readonly bicep: Resource;
  readonly arm: Resource;
}

/** Top-level Bicep resources with their compiled counterparts; counts those without one. */
function matchResources(pairs: readonly Pair[], analyzeArmTemplate: AnalyzeArmTemplate) {
  const matched: MatchedResource[] = [];
  let unmatched = 0;
  for (const pair of pairs) {
    const bicepResult = analyzeBicep(
      { uri: pathToFileURL(pair.bicep).href, text: fs.readFileSync(pair.bicep, 'utf8') },
      [],
    );
    const armResult = analyzeArmTemplate(
      { uri: pathToFileURL(pair.json).href, text: fs.readFileSync(pair.json, 'utf8') },
      [],
    );
    const bicepResources = bicepResult.documents[0].resources.filter(
      (r) => !r.key.includes('::') && !r.existing && !r.isType('Microsoft.Resources/deployments'),
    );
    const armResources = (armResult.documents[0]?.resources ?? []).filter(
      (r) => !r.existing && !r.isType('Microsoft.Resources/deployments'),
    );
    for (const resource of bicepResources) {
      const arm = counterpart(resource, bicepResources, armResources);
      if (arm) matched.push({ pair, bicep: resource, arm });
      else unmatched++;
    }
  }
  return { matched, unmatched };
}

describe('bicep vs compiled ARM (differential)', function () {
  if (!fs.existsSync(CORPUS)) {
    it('corpus folder is missing', function () {
      this.skip();
    });
    return;
  }
  const pairs = findPairs();

  it('finds main.bicep / main.json pairs and literal properties on the Bicep side', () => {
    assert.ok(pairs.length >= 20, `found only ${pairs.length} pairs`);
    let literalCount = 0;
    for (const pair of pairs) {
      const result = analyzeBicep(
        { uri: pathToFileURL(pair.bicep).href, text: fs.readFileSync(pair.bicep, 'utf8') },
        [],
      );
      for (const resource of result.documents[0].resources) {
        const object = bodyObject(resource.syntax as ResourceDecl);
        const paths: LiteralPath[] = [];
        if (object) literalPaths(object, [], paths);
        // Our own model must agree with the source on every literal.
        for (const literal of paths) {
          const value = resource.get(literal.path);
          assert.ok(value, `${pair.name} ${resource.key}: ${literal.path.join('.')} missing in the model`);
          assert.deepEqual(toJson(value), literal.value, `${pair.name} ${resource.key}: ${literal.path.join('.')}`);
        }
        literalCount += paths.length;
      }
    }
    assert.ok(literalCount > 100, `only ${literalCount} literal properties`);
  });

  it('top-level resources agree with the ARM front end on type, apiVersion and literal properties', function () {
    const analyzeArmTemplate = loadArmFrontEnd();
    if (!analyzeArmTemplate) return this.skip();
    const { matched, unmatched } = matchResources(pairs, analyzeArmTemplate);
    const mismatches: string[] = [];
    let propertiesCompared = 0;
    for (const { pair, bicep, arm } of matched) {
      const where = `${pair.name}: ${bicep.key}`;
      if (arm.type.toLowerCase() !== bicep.type.toLowerCase())
        mismatches.push(`${where}: type ${bicep.type} vs ${arm.type}`);
      if (arm.apiVersion !== bicep.apiVersion)
        mismatches.push(`${where}: apiVersion ${bicep.apiVersion} vs ${arm.apiVersion}`);
      const object = bodyObject(bicep.syntax as ResourceDecl);
      const paths: LiteralPath[] = [];
      if (object) literalPaths(object, [], paths);
      for (const literal of paths) {
        if (!comparablePath(bicep, literal.path)) continue;
        propertiesCompared++;
        const armValue = arm.get(literal.path);
        const armJson = armValue ? toJson(armValue) : undefined;
        if (armJson !== literal.value)
          mismatches.push(
            `${where}: ${literal.path.join('.')} = ${JSON.stringify(literal.value)} vs ${armValue ? JSON.stringify(armJson ?? armValue.kind) : 'absent'}`,
          );
      }
    }
    console.log(
      `      ${pairs.length} pairs, ${matched.length} resources compared (${unmatched} without a counterpart), ${propertiesCompared} literal properties compared, ${mismatches.length} mismatches`,
    );
    assert.deepEqual(mismatches, []);
  });

  it('values both front ends resolve (parameter defaults, variables, functions) agree', function () {
    const analyzeArmTemplate = loadArmFrontEnd();
    if (!analyzeArmTemplate) return this.skip();
    const { matched } = matchResources(pairs, analyzeArmTemplate);
    const mismatches: string[] = [];
    let compared = 0;
    let knownOnlyInBicep = 0;
    for (const { pair, bicep, arm } of matched) {
      const leaves: LiteralPath[] = [];
      knownLeaves(bicep.body, [], leaves);
      for (const leaf of leaves) {
        if (!comparablePath(bicep, leaf.path)) continue;
        const armValue = arm.get(leaf.path);
        if (!armValue || armValue.kind === 'unknown') {
          knownOnlyInBicep++;
          continue;
        }
        compared++;
        const armJson = toJson(armValue);
        if (armJson !== leaf.value)
          mismatches.push(
            `${pair.name}: ${bicep.key}: ${leaf.path.join('.')} = ${JSON.stringify(leaf.value)} vs ${JSON.stringify(armJson)}`,
          );
      }
    }
    console.log(
      `      ${compared} resolved values compared, ${knownOnlyInBicep} known only on the Bicep side, ${mismatches.length} mismatches`,
    );
    assert.deepEqual(mismatches, []);
  });
});
