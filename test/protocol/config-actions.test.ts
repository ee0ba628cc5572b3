// Issue 6: per-diagnostic code actions that edit the rule's entry in `.aisec.json` ("Turn off <ID>", "Set <ID>
// to warning|info"): a CreateFile plus the new file's text when there is none, jsonc-parser edits that keep
// comments and formatting when there is one. Needs `npm run build` (dist/server.js).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { applyEdits, fixture, removeWorkspaces, TestClient, uriOf, workspace, type Diagnostic } from './lsp-client';

const LOCAL_AUTH = 'AIS-COG-LOCAL-AUTH';
const localAuth = (ds: readonly Diagnostic[]) => ds.filter((d) => d.code === LOCAL_AUTH);

interface ConfigChange {
  kind?: string;
  uri?: string;
  textDocument?: { uri: string; version: number | null };
  edits?: { range: { start: { line: number; character: number } }; newText: string }[];
}

describe('language server: .aisec.json code actions', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(removeWorkspaces);

  async function open(files: Record<string, string>, name = 'main.bicep') {
    const folder = workspace(files);
    client = await TestClient.start({ folder });
    const uri = uriOf(folder, name);
    client.open(uri, fixture(`${LOCAL_AUTH}/fail.bicep`));
    const [diagnostic] = localAuth(await client.waitForDiagnostics(uri, (ds) => localAuth(ds).length > 0));
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
    return { folder, client, uri, actions };
  }

  it('creates .aisec.json at the workspace root when there is none; the rule is then off', async () => {
    const { folder, client, uri, actions } = await open({});
    const titles = actions.map((a) => a.title);
    for (const title of [
      `Turn off ${LOCAL_AUTH} in .aisec.json`,
      `Set ${LOCAL_AUTH} to warning in .aisec.json`,
      `Set ${LOCAL_AUTH} to info in .aisec.json`,
    ]) {
      assert.ok(titles.includes(title), `${title} among ${titles.join(' | ')}`);
    }
    const off = actions.find((a) => a.title === `Turn off ${LOCAL_AUTH} in .aisec.json`)!;
    assert.equal(off.kind, 'quickfix');
    const changes = off.edit!.documentChanges as unknown as ConfigChange[];
    const configUri = uriOf(folder, '.aisec.json');
    assert.deepEqual(changes[0], { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    assert.equal(changes[1].textDocument?.uri, configUri);
    const text = applyEdits('', changes[1].edits as never);
    assert.deepEqual(parseJsonc(text), { rules: { [LOCAL_AUTH]: 'off' } });
    // The client applies it (writes the file); the watcher event re-checks without the rule.
    fs.writeFileSync(path.join(folder, '.aisec.json'), text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await client.waitForDiagnostics(uri, (ds) => localAuth(ds).length === 0);
  });

  it('creates .aisec.json at the workspace root, not beside a file in a sub-folder', async () => {
    const { folder, actions } = await open({}, 'infra/ai/main.bicep');
    const off = actions.find((a) => a.title === `Turn off ${LOCAL_AUTH} in .aisec.json`)!;
    const changes = off.edit!.documentChanges as unknown as ConfigChange[];
    assert.deepEqual(changes[0], {
      kind: 'create',
      uri: uriOf(folder, '.aisec.json'),
      options: { ignoreIfExists: true },
    });
  });

  it('edits the nearest .aisec.json in place, keeping its comments, and skips the level it already sets', async () => {
    const config = [
      '{',
      '    // team policy: keys are fine in dev',
      '    "rules": {',
      '        "AIS-COG-PRIVATE-ENDPOINT": "info" // no VNet here',
      '    },',
      '    "exclude": ["**/generated/**"]',
      '}',
      '',
    ].join('\n');
    const { folder, actions } = await open({ '.aisec.json': config });
    const configUri = uriOf(folder, '.aisec.json');
    const warning = actions.find((a) => a.title === `Set ${LOCAL_AUTH} to warning in .aisec.json`);
    assert.ok(warning, actions.map((a) => a.title).join(' | '));
    const edits = [
      ...(warning.edit!.changes?.[configUri] ?? []),
      ...((warning.edit!.documentChanges as unknown as ConfigChange[]) ?? [])
        .filter((c) => c.textDocument?.uri === configUri)
        .flatMap((c) => c.edits ?? []),
    ];
    const after = applyEdits(config, edits as never);
    assert.match(after, /\/\/ team policy: keys are fine in dev/);
    assert.match(after, /"AIS-COG-PRIVATE-ENDPOINT": "info", \/\/ no VNet here\n {8}"AIS-COG-LOCAL-AUTH": "warning"\n/);
    assert.match(after, /\n {8}"AIS-COG-LOCAL-AUTH": "warning"/);
    assert.deepEqual(parseJsonc(after), {
      rules: { 'AIS-COG-PRIVATE-ENDPOINT': 'info', [LOCAL_AUTH]: 'warning' },
      exclude: ['**/generated/**'],
    });
  });

  it('does not offer the level the file already sets', async () => {
    const { actions } = await open({ '.aisec.json': JSON.stringify({ rules: { [LOCAL_AUTH]: 'warning' } }) });
    const titles = actions.map((a) => a.title);
    assert.ok(!titles.includes(`Set ${LOCAL_AUTH} to warning in .aisec.json`), titles.join(' | '));
    assert.ok(titles.includes(`Turn off ${LOCAL_AUTH} in .aisec.json`), titles.join(' | '));
  });
});
