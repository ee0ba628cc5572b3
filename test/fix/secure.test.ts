// markSecure edits (AIS-SEC-SECURE-PARAM, AIS-SEC-OUTPUT-SECRETS): exact output per syntax, and declined
// where they cannot be written.
import assert from 'node:assert/strict';
import type { Fix } from '../../server/src/model';
import { discoverCases } from '../rules/fixtures';
import { initEngine } from './harness';
import { emptyReport, roundTrip } from './roundtrip';
import { apply, BASE, lines } from './support';

const mark = (file: string, name: string, target: 'parameter' | 'output' = 'parameter'): Fix => ({
  title: 'Mark secure',
  applicability: 'safe',
  edits: [{ kind: 'markSecure', target, uri: BASE + file, name }],
});

describe('markSecure edits', () => {
  before(async () => {
    await initEngine();
  });

  it('Bicep: @secure() above the param, with its indentation, below other decorators', () => {
    const text = lines("@description('Admin password')", 'param adminPassword string', 'param other string', '');
    const result = apply({ 'main.bicep': text }, () => mark('main.bicep', 'adminPassword'));
    assert.equal(
      result?.files['main.bicep'],
      lines("@description('Admin password')", '@secure()', 'param adminPassword string', 'param other string', ''),
    );
    const crlf = 'param a string\r\nparam apiKey object\r\n';
    assert.equal(
      apply({ 'main.bicep': crlf }, () => mark('main.bicep', 'apiKey'))?.files['main.bicep'],
      'param a string\r\n@secure()\r\nparam apiKey object\r\n',
    );
  });

  it('Bicep: declined for types @secure() does not accept', () => {
    const text = lines('type creds = { key: string }', 'param apiKey creds', 'param token int', '');
    assert.equal(
      apply({ 'main.bicep': text }, () => mark('main.bicep', 'apiKey')),
      undefined,
    );
    assert.equal(
      apply({ 'main.bicep': text }, () => mark('main.bicep', 'token')),
      undefined,
    );
  });

  it('ARM: the top-level type becomes secureString / SecureObject, nested "type" keys untouched', () => {
    const template = (password: string, key: string) =>
      JSON.stringify(
        {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          parameters: {
            adminPassword: { metadata: { type: 'note' }, type: password },
            apiKey: { type: key },
          },
          resources: [],
        },
        null,
        2,
      ) + '\n';
    const a = apply({ 'azuredeploy.json': template('string', 'Object') }, () =>
      mark('azuredeploy.json', 'adminPassword'),
    );
    assert.equal(a?.files['azuredeploy.json'], template('secureString', 'Object'));
    const b = apply({ 'azuredeploy.json': template('string', 'Object') }, () => mark('azuredeploy.json', 'apiKey'));
    assert.equal(b?.files['azuredeploy.json'], template('string', 'SecureObject'));
  });

  it('Terraform: sensitive = true after the last attribute, = aligned like terraform fmt', () => {
    const text = lines(
      'variable "client_secret" {',
      '  type        = string',
      '  description = "The secret"',
      '}',
      '',
      'variable "db_password" {}',
      '',
      'variable "api_key" {',
      '  type = string',
      '  validation {',
      '    condition     = length(var.api_key) > 0',
      '    error_message = "empty"',
      '  }',
      '}',
      '',
    );
    assert.equal(
      apply({ 'variables.tf': text }, () => mark('variables.tf', 'client_secret'))?.files['variables.tf'],
      text.replace('  description = "The secret"\n', '  description = "The secret"\n  sensitive   = true\n'),
    );
    assert.equal(
      apply({ 'variables.tf': text }, () => mark('variables.tf', 'db_password'))?.files['variables.tf'],
      text.replace('variable "db_password" {}', 'variable "db_password" {\n  sensitive = true\n}'),
    );
    assert.equal(
      apply({ 'variables.tf': text }, () => mark('variables.tf', 'api_key'))?.files['variables.tf'],
      text.replace('  type = string\n  validation', '  type      = string\n  sensitive = true\n  validation'),
    );
  });

  it('Terraform: flips sensitive = false; outputs too', () => {
    const text = lines(
      'output "key" {',
      '  value     = azurerm_cognitive_account.a.primary_access_key',
      '  sensitive = false',
      '}',
      '',
    );
    assert.equal(
      apply({ 'outputs.tf': text }, () => mark('outputs.tf', 'key', 'output'))?.files['outputs.tf'],
      text.replace('sensitive = false', 'sensitive = true'),
    );
    const multi = lines(
      'output "keys" {',
      '  value = {',
      '    a = azurerm_cognitive_account.a.primary_access_key',
      '  }',
      '}',
      '',
    );
    assert.equal(
      apply({ 'outputs.tf': multi }, () => mark('outputs.tf', 'keys', 'output'))?.files['outputs.tf'],
      multi.replace('  }\n}', '  }\n  sensitive = true\n}'),
    );
  });

  it('round-trips on the secret-hygiene fixtures: each finding gone, no syntax problem', () => {
    const report = emptyReport();
    for (const fixture of discoverCases()) {
      if (fixture.ruleId === 'AIS-SEC-SECURE-PARAM' || fixture.ruleId === 'AIS-SEC-OUTPUT-SECRETS') {
        roundTrip(fixture.files, report);
      }
    }
    assert.deepEqual(report.failures, []);
    const secure = report.declinedFixes.filter((d) => /secure|sensitive/i.test(d));
    assert.deepEqual(secure, []);
    // fail.bicep: 3 params, fail.json: 1+, fail.tf: 1 variable + the output(s).
    assert.ok(report.applied >= 6, `only ${report.applied} fixes applied`);
  });
});
