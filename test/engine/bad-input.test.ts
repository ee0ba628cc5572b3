// Bad input never crashes the engine: empty, binary, huge, non-ARM JSON, half-typed and deeply nested
// files give a skip reason or syntax problems; a rule that throws becomes an internal-error finding.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG, MAX_FILE_BYTES, scanPaths } from '../../server/src/engine';
import { runRules } from '../../server/src/engine/run-rules';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import type { Rule } from '../../server/src/model';
import { checkFiles, OPEN_ACCOUNT, ROOT } from './helpers';

const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

describe('engine: bad input', () => {
  it('empty files of every kind', async () => {
    const { session, findings } = await checkFiles({
      'empty.bicep': '',
      'empty.bicepparam': '',
      'empty.json': '',
      'empty.tf': '',
      'empty.tfvars': '',
    });
    assert.deepEqual(findings, []);
    assert.match(session.document(`${ROOT}/empty.json`)?.skipped ?? '', /not an ARM template/);
    assert.equal(session.document(`${ROOT}/empty.bicep`)?.skipped, undefined);
  });

  it('binary and huge content are skipped with the reason, without keeping the text', async () => {
    const huge = `// ${'x'.repeat(MAX_FILE_BYTES)}\n${OPEN_ACCOUNT}`;
    const { session, findings } = await checkFiles({
      'blob.bicep': `${OPEN_ACCOUNT}\u0000\u0001`,
      'huge.bicep': huge,
      'ok.bicep': OPEN_ACCOUNT,
    });
    assert.match(session.document(`${ROOT}/blob.bicep`)?.skipped ?? '', /binary/);
    assert.match(session.document(`${ROOT}/huge.bicep`)?.skipped ?? '', /larger than 4 MB/);
    assert.equal(session.document(`${ROOT}/huge.bicep`)?.text, '');
    assert.ok(findings.every((f) => f.uri === `${ROOT}/ok.bicep`));
    assert.ok(findings.length > 0);
  });

  it('JSON that is not an ARM template is skipped, not linted', async () => {
    const { session, findings } = await checkFiles({
      'package.json': '{ "name": "x", "resources": [ { "type": "Microsoft.CognitiveServices/accounts" } ] }',
      'tsconfig.json': '{ "compilerOptions": { // comment\n } }',
      'array.json': '[1, 2, 3]',
    });
    assert.deepEqual(findings, []);
    for (const name of ['package.json', 'tsconfig.json', 'array.json']) {
      assert.match(session.document(`${ROOT}/${name}`)?.skipped ?? '', /not an ARM template/, name);
    }
  });

  it('half-typed files keep what parses, report syntax problems, and still find issues', async () => {
    const halfBicep = `${OPEN_ACCOUNT}\nresource broken 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'x'\n  properties: {\n    disableLocalAuth: fal`;
    const halfArm = `{ "$schema": "${ARM_SCHEMA}", "resources": [ { "type": "Microsoft.CognitiveServices/accounts", "apiVersion": "2024-10-01", "name": "a", "kind": "OpenAI", "properties": { "disableLocalAuth": false, `;
    const halfTf =
      'resource "azurerm_cognitive_account" "a" {\n  name = "a"\n  kind = "OpenAI"\n  local_auth_enabled = tr';
    const { session, findings } = await checkFiles({
      'half.bicep': halfBicep,
      'half.json': halfArm,
      'half.tf': halfTf,
    });
    for (const name of ['half.bicep', 'half.json', 'half.tf']) {
      const document = session.document(`${ROOT}/${name}`);
      assert.ok(document, name);
      assert.equal(document.skipped, undefined, name);
      assert.ok(document.syntaxProblems.length > 0, `${name} has syntax problems`);
    }
    // The complete account above the broken one is still checked.
    assert.ok(findings.some((f) => f.uri === `${ROOT}/half.bicep` && f.ruleId === 'AIS-COG-LOCAL-AUTH'));
    assert.ok(!findings.some((f) => f.ruleId === 'aisec/internal-error'));
  });

  it('deep nesting does not overflow the stack', async () => {
    const depth = 20_000;
    const { session, findings } = await checkFiles({
      'deep.bicep': `var x = ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
      'deep.json': `{ "$schema": "${ARM_SCHEMA}", "variables": { "x": ${'['.repeat(depth)}${']'.repeat(depth)} } }`,
      'deep.tf': `locals {\n  x = ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n`,
    });
    assert.equal(session.documents().length, 3);
    assert.ok(!findings.some((f) => f.ruleId === 'aisec/internal-error'), JSON.stringify(findings.slice(0, 2)));
  });

  it('a rule that throws costs that rule on that file only: an internal-error finding', async () => {
    const { session } = await checkFiles({ 'main.bicep': OPEN_ACCOUNT });
    const document = session.document(`${ROOT}/main.bicep`)!;
    const throwing: Rule = {
      meta: {
        id: 'AIS-TEST-THROWS',
        title: 't',
        severity: 'high',
        pillar: 'identity',
        resourceTypes: ['Microsoft.CognitiveServices/accounts'],
        peers: {},
      },
      check: () => {
        throw new Error('boom');
      },
    };
    const working: Rule = {
      meta: { ...throwing.meta, id: 'AIS-TEST-WORKS' },
      check: (context) => context.resources.forEach((resource) => context.report({ resource, message: 'seen' })),
    };
    const findings = runRules(document, new WorkspaceIndex([document]), DEFAULT_CONFIG, [throwing, working]);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['aisec/internal-error', 'AIS-TEST-WORKS'],
    );
    assert.match(findings[0].message, /Rule AIS-TEST-THROWS failed on this file.*boom/);
    assert.equal(findings[0].level, 'error');
  });

  it('scanPaths: unreadable paths are usage errors; an empty directory scans nothing', async () => {
    await assert.rejects(scanPaths(['/no/such/dir']), /No such file or directory/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-empty-'));
    try {
      const result = await scanPaths([dir]);
      assert.deepEqual(result.files, []);
      assert.deepEqual(result.findings, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
