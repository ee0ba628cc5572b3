// `.aisec.json`: JSONC parsing, schema validation with clear errors, lookup walking up, and its effects
// (levels, off, unknownValues, ruleOptions, exclude).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, DEFAULT_CONFIG, loadConfig, parseConfig, WorkspaceSession } from '../../server/src/engine';
import { isExcluded } from '../../server/src/engine/exclude';
import { configLookup, levelOf, optionsOf } from '../../server/src/engine/config';
import { checkFiles, OPEN_ACCOUNT } from './helpers';

function configError(text: string): ConfigError {
  try {
    parseConfig(text, '/repo/.aisec.json');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('engine: configuration', () => {
  it('reads JSON with comments and trailing commas', () => {
    const config = parseConfig(
      `{
        // comment
        "rules": { "ais-cog-local-auth": "warning", "AIS-COG-CMK": "off", },
        "exclude": ["**/generated/**"],
        "unknownValues": "off",
        "requireSuppressionReason": true,
        "ruleOptions": { "AIS-COG-DIAG": { "categories": ["Audit"] } },
      }`,
      '/repo/.aisec.json',
    );
    assert.equal(config.rules['AIS-COG-LOCAL-AUTH'], 'warning');
    assert.equal(config.rules['AIS-COG-CMK'], 'off');
    assert.deepEqual(config.exclude, ['**/generated/**']);
    assert.equal(config.unknownValues, 'off');
    assert.equal(config.requireSuppressionReason, true);
    assert.equal(config.baseDir, '/repo');
    assert.deepEqual(optionsOf(config, 'AIS-COG-DIAG', { categories: ['allLogs'], other: 1 }), {
      categories: ['Audit'],
      other: 1,
    });
  });

  it('rejects a bad level, naming the property and the allowed values', () => {
    const error = configError('{ "rules": { "AIS-COG-LOCAL-AUTH": "fatal" } }');
    assert.match(error.message, /\/rules\/AIS-COG-LOCAL-AUTH/);
    assert.match(error.message, /error, warning, info, off/);
  });

  it('rejects unknown properties, unknown rule ids and JSON syntax errors with positions', () => {
    assert.match(configError('{ "rulez": {} }').message, /rulez/);
    assert.match(configError('{ "rules": { "AIS-COG-NOPE": "off" } }').message, /unknown rule id 'AIS-COG-NOPE'/);
    assert.match(configError('{ "rules": { "not-an-id": "off" } }').message, /rules/);
    const syntax = configError('{ "rules": { \n "AIS-COG-CMK": "off" \n');
    assert.equal(syntax.problems[0].line, 3);
    assert.match(syntax.message, /JSON syntax/);
    assert.match(configError('{ "unknownValues": "warning" }').message, /unknownValues/);
  });

  it('finds the nearest .aisec.json walking up, and defaults without one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-config-'));
    try {
      fs.mkdirSync(path.join(dir, 'infra/ai'), { recursive: true });
      fs.writeFileSync(path.join(dir, '.aisec.json'), '{ "rules": { "AIS-COG-CMK": "off" } }');
      fs.writeFileSync(path.join(dir, 'infra/.aisec.json'), '{ "rules": { "AIS-COG-CMK": "info" } }');
      assert.equal(loadConfig(path.join(dir, 'infra/ai/main.bicep')).rules['AIS-COG-CMK'], 'info');
      assert.equal(loadConfig(path.join(dir, 'main.bicep')).rules['AIS-COG-CMK'], 'off');
      // Edited on disk: read again.
      fs.writeFileSync(path.join(dir, 'infra/.aisec.json'), '{ "rules": { "AIS-COG-CMK": "warning" } } ');
      assert.equal(loadConfig(path.join(dir, 'infra/ai/main.bicep')).rules['AIS-COG-CMK'], 'warning');
      fs.writeFileSync(path.join(dir, 'infra/.aisec.json'), '{ "rules": [] }');
      assert.throws(() => loadConfig(path.join(dir, 'infra/ai/main.bicep')), ConfigError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(loadConfig('/nonexistent-root-dir/x/main.bicep'), DEFAULT_CONFIG);
  });

  it("a scan's lookup answers as loadConfig does, once per directory", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-config-'));
    try {
      fs.mkdirSync(path.join(dir, 'infra/ai/deep'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'bad/x'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'other'), { recursive: true });
      fs.writeFileSync(path.join(dir, '.aisec.json'), '{ "rules": { "AIS-COG-CMK": "off" } }');
      fs.writeFileSync(path.join(dir, 'infra/.aisec.json'), '{ "rules": { "AIS-COG-CMK": "info" } }');
      fs.writeFileSync(path.join(dir, 'bad/.aisec.json'), '{ "rules": [] }');
      // A directory named like the file is no configuration.
      fs.mkdirSync(path.join(dir, 'other/.aisec.json'));
      const lookup = configLookup();
      for (const file of ['infra/ai/deep/main.bicep', 'infra/ai/main.tf', 'infra/x.json', 'main.bicep', 'other/a.tf']) {
        const full = path.join(dir, file);
        assert.deepEqual(lookup(full), loadConfig(full), file);
      }
      assert.equal(lookup(path.join(dir, 'infra/ai/deep/main.bicep')).rules['AIS-COG-CMK'], 'info');
      assert.equal(lookup(path.join(dir, 'other/a.tf')).rules['AIS-COG-CMK'], 'off');
      // An invalid file: the same error for every file under it, every time.
      assert.throws(() => lookup(path.join(dir, 'bad/x/a.bicep')), ConfigError);
      assert.throws(() => lookup(path.join(dir, 'bad/b.bicep')), ConfigError);
      // What the scan saw first stays: an edit during a scan is for the next scan.
      fs.writeFileSync(path.join(dir, 'infra/.aisec.json'), '{ "rules": { "AIS-COG-CMK": "warning" } }');
      assert.equal(lookup(path.join(dir, 'infra/ai/main.tf')).rules['AIS-COG-CMK'], 'info');
      assert.equal(configLookup()(path.join(dir, 'infra/ai/main.tf')).rules['AIS-COG-CMK'], 'warning');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(configLookup()('/nonexistent-root-dir/x/main.bicep'), DEFAULT_CONFIG);
  });

  it('exclude globs are relative to the config file directory', () => {
    const config = { ...DEFAULT_CONFIG, exclude: ['**/generated/**', 'legacy/*.json'], baseDir: '/repo' };
    assert.equal(isExcluded('/repo/a/generated/main.json', config), true);
    assert.equal(isExcluded('/repo/legacy/x.json', config), true);
    assert.equal(isExcluded('/repo/legacy/sub/x.json', config), false);
    assert.equal(isExcluded('/other/generated/x.json', config), false);
  });
});

describe('engine: severities and levels', () => {
  it('defaults: high → error, medium → warning, low → info', () => {
    assert.equal(levelOf(DEFAULT_CONFIG, 'AIS-X-Y', 'high'), 'error');
    assert.equal(levelOf(DEFAULT_CONFIG, 'AIS-X-Y', 'medium'), 'warning');
    assert.equal(levelOf(DEFAULT_CONFIG, 'AIS-X-Y', 'low'), 'info');
  });

  it('config sets a level or turns a rule off', async () => {
    const defaults = await checkFiles({ 'main.bicep': OPEN_ACCOUNT });
    const localAuth = defaults.findings.find((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH')!;
    assert.equal(localAuth.severity, 'high');
    assert.equal(localAuth.level, 'error');
    assert.equal(localAuth.kind, 'fail');
    assert.equal(localAuth.resourceKey, 'account');
    assert.equal(localAuth.resourceType, 'Microsoft.CognitiveServices/accounts');
    assert.equal(localAuth.path, 'properties.disableLocalAuth');
    assert.ok(localAuth.fixes.length > 0);

    const tuned = await checkFiles(
      { 'main.bicep': OPEN_ACCOUNT },
      { rules: { 'AIS-COG-LOCAL-AUTH': 'info', 'AIS-COG-PUBLIC-NETWORK': 'off' } },
    );
    assert.equal(tuned.findings.find((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH')?.level, 'info');
    assert.ok(!tuned.findings.some((f) => f.ruleId === 'AIS-COG-PUBLIC-NETWORK'));
  });

  it('unknown values are review findings at info, or dropped with unknownValues: off', async () => {
    const text = `param keys bool\n${OPEN_ACCOUNT.replace('disableLocalAuth: false', 'disableLocalAuth: keys')}`;
    const shown = await checkFiles({ 'main.bicep': text }, { rules: { 'AIS-COG-LOCAL-AUTH': 'error' } });
    const review = shown.findings.find((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH')!;
    assert.equal(review.kind, 'review');
    assert.equal(review.level, 'info');
    assert.match(review.message, /Cannot verify/);
    assert.deepEqual(
      review.related.map((r) => r.message),
      ["parameter 'keys'"],
    );
    const dropped = await checkFiles({ 'main.bicep': text }, { unknownValues: 'off' });
    assert.ok(!dropped.findings.some((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH'));
  });
});

describe('engine: invalid configuration in a session', () => {
  it('is reported on the config file (aisec/config-error) and the defaults apply', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-config-'));
    try {
      fs.writeFileSync(path.join(dir, '.aisec.json'), '{ "rules": { "AIS-COG-LOCAL-AUTH": "loud" } }');
      const session = await WorkspaceSession.create();
      const uri = pathToFileURL(path.join(dir, 'main.bicep')).href;
      session.setFile(uri, OPEN_ACCOUNT);
      const result = session.check([uri]);
      const configUri = pathToFileURL(path.join(dir, '.aisec.json')).href;
      const onConfig = result.get(configUri) ?? [];
      assert.deepEqual(
        onConfig.map((f) => f.ruleId),
        ['aisec/config-error'],
      );
      assert.match(onConfig[0].message, /must be equal to one of the allowed values/);
      assert.ok(result.get(uri)!.some((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH' && f.level === 'error'));
      assert.ok(!result.get(uri)!.some((f) => f.ruleId === 'aisec/config-error'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
