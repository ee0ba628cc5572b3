// Neovim (Debian's `neovim` package) as a second real LSP client of the bundled server over stdio: it must
// show aisec's diagnostics and apply a quick fix that makes the finding go away. Skips when nvim is absent
// (CI installs it: `apt-get install -y neovim`).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, removeWorkspaces, SERVER, workspace } from '../protocol/lsp-client';

const LUA = path.join(__dirname, 'check.lua');

function nvimVersion(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split('\n')[0] : undefined;
}

describe('neovim as LSP client (stdio)', function () {
  this.timeout(60000);

  after(removeWorkspaces);

  before(function () {
    const version = nvimVersion();
    if (!version) {
      console.log('    nvim not found: skipping the neovim client test (apt-get install -y neovim)');
      this.skip();
    }
    assert.ok(fs.existsSync(SERVER), `${SERVER} missing: run \`npm run build\` first`);
  });

  it('shows aisec diagnostics and applies the preferred quick fix', () => {
    const folder = workspace({ 'main.bicep': fixture('AIS-COG-LOCAL-AUTH/param-default.bicep') });
    const file = path.join(folder, 'main.bicep');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${LUA}`], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 50000,
      env: { ...process.env, AISEC_SERVER: SERVER, AISEC_FILE: file, AISEC_RULE: 'AIS-COG-LOCAL-AUTH' },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, output);
    assert.match(run.stdout, /^PASS$/m, output);
    const steps = new Map(
      run.stdout
        .split('\n')
        .filter((line) => line.startsWith('RESULT '))
        .map((line) => JSON.parse(line.slice('RESULT '.length)) as { step: string; ms: number; value: unknown })
        .map((r) => [r.step, r]),
    );
    const diagnostics = steps.get('diagnostics')!.value as {
      code: string;
      source: string;
      severity: string;
      href: string;
      line: number;
    }[];
    const localAuth = diagnostics.find((d) => d.code === 'AIS-COG-LOCAL-AUTH');
    assert.ok(localAuth, output);
    assert.equal(localAuth.source, 'aisec');
    assert.equal(localAuth.severity, 'ERROR');
    assert.equal(localAuth.line, 10);
    assert.match(localAuth.href, /AIS-COG-LOCAL-AUTH\.md$/);
    assert.ok((steps.get('actions')!.value as string[]).includes('Suppress AIS-COG-LOCAL-AUTH on this line'));
    assert.match(fs.readFileSync(file, 'utf8'), /param disableKeys bool = true/);
    console.log(
      `    nvim: first diagnostics after ${steps.get('diagnostics')!.ms} ms, fixed after ${steps.get('after')!.ms} ms`,
    );
  });
});
