// The bundled language server over stdio, as an editor sees it: diagnostics, code actions (fix, suppress,
// docs, fix-all), hover, cross-file re-checks, the workspace scan, rapid edits and aisec/summary.
// Needs `npm run build` (dist/server.js); `npm test` builds before mocha.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fixture,
  removeWorkspaces,
  TestClient,
  uriOf,
  workspace,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from './lsp-client';
import type { WorkspaceSummary } from '../../server/src/lsp/protocol';

const LOCAL_AUTH = 'AIS-COG-LOCAL-AUTH';
const byCode = (diagnostics: readonly Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const has = (code: string) => (diagnostics: readonly Diagnostic[]) => byCode(diagnostics, code).length > 0;
const hasNot = (code: string) => (diagnostics: readonly Diagnostic[]) => byCode(diagnostics, code).length === 0;

describe('language server (protocol)', function () {
  this.timeout(30000);
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(removeWorkspaces);

  async function start(files: Record<string, string>, options: Partial<Parameters<typeof TestClient.start>[0]> = {}) {
    const folder = workspace(files);
    client = await TestClient.start({ folder, ...options });
    return { folder, client };
  }

  describe('diagnostics', () => {
    it('reports a finding with code, range, severity, docs link and the parameter default as related', async () => {
      const text = fixture(`${LOCAL_AUTH}/param-default.bicep`);
      const { folder, client } = await start({});
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, text);
      const diagnostics = await client.waitForDiagnostics(uri, has(LOCAL_AUTH));
      const [d] = byCode(diagnostics, LOCAL_AUTH);
      const line = text.split('\n').findIndex((l) => l.includes('disableLocalAuth: disableKeys'));
      const column = text.split('\n')[line].indexOf('disableKeys');
      assert.deepEqual(d.range, {
        start: { line, character: column },
        end: { line, character: column + 'disableKeys'.length },
      });
      assert.equal(d.source, 'aisec');
      assert.equal(d.severity, 1, 'high severity → Error');
      assert.match(d.message, /oai-prod/);
      assert.ok(d.codeDescription?.href.endsWith(`/docs/${LOCAL_AUTH}.md`), d.codeDescription?.href);
      assert.ok(fs.existsSync(fileURLToPath(d.codeDescription!.href)), 'the docs page exists next to the bundle');
      const defaultLine = text.split('\n').findIndex((l) => l.startsWith('param disableKeys'));
      assert.equal(d.relatedInformation?.length, 1);
      assert.equal(d.relatedInformation![0].location.uri, uri);
      assert.equal(d.relatedInformation![0].location.range.start.line, defaultLine);
      assert.match(d.relatedInformation![0].message, /disableKeys/);
      assert.equal(client.latestPublished(uri)?.version, 1, 'published for the opened version');
    });

    it('reports a value it cannot know as "Cannot verify" at Information', async () => {
      const { folder, client } = await start({});
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, fixture(`${LOCAL_AUTH}/unknown-param.bicep`));
      const [d] = byCode(await client.waitForDiagnostics(uri, has(LOCAL_AUTH)), LOCAL_AUTH);
      assert.equal(d.severity, 3);
      assert.match(d.message, /^Cannot verify: /);
    });

    it('hides "cannot verify" findings when aisec.unknownValues is off and no .aisec.json decides', async () => {
      const { folder, client } = await start({}, { settings: { unknownValues: 'off' } });
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, fixture(`${LOCAL_AUTH}/unknown-param.bicep`).replace('param', '// first\nparam'));
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.equal(diagnostics.filter((d) => d.message.startsWith('Cannot verify')).length, 0);
    });

    it('shows an unused suppression as a faded hint', async () => {
      const text = `// aisec-disable-next-line ${LOCAL_AUTH} -- not needed\n${fixture(`${LOCAL_AUTH}/pass.bicep`)}`;
      const { folder, client } = await start({});
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, text);
      const diagnostics = await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.tags?.includes(1)));
      const hint = diagnostics.find((d) => d.tags?.includes(1))!;
      assert.equal(hint.severity, 4);
      assert.equal(hint.range.start.line, 0);
    });

    it('lints with the default configuration only in an untrusted workspace', async () => {
      const config = JSON.stringify({ rules: { [LOCAL_AUTH]: 'off' } });
      const text = fixture(`${LOCAL_AUTH}/fail.bicep`);
      const trusted = await start({ '.aisec.json': config });
      const uri = uriOf(trusted.folder, 'main.bicep');
      trusted.client.open(uri, text);
      assert.ok(hasNot(LOCAL_AUTH)(await trusted.client.waitForDiagnostics(uri)), 'trusted: .aisec.json turns it off');
      await trusted.client.stop();
      const untrusted = await start({ '.aisec.json': config }, { initializationOptions: { trusted: false } });
      const uri2 = uriOf(untrusted.folder, 'main.bicep');
      untrusted.client.open(uri2, text);
      await untrusted.client.waitForDiagnostics(uri2, has(LOCAL_AUTH));
    });

    it('publishes nothing when aisec.enable is false', async () => {
      const { folder, client } = await start({}, { settings: { enable: false } });
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, fixture(`${LOCAL_AUTH}/fail.bicep`));
      // A second, enabled signal to wait for: the summary notification after the check.
      await client.until(() => client.summaryChanges.length > 0, 'a check to run');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(client.diagnostics(uri)?.length ?? 0, 0);
    });

    it('survives broken, binary and deeply nested input and keeps answering', async () => {
      const { folder, client } = await start({});
      const broken = uriOf(folder, 'broken.bicep');
      const deep = uriOf(folder, 'deep.json');
      const binary = uriOf(folder, 'binary.tf');
      client.open(
        broken,
        "resource x 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  properties: {\n    disable",
      );
      client.open(
        deep,
        `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "x": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
      );
      client.open(binary, 'resource "a" "b" {\u0000\u0001\u0002}');
      await client.waitForDiagnostics(broken);
      await client.waitForDiagnostics(deep);
      const [skipped] = await client.waitForDiagnostics(binary, (ds) => ds.length > 0);
      assert.equal(skipped.severity, 3, 'one Information diagnostic saying why');
      assert.match(skipped.message, /did not analyse this file: .*binary/);
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, fixture(`${LOCAL_AUTH}/fail.bicep`));
      await client.waitForDiagnostics(uri, has(LOCAL_AUTH));
      assert.equal(client.process.exitCode, null, 'server still running');
    });
  });

  describe('code actions', () => {
    async function openWithFinding(text: string) {
      const { folder, client } = await start({});
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, text);
      const [d] = byCode(await client.waitForDiagnostics(uri, has(LOCAL_AUTH)), LOCAL_AUTH);
      return { client, uri, diagnostic: d };
    }

    it('offers the fix as preferred quickfix; applying it clears the diagnostic', async () => {
      const { client, uri, diagnostic } = await openWithFinding(fixture(`${LOCAL_AUTH}/param-default.bicep`));
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.kind, 'quickfix');
      assert.match(fix.title, /disableLocalAuth/);
      assert.deepEqual(
        fix.diagnostics?.map((d) => d.code),
        [LOCAL_AUTH],
      );
      const text = client.applyEdit(uri, fix.edit!);
      assert.match(text, /param disableKeys bool = true/);
      await client.waitForDiagnostics(uri, (ds, p) => p.version === 2 && hasNot(LOCAL_AUTH)(ds));
    });

    it('offers "Suppress <ID> on this line" and "Show documentation"; the suppression silences the finding', async () => {
      const { client, uri, diagnostic } = await openWithFinding(fixture(`${LOCAL_AUTH}/fail.bicep`));
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
      const suppress = actions.find((a) => a.title === `Suppress ${LOCAL_AUTH} on this line`);
      const docs = actions.find((a) => a.title === `Show documentation for ${LOCAL_AUTH}`);
      assert.ok(suppress && docs, actions.map((a) => a.title).join(' | '));
      assert.equal(docs.command?.command, 'aisec.showRuleDocumentation');
      const href = await client.request<string>('workspace/executeCommand', {
        command: docs.command!.command,
        arguments: docs.command!.arguments,
      });
      assert.ok(href.endsWith(`${LOCAL_AUTH}.md`));
      const before = client.diagnostics(uri)!.length;
      const text = client.applyEdit(uri, suppress.edit!);
      assert.match(text, new RegExp(`// aisec-disable-next-line ${LOCAL_AUTH} -- `));
      const after = await client.waitForDiagnostics(uri, (_, p) => p.version === 2);
      assert.equal(byCode(after, LOCAL_AUTH).length, byCode(client.published[0].diagnostics, LOCAL_AUTH).length - 1);
      assert.ok(after.length < before);
    });

    it('marks unsafe fixes "(unsafe)" and never prefers them', async () => {
      const { client, uri } = await openWithFinding(fixture(`${LOCAL_AUTH}/fail.bicep`));
      const all = client.diagnostics(uri)!;
      const actions: CodeAction[] = [];
      for (const d of all) actions.push(...(await client.codeActions(uri, d.range, [d], ['quickfix'])));
      const unsafe = actions.filter((a) => a.title.endsWith('(unsafe)'));
      assert.ok(unsafe.length > 0, `an unsafe fix among ${actions.map((a) => a.title).join(' | ')}`);
      for (const a of unsafe) assert.notEqual(a.isPreferred, true, a.title);
      for (const a of actions.filter((x) => x.isPreferred)) assert.ok(!a.title.includes('(unsafe)'));
    });

    it('source.fixAll.aisec applies every safe fix of the file in one edit', async () => {
      const { client, uri } = await openWithFinding(fixture(`${LOCAL_AUTH}/fail.bicep`));
      const safeBefore = client.diagnostics(uri)!.filter(hasSafeFix);
      assert.ok(safeBefore.length >= 2, 'the fixture has several safely fixable findings');
      const actions = await client.codeActions(uri, zeroRange, [], ['source.fixAll.aisec']);
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.aisec');
      const edits = editsOf(actions[0].edit!);
      assert.equal(edits.length, 1, 'one minimal edit');
      client.applyEdit(uri, actions[0].edit!);
      const after = await client.waitForDiagnostics(uri, (_, p) => p.version === 2);
      assert.deepEqual(
        after.filter(hasSafeFix).map((d) => `${d.code}@${d.range.start.line}`),
        [],
      );
      assert.ok(hasNot(LOCAL_AUTH)(after));
    });

    it('offers fix-all lazily in the lightbulb and computes it in codeAction/resolve', async () => {
      const { folder, client } = await start(
        {},
        { capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } } },
      );
      const uri = uriOf(folder, 'main.bicep');
      client.open(uri, fixture(`${LOCAL_AUTH}/fail.bicep`));
      const [d] = byCode(await client.waitForDiagnostics(uri, has(LOCAL_AUTH)), LOCAL_AUTH);
      const actions = await client.codeActions(uri, d.range, [d]);
      const lazy = actions.find((a) => a.kind === 'source.fixAll.aisec');
      assert.ok(lazy, actions.map((a) => a.title).join(' | '));
      assert.equal(lazy.edit, undefined, 'no edit before resolve');
      const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
      assert.equal(editsOf(resolved.edit!).length, 1);
      client.applyEdit(uri, resolved.edit!);
      await client.waitForDiagnostics(uri, (ds, p) => p.version === 2 && hasNot(LOCAL_AUTH)(ds));
    });

    it('answers a bare quickfix request (no diagnostics in the context) from the range', async () => {
      const { client, uri, diagnostic } = await openWithFinding(fixture(`${LOCAL_AUTH}/fail.bicep`));
      const actions = await client.codeActions(uri, diagnostic.range, []);
      assert.ok(actions.some((a) => a.title === `Suppress ${LOCAL_AUTH} on this line`));
    });
  });

  it('hover on a flagged range shows the rule, why, and the fix', async () => {
    const { folder, client } = await start({});
    const uri = uriOf(folder, 'main.bicep');
    client.open(uri, fixture(`${LOCAL_AUTH}/param-default.bicep`));
    const [d] = byCode(await client.waitForDiagnostics(uri, has(LOCAL_AUTH)), LOCAL_AUTH);
    const result = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: d.range.start.line, character: d.range.start.character + 2 },
    });
    assert.ok(result);
    assert.equal(result.contents.kind, 'markdown');
    assert.match(result.contents.value, new RegExp(`\\*\\*${LOCAL_AUTH}\\*\\* · Disable local`));
    assert.match(result.contents.value, /\*Why:\* API keys are long-lived shared secrets/);
    assert.match(result.contents.value, /\*Fix:\* Set disableLocalAuth to true/);
    const nothing = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.equal(nothing, null);
  });

  describe('cross-file and workspace', () => {
    it('a .bicepparam edit re-checks the template it feeds, even when the template is not open', async () => {
      const main = fixture(`${LOCAL_AUTH}/bicepparam/main.bicep`);
      const params = fixture(`${LOCAL_AUTH}/bicepparam/main.bicepparam`);
      const { folder, client } = await start({ 'main.bicep': main, 'main.bicepparam': params });
      const mainUri = uriOf(folder, 'main.bicep');
      const paramsUri = uriOf(folder, 'main.bicepparam');
      const [d] = byCode(await client.waitForDiagnostics(mainUri, has(LOCAL_AUTH)), LOCAL_AUTH);
      assert.ok(
        d.relatedInformation?.some((r) => r.location.uri === paramsUri),
        'related to the .bicepparam line',
      );
      client.open(paramsUri, params);
      client.change(paramsUri, params.replace('param disableKeys = false', 'param disableKeys = true'));
      await client.waitForDiagnostics(mainUri, hasNot(LOCAL_AUTH));
    });

    it('a Terraform variable default in variables.tf re-checks main.tf', async function () {
      const variables = 'variable "local_auth" {\n  type    = bool\n  default = true\n}\n';
      const main = [
        'resource "azurerm_cognitive_account" "openai" {',
        '  name                  = "oai-prod"',
        '  location              = "swedencentral"',
        '  resource_group_name   = "rg-ai"',
        '  kind                  = "OpenAI"',
        '  sku_name              = "S0"',
        '  custom_subdomain_name = "oai-prod"',
        '  local_auth_enabled    = var.local_auth',
        '}',
        '',
      ].join('\n');
      const { folder, client } = await start({ 'variables.tf': variables, 'main.tf': main });
      const mainUri = uriOf(folder, 'main.tf');
      const variablesUri = uriOf(folder, 'variables.tf');
      const first = await client.waitForDiagnostics(mainUri);
      if (first.some((d) => /front end is not available|grammar is not loaded/.test(d.message))) {
        this.skip(); // the Terraform front end is not in this build yet
      }
      const [d] = byCode(await client.waitForDiagnostics(mainUri, has(LOCAL_AUTH)), LOCAL_AUTH);
      assert.equal(d.range.start.line, 7);
      assert.ok(d.relatedInformation?.some((r) => r.location.uri === variablesUri));
      client.open(variablesUri, variables);
      client.change(variablesUri, variables.replace('default = true', 'default = false'));
      await client.waitForDiagnostics(mainUri, hasNot(LOCAL_AUTH));
      client.change(variablesUri, variables);
      await client.waitForDiagnostics(mainUri, has(LOCAL_AUTH));
    });

    it('scans the workspace in the background with progress: never-opened files get diagnostics', async () => {
      const fail = fixture(`${LOCAL_AUTH}/fail.bicep`);
      const { folder, client } = await start(
        {
          'infra/ai.bicep': fail,
          'infra/generated/skip.bicep': fail,
          'ignored/ai.bicep': fail,
          '.gitignore': 'ignored/\n',
          'package.json': '{ "name": "not-arm" }',
        },
        { settings: { scan: { exclude: ['**/generated'] } } },
      );
      await client.waitForDiagnostics(uriOf(folder, 'infra/ai.bicep'), has(LOCAL_AUTH));
      await client.scanEnded();
      const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal((client.progress[0] as { value: { cancellable: boolean } }).value.cancellable, true);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(client.diagnostics(uriOf(folder, 'infra/generated/skip.bicep')), undefined, 'aisec.scan.exclude');
      assert.equal(client.diagnostics(uriOf(folder, 'ignored/ai.bicep')), undefined, '.gitignore');
      assert.equal(client.diagnostics(uriOf(folder, 'package.json')), undefined, 'non-ARM JSON is silent');
    });

    it('a pushed files.exclude change (VS Code client) rescans and clears files now excluded', async () => {
      const fail = fixture(`${LOCAL_AUTH}/fail.bicep`);
      const { folder, client } = await start({ 'infra/ai.bicep': fail, 'gen/ai.bicep': fail });
      const gen = uriOf(folder, 'gen/ai.bicep');
      await client.waitForDiagnostics(gen, has(LOCAL_AUTH));
      client.notify('workspace/didChangeConfiguration', {
        settings: { settings: { enable: true, scanScope: 'workspace' }, trusted: true, filesExclude: ['**/gen'] },
      });
      await client.waitForDiagnostics(gen, (ds) => ds.length === 0);
      assert.ok(has(LOCAL_AUTH)(client.diagnostics(uriOf(folder, 'infra/ai.bicep'))!));
    });

    it('the workspace scan is cancellable from the progress', async () => {
      const files: Record<string, string> = {};
      const fail = fixture(`${LOCAL_AUTH}/fail.bicep`);
      for (let i = 0; i < 1500; i++) files[`m${Math.floor(i / 100)}/f${i}.bicep`] = fail;
      const { client } = await start(files);
      const begin = await client.until(
        () => client.progress.find((p) => (p as { value: { kind: string } }).value.kind === 'begin'),
        'progress begin',
      );
      client.notify('window/workDoneProgress/cancel', { token: (begin as { token: string }).token });
      await client.scanEnded(30000);
      await client.until(() => client.summaryChanges.some((c) => !(c as { scanning: boolean }).scanning), 'idle');
      const published = new Set(client.published.map((p) => p.uri));
      assert.ok(published.size < 1500, `cancelled early: ${published.size} of 1500 files checked`);
    });

    it('scope openFiles publishes only open files', async () => {
      const fail = fixture(`${LOCAL_AUTH}/fail.bicep`);
      const { folder, client } = await start(
        { 'a.bicep': fail, 'b.bicep': fail },
        { settings: { scan: { scope: 'openFiles' } } },
      );
      const a = uriOf(folder, 'a.bicep');
      client.open(a, fail);
      await client.waitForDiagnostics(a, has(LOCAL_AUTH));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(client.diagnostics(uriOf(folder, 'b.bicep')), undefined);
    });

    it('registers file watchers and re-checks a file changed on disk', async () => {
      const pass = fixture(`${LOCAL_AUTH}/pass.bicep`);
      const { folder, client } = await start({ 'main.bicep': pass });
      const uri = uriOf(folder, 'main.bicep');
      await client.waitForDiagnostics(uri, hasNot(LOCAL_AUTH)).catch(() => undefined);
      await client.until(() => client.registrations.length > 0, 'watcher registration');
      const watchers = JSON.stringify(client.registrations);
      assert.match(watchers, /\*\*\/\*\.\{bicep,bicepparam,json,jsonc,tf,tfvars\}/);
      assert.match(watchers, /\.aisec\.json/);
      fs.writeFileSync(
        path.join(folder, 'main.bicep'),
        pass.replace('disableLocalAuth: true', 'disableLocalAuth: false'),
      );
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await client.waitForDiagnostics(uri, has(LOCAL_AUTH));
      fs.rmSync(path.join(folder, 'main.bicep'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
      await client.waitForDiagnostics(uri, (ds) => ds.length === 0);
    });

    it('re-checks when .aisec.json changes', async () => {
      const fail = fixture(`${LOCAL_AUTH}/fail.bicep`);
      const { folder, client } = await start({ 'main.bicep': fail });
      const uri = uriOf(folder, 'main.bicep');
      await client.waitForDiagnostics(uri, has(LOCAL_AUTH));
      fs.writeFileSync(path.join(folder, '.aisec.json'), JSON.stringify({ rules: { [LOCAL_AUTH]: 'off' } }));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, '.aisec.json'), type: 1 }] });
      await client.waitForDiagnostics(uri, hasNot(LOCAL_AUTH));
    });
  });

  it('rapid edits end on the diagnostics of the latest version', async () => {
    const fail = fixture(`${LOCAL_AUTH}/fail.bicep`);
    const pass = fixture(`${LOCAL_AUTH}/pass.bicep`);
    const { folder, client } = await start({});
    const uri = uriOf(folder, 'main.bicep');
    client.open(uri, fail);
    await client.waitForDiagnostics(uri, has(LOCAL_AUTH));
    let version = 1;
    for (let i = 0; i < 30; i++) version = client.change(uri, i % 2 === 0 ? pass : fail);
    version = client.change(uri, pass);
    await client.waitForDiagnostics(uri, (_, p) => p.version === version);
    await new Promise((r) => setTimeout(r, 400));
    const last = client.latestPublished(uri)!;
    assert.equal(last.version, version, 'nothing older published after the latest');
    assert.ok(hasNot(LOCAL_AUTH)(last.diagnostics));
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.ok(versions.length < 10, `debounced: ${versions.length} publishes for 32 edits`);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions never go backwards',
    );
  });

  it('aisec/summary counts findings by severity, rule, file and pillar, with posture per pillar', async () => {
    const fail = fixture(`${LOCAL_AUTH}/fail.bicep`);
    const pass = fixture(`${LOCAL_AUTH}/pass.bicep`);
    const { folder, client } = await start({ 'fail.bicep': fail, 'pass.bicep': pass });
    const failUri = uriOf(folder, 'fail.bicep');
    await client.waitForDiagnostics(failUri, has(LOCAL_AUTH));
    await client.until(() => client.summaryChanges.some((s) => !(s as { scanning: boolean }).scanning), 'scan done');
    const summary = await client.request<WorkspaceSummary>('aisec/summary', {});
    assert.equal(summary.files, 2);
    assert.equal(summary.scanning, false);
    const diagnostics = client.diagnostics(failUri)!;
    assert.equal(summary.counts!.byRule[LOCAL_AUTH], 2);
    assert.equal(summary.counts!.byFile[failUri], diagnostics.length);
    assert.equal(
      summary.counts!.byFile[uriOf(folder, 'pass.bicep')] ?? 0,
      client.diagnostics(uriOf(folder, 'pass.bicep'))?.length ?? 0,
    );
    const active = summary.findings.filter((f) => !f.suppressed);
    const c = summary.counts!.bySeverity;
    assert.equal(c.high + c.medium + c.low + c.review, active.length);
    assert.equal(
      Object.values(summary.counts!.byPillar).reduce((a, b) => a + b, 0),
      active.length,
    );
    assert.ok(summary.counts!.byPillar.identity >= 2);
    const localAuth = summary.findings.find((f) => f.ruleId === LOCAL_AUTH)!;
    assert.equal(localAuth.uri, failUri);
    assert.equal(localAuth.resourceKey, 'openai');
    assert.equal(localAuth.resourceType, 'Microsoft.CognitiveServices/accounts');
    // Three deployed accounts (two in fail.bicep, one in pass.bicep; the `existing` one does not count).
    const identity = summary.posture!.identity;
    assert.equal(identity.applicable, 3);
    assert.ok(identity.passing < identity.applicable, 'the failing accounts do not pass identity');
    assert.equal(identity.ratio, identity.passing / identity.applicable);
    assert.ok(summary.rules.some((r) => r.id === LOCAL_AUTH && r.pillar === 'identity'));
    const changed = client.summaryChanges.at(-1) as { counts: typeof c };
    assert.deepEqual(changed.counts, c);
  });
});

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function hasSafeFix(d: Diagnostic): boolean {
  const data = d.data as { kind: string; fixes: { applicability: string }[] } | undefined;
  return data?.kind === 'fail' && data.fixes.some((f) => f.applicability === 'safe');
}

function editsOf(edit: WorkspaceEdit) {
  return edit.changes ? Object.values(edit.changes).flat() : (edit.documentChanges ?? []).flatMap((c) => c.edits);
}
