// Locating the WebAssembly files: next to the bundle first (dist/), else in node_modules.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { grammarWasmPath, initTerraform, isTerraformReady, runtimeWasmPath } from '../../../server/src/parse/terraform';

describe('terraform wasm loading', () => {
  it('finds the runtime and the Terraform grammar', () => {
    const runtime = runtimeWasmPath();
    const grammar = grammarWasmPath();
    assert.ok(runtime && fs.existsSync(runtime) && path.basename(runtime) === 'tree-sitter.wasm');
    assert.ok(grammar && fs.existsSync(grammar) && path.basename(grammar) === 'tree-sitter-terraform.wasm');
  });

  it('initialises once, and again is a no-op', async () => {
    await initTerraform();
    await initTerraform();
    assert.equal(isTerraformReady(), true);
  });
});
