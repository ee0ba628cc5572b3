// The optional incremental parser the language server may use: after `edit` + `parse`, the result equals
// a full parse of the new text; closing a document frees its tree.
import { strict as assert } from 'node:assert';
import { IncrementalTerraformParser, parseTerraformFile } from '../../../server/src/parse/terraform';
import { DIR, json, resource } from './helpers';

function position(text: string, index: number): { row: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { row: before.length - 1, column: before[before.length - 1].length };
}

describe('terraform incremental parsing', () => {
  const before = 'resource "azurerm_cognitive_account" "a" {\n  name = "a"\n  local_auth_enabled = true\n}\n';

  it('re-parses after an edit to the same tree a full parse gives', () => {
    const parser = new IncrementalTerraformParser();
    try {
      const uri = `${DIR}/main.tf`;
      parser.parse(uri, before);
      const at = before.indexOf('true');
      const after = `${before.slice(0, at)}false${before.slice(at + 4)}`;
      parser.edit(uri, {
        startIndex: at,
        oldEndIndex: at + 4,
        newEndIndex: at + 5,
        startPosition: position(before, at),
        oldEndPosition: position(before, at + 4),
        newEndPosition: position(after, at + 5),
      });
      assert.deepEqual(parser.parse(uri, after), parseTerraformFile(after));
      const result = parser.analyze([{ uri, text: after }], []);
      assert.equal(json(resource(result, 'azurerm_cognitive_account.a').get('properties.disableLocalAuth')), true);
      // Unchanged text is served from the cache (same object).
      assert.equal(parser.parse(uri, after), parser.parse(uri, after));
      parser.close(uri);
      assert.deepEqual(parser.parse(uri, after), parseTerraformFile(after));
    } finally {
      parser.dispose();
    }
  });
});
