// The suppression-comment injection grammar, tokenized with VS Code's own TextMate engine (vscode-textmate +
// oniguruma WASM) against small host grammars that stand in for Bicep, HCL and JSONC: each has comments with the
// scopes the real grammars use, and nothing of ours is declared for those languages.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
const injectionPath = path.join(root, 'syntaxes/aisec-suppression.injection.json');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** A host grammar with line comments (`//` or `#`) and block comments. */
function hostGrammar(scopeName: string, lineComment: RegExp, suffix: string) {
  return {
    scopeName,
    patterns: [
      { begin: lineComment.source, end: '$', name: `comment.line.${suffix}` },
      { begin: '/\\*', end: '\\*/', name: `comment.block.${suffix}` },
      { match: "'[^']*'", name: `string.quoted.single.${suffix}` },
    ],
  };
}

const hosts: Record<string, object> = {
  'source.bicep': hostGrammar('source.bicep', /\/\//, 'double-slash.bicep'),
  'source.hcl.terraform': hostGrammar('source.hcl.terraform', /#|\/\//, 'number-sign.hcl'),
  'source.json.comments': hostGrammar('source.json.comments', /\/\//, 'double-slash.js'),
};

let registry: vsctm.Registry;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const contribution = manifest.contributes.grammars.find(
    (g: { path: string }) => g.path === './syntaxes/aisec-suppression.injection.json',
  );
  registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'aisec.suppression.injection') {
        return vsctm.parseRawGrammar(fs.readFileSync(injectionPath, 'utf8'), injectionPath);
      }
      const host = hosts[scopeName];
      return host ? vsctm.parseRawGrammar(JSON.stringify(host), `${scopeName}.json`) : null;
    },
    // What VS Code does with `injectTo` in the manifest.
    getInjections: (scopeName) => (contribution.injectTo.includes(scopeName) ? [contribution.scopeName] : undefined),
  });
});

async function tokens(scopeName: string, line: string): Promise<[string, string][]> {
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, scopeName);
  const result = grammar.tokenizeLine(line, vsctm.INITIAL);
  return result.tokens.map((t) => [
    line.slice(t.startIndex, t.endIndex),
    t.scopes.filter((s) => s.endsWith('.aisec')).join(' ') || '-',
  ]);
}

function scopeOf(all: [string, string][], text: string): string {
  const hit = all.find(([t]) => t.trim() === text);
  assert.ok(hit, `token "${text}" in ${JSON.stringify(all)}`);
  return hit[1];
}

describe('client: suppression comment injection grammar', () => {
  it('is contributed as an injection only (no language ids, no grammar of ours for them)', () => {
    const grammars = manifest.contributes.grammars as { language?: string; injectTo?: string[] }[];
    assert.deepStrictEqual(
      grammars.map((g) => g.language),
      [undefined],
    );
    assert.strictEqual(manifest.contributes.languages, undefined);
    assert.ok(grammars[0].injectTo!.includes('source.bicep'));
  });

  it('highlights directive, rule ids, reason and expiry in a Bicep comment', async () => {
    const t = await tokens(
      'source.bicep',
      '// aisec-disable-next-line AIS-COG-LOCAL-AUTH, AIS-COG-CMK -- legacy client until 2026-12-31',
    );
    assert.strictEqual(scopeOf(t, 'aisec-disable-next-line'), 'keyword.control.directive.suppression.aisec');
    assert.strictEqual(scopeOf(t, 'AIS-COG-LOCAL-AUTH'), 'constant.other.rule-id.aisec');
    assert.strictEqual(scopeOf(t, 'AIS-COG-CMK'), 'constant.other.rule-id.aisec');
    assert.strictEqual(scopeOf(t, '--'), 'punctuation.separator.reason.aisec');
    assert.strictEqual(scopeOf(t, 'legacy client'), 'string.unquoted.reason.aisec');
    assert.strictEqual(scopeOf(t, 'until'), 'keyword.other.until.aisec');
    assert.strictEqual(scopeOf(t, '2026-12-31'), 'constant.numeric.date.aisec');
  });

  it('works in HCL # comments and JSONC // comments', async () => {
    const tf = await tokens('source.hcl.terraform', '  # aisec-disable-next-line AIS-ST-PUBLIC-BLOB');
    assert.strictEqual(scopeOf(tf, 'aisec-disable-next-line'), 'keyword.control.directive.suppression.aisec');
    assert.strictEqual(scopeOf(tf, 'AIS-ST-PUBLIC-BLOB'), 'constant.other.rule-id.aisec');
    const json = await tokens('source.json.comments', '    // aisec-disable-next-line AIS-KV-PURGE-PROTECTION');
    assert.strictEqual(scopeOf(json, 'AIS-KV-PURGE-PROTECTION'), 'constant.other.rule-id.aisec');
  });

  it('leaves code, strings and other comments alone', async () => {
    const code = await tokens('source.bicep', "var x = 'aisec-disable-next-line AIS-COG-CMK'");
    assert.ok(
      code.every(([, scope]) => scope === '-'),
      JSON.stringify(code),
    );
    const other = await tokens('source.bicep', '// AIS-COG-CMK is discussed here, no directive');
    assert.ok(
      other.every(([, scope]) => scope === '-'),
      JSON.stringify(other),
    );
    const block = await tokens('source.bicep', '/* aisec-disable-next-line AIS-COG-CMK */ var y = 1');
    assert.strictEqual(scopeOf(block, 'AIS-COG-CMK'), 'constant.other.rule-id.aisec');
    assert.strictEqual(scopeOf(block, 'var y = 1'), '-');
  });
});
