// SARIF 2.1.0 output: valid against the OASIS schema (vendored: test/cli/sarif-schema-2.1.0-rtm.5.json,
// the schema file shipped in the npm package @microsoft/jest-sarif@1.0.0-beta.0, lib/schemas/), with the
// fields DESIGN §7 requires; and on the rule fixtures of every language, AIS-COG findings on the failing
// files and none of the fixture's own rule on the passing ones.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { allRules } from '../../rules';
import { scanPaths } from '../../server/src/engine';
import { unavailableReason } from '../../server/src/engine/frontends';
import { toSarif } from '../../server/src/cli/format-sarif';
import { aisec, ensureBuilt, ROOT, SAMPLES } from './run-cli';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'sarif-schema-2.1.0-rtm.5.json'), 'utf8'));
// The schema's language pattern has a stray ']' that is only valid without the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): asserts log is Sarif.Log {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

describe('cli: SARIF', function () {
  this.timeout(120_000);
  let log: Sarif.Log;

  before(() => {
    ensureBuilt();
    const run = aisec(['scan', SAMPLES, '--format', 'sarif']);
    assert.equal(run.code, 1, run.stderr);
    log = JSON.parse(run.stdout);
  });

  it('is valid SARIF 2.1.0 with one run', () => {
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
  });

  it('the schema check has teeth: a broken log is rejected', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
  });

  it('describes every rule: id, short description, markdown help, help URI, properties', () => {
    const rules = log.runs[0].tool.driver.rules ?? [];
    for (const rule of allRules) {
      const descriptor = rules.find((r) => r.id === rule.meta.id);
      assert.ok(descriptor, rule.meta.id);
      assert.equal(descriptor.shortDescription?.text, rule.meta.title);
      // The page itself is checked by test/rules/registry.test.ts; here: when it exists, it is the help.
      if (fs.existsSync(path.join(ROOT, 'rules/docs', `${rule.meta.id}.md`))) {
        assert.match(descriptor.help?.markdown ?? '', new RegExp(rule.meta.id));
      }
      assert.match(descriptor.helpUri ?? '', new RegExp(`rules/docs/${rule.meta.id}\\.md$`));
      assert.equal(descriptor.properties?.severity, rule.meta.severity);
      assert.equal(descriptor.properties?.pillar, rule.meta.pillar);
      assert.ok((descriptor.properties?.tags as string[]).includes('security'));
    }
    assert.ok(rules.some((r) => r.id === 'aisec/expired-suppression'));
  });

  it('results: ruleId/ruleIndex agree, kind and level, relative 1-based locations', () => {
    const run = log.runs[0];
    const rules = run.tool.driver.rules ?? [];
    assert.ok(run.results && run.results.length > 10);
    assert.equal(run.originalUriBaseIds?.SRCROOT?.uri, `file://${SAMPLES}/`);
    for (const result of run.results) {
      assert.equal(rules[result.ruleIndex!].id, result.ruleId);
      assert.ok(result.kind === 'fail' || result.kind === 'review');
      if (result.kind === 'review') assert.equal(result.level, 'none');
      else assert.ok(['error', 'warning', 'note'].includes(result.level!));
      const physical = result.locations![0].physicalLocation!;
      assert.equal(physical.artifactLocation?.uriBaseId, 'SRCROOT');
      assert.ok(!physical.artifactLocation!.uri!.startsWith('/'));
      assert.ok(physical.region!.startLine! >= 1 && physical.region!.startColumn! >= 1);
    }
    const localAuth = run.results.find(
      (r) =>
        r.ruleId === 'AIS-COG-LOCAL-AUTH' &&
        r.locations![0].physicalLocation!.artifactLocation!.uri === 'terraform/main.tf',
    );
    assert.ok(localAuth, 'Terraform finding present');
    assert.equal(localAuth.level, 'error');
    assert.equal(localAuth.locations![0].physicalLocation!.region!.startLine, 31);
    // The value came from terraform.tfvars: a related location points there.
    assert.ok(
      localAuth.relatedLocations?.some(
        (r) => r.physicalLocation?.artifactLocation?.uri === 'terraform/terraform.tfvars',
      ),
      JSON.stringify(localAuth.relatedLocations),
    );
  });

  it('suppressed results carry an inSource suppression with the justification', () => {
    const suppressed = log.runs[0].results!.filter((r) => r.suppressions?.length);
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0].ruleId, 'AIS-COG-PUBLIC-NETWORK');
    assert.equal(suppressed[0].suppressions![0].kind, 'inSource');
    assert.equal(suppressed[0].suppressions![0].justification, 'private endpoint planned in the network sprint');
  });

  it('fixes are text replacements in the flagged file', () => {
    const withFix = log.runs[0].results!.filter((r) => r.fixes?.length);
    assert.ok(withFix.length > 0);
    const bicep = withFix.find(
      (r) =>
        r.ruleId === 'AIS-COG-LOCAL-AUTH' &&
        r.locations![0].physicalLocation!.artifactLocation!.uri === 'bicep/main.bicep',
    );
    assert.ok(bicep);
    const change = bicep.fixes![0].artifactChanges[0];
    assert.equal(change.artifactLocation.uri, 'bicep/main.bicep');
    assert.equal(change.replacements[0].insertedContent?.text, 'true');
    assert.equal(change.replacements[0].deletedRegion.startLine, 86);
  });
});

describe('cli: SARIF on the AIS-COG fixtures (Bicep, ARM, Terraform azurerm and azapi)', function () {
  this.timeout(120_000);
  const fixtures = path.join(ROOT, 'test-fixtures/rules');
  const cogRules = allRules.filter((r) => r.meta.id.startsWith('AIS-COG-'));
  const variants = ['bicep', 'json', 'tf', 'azapi.tf'];
  for (const rule of cogRules) {
    for (const variant of variants) {
      for (const outcome of ['fail', 'pass'] as const) {
        const file = path.join(fixtures, rule.meta.id, `${outcome}.${variant}`);
        if (!fs.existsSync(file)) continue;
        it(`${rule.meta.id}/${outcome}.${variant}`, async function () {
          const kind = variant.endsWith('tf') ? 'terraform' : variant === 'json' ? 'arm' : undefined;
          if (kind && unavailableReason(kind)) this.skip();
          const sarif = toSarif(await scanPaths([file]));
          assertValid(sarif);
          const own = sarif.runs[0].results!.filter((r) => r.ruleId === rule.meta.id && r.kind === 'fail');
          if (outcome === 'fail') assert.ok(own.length > 0, `expected ${rule.meta.id} in ${file}`);
          else
            assert.deepEqual(
              own.map((r) => r.message.text),
              [],
              `no ${rule.meta.id} in ${file}`,
            );
        });
      }
    }
  }
});
