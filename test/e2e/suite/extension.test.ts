// Runs inside the real VS Code extension host with the real `vscode` API, against the workspace copied from
// test/e2e/workspace: diagnostics from the aisec language server, quick fixes applied and saved to disk, the
// workspace summary, "fix all in file", the report export and the rule docs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { WorkspaceSummary } from '../../../server/src/lsp/protocol';

const EXTENSION_ID = 'aisec.aisec';
const LOCAL_AUTH = 'AIS-COG-LOCAL-AUTH';

function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

function aisecDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'aisec');
}

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens the file, waits for the LOCAL-AUTH diagnostic, applies the preferred quick fix, saves. */
async function fixLocalAuth(relative: string, expectOnDisk: RegExp, expectBefore: RegExp): Promise<void> {
  const uri = workspaceUri(relative);
  assert.match(fs.readFileSync(uri.fsPath, 'utf8'), expectBefore, 'fixture starts insecure');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const t0 = Date.now();
  const diagnostic = await waitFor(`${LOCAL_AUTH} on ${relative}`, () =>
    aisecDiagnostics(uri).find((d) => codeOf(d) === LOCAL_AUTH),
  );
  console.log(`      ${relative}: ${LOCAL_AUTH} diagnostic after ${Date.now() - t0} ms: "${diagnostic.message}"`);
  assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error, 'high severity maps to Error');
  const href = typeof diagnostic.code === 'object' ? diagnostic.code.target.toString() : '';
  assert.match(href, new RegExp(`${LOCAL_AUTH}`), 'the diagnostic links to the rule docs');

  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  const titles = actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
  console.log(`      code actions: ${JSON.stringify(titles)}`);
  // The API command returns actions without their `diagnostics`: the range (the offending value, which only
  // this finding covers in the fixture) ties them to the finding.
  const preferred = actions.filter((a) => a.isPreferred && a.edit);
  assert.strictEqual(preferred.length, 1, `one preferred quick fix for ${LOCAL_AUTH}: ${titles.join(', ')}`);
  const fix = preferred[0];
  assert.ok(
    actions.some((a) => a.title.includes(`Suppress ${LOCAL_AUTH}`) && a.edit),
    'a suppression action is offered too',
  );
  assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'edit applied');
  assert.ok(await doc.save(), 'saved');
  const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
  assert.match(onDisk, expectOnDisk, 'the file on disk has the secure value');
  await waitFor(`${LOCAL_AUTH} to disappear from ${relative}`, () =>
    aisecDiagnostics(uri).every((d) => codeOf(d) !== LOCAL_AUTH) ? true : undefined,
  );
}

describe('aisec in the real VS Code extension host', function () {
  let summaryOf: () => Promise<WorkspaceSummary>;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const t0 = Date.now();
    const handle = (await ext.activate()) as { current?: { sendRequest<R>(m: string, p: unknown): Promise<R> } };
    await waitFor('the language client', () => handle.current);
    console.log(`      extension active, language client running after ${Date.now() - t0} ms`);
    summaryOf = () => handle.current!.sendRequest<WorkspaceSummary>('aisec/summary', {});
  });

  it('pushes diagnostics for unopened files and summarises the whole workspace', async () => {
    const tf = workspaceUri('main.tf');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === tf.toString()), 'main.tf not open');
    await waitFor('workspace-scan diagnostics on the unopened main.tf', () =>
      aisecDiagnostics(tf).some((d) => codeOf(d) === LOCAL_AUTH) ? true : undefined,
    );
    const summary = await waitFor('a complete summary', async () => {
      const s = await summaryOf();
      return !s.scanning && s.findings.length > 0 ? s : undefined;
    });
    const files = new Set(summary.findings.filter((f) => f.ruleId === LOCAL_AUTH).map((f) => f.uri.split('/').pop()));
    assert.deepStrictEqual([...files].sort(), ['main.bicep', 'main.tf', 'speech.bicep']);
    assert.ok(!summary.findings.some((f) => f.uri.endsWith('notarm.json')), 'non-ARM JSON is ignored');
    assert.ok(
      summary.rules.some((r) => r.id === LOCAL_AUTH && r.pillar === 'identity'),
      'catalogue has the rule',
    );
    assert.ok(summary.files >= 3, `files checked: ${summary.files}`);
  });

  it('Bicep: diagnostic, preferred quick fix, saved to disk, diagnostic gone', async () => {
    await fixLocalAuth('main.bicep', /disableLocalAuth: true/, /disableLocalAuth: false/);
  });

  it('Terraform: diagnostic, preferred quick fix, saved to disk, diagnostic gone', async () => {
    await fixLocalAuth('main.tf', /local_auth_enabled\s*=\s*false/, /local_auth_enabled\s*=\s*true/);
  });

  it('"Fix all issues in file" applies every safe fix of a file', async () => {
    const uri = workspaceUri('fixall/speech.bicep');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor('diagnostics on speech.bicep', () => (aisecDiagnostics(uri).length > 1 ? true : undefined));
    const before = aisecDiagnostics(uri).map(codeOf);
    await vscode.commands.executeCommand('aisec.fixAllInFile', uri);
    const text = doc.getText();
    assert.match(text, /disableLocalAuth: true/);
    assert.match(text, /publicNetworkAccess: 'Disabled'/);
    assert.ok(await doc.save());
    await waitFor('fewer diagnostics after fix-all', () =>
      aisecDiagnostics(uri).every((d) => codeOf(d) !== LOCAL_AUTH) ? true : undefined,
    );
    console.log(
      `      fix-all: before ${JSON.stringify(before)}, after ${JSON.stringify(aisecDiagnostics(uri).map(codeOf))}`,
    );
  });

  it('contributes its commands, and the summary follows the fixes', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'aisec.openRuleDocs',
      'aisec.rescan',
      'aisec.showReport',
      'aisec.exportReport',
      'aisec.groupByRule',
      'aisec.fixAllInFile',
    ]) {
      assert.ok(commands.includes(id), `${id} registered`);
    }
    await vscode.commands.executeCommand('aisec.rescan');
    const summary = await summaryOf();
    const localAuth = summary.findings.filter((f) => f.ruleId === LOCAL_AUTH && !f.suppressed);
    assert.deepStrictEqual(localAuth, [], 'every LOCAL-AUTH finding was fixed');
  });

  it('exports the report as Markdown', async () => {
    await vscode.commands.executeCommand('aisec.showReport');
    await vscode.commands.executeCommand('aisec.exportReport');
    const editor = await waitFor('the exported Markdown', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.languageId === 'markdown' && e.document.isUntitled ? e : undefined;
    });
    const markdown = editor.document.getText();
    assert.match(markdown, /^# aisec security posture/);
    assert.match(markdown, /## Posture per pillar/);
    assert.match(markdown, /\| Identity \|/);
  });

  it('opens a rule documentation page', async () => {
    await vscode.commands.executeCommand('aisec.openRuleDocs', LOCAL_AUTH);
    await waitFor('a tab showing the docs page', () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes(LOCAL_AUTH))) ? true : undefined,
    );
  });
});
