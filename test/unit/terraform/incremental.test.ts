// The optional incremental parser the language server may use: after `edit` + `parse`, the result equals
// a full parse of the new text; closing a document frees its tree. Batch mode (no cache) gives the same.
import { strict as assert } from 'node:assert';
import type { FrontEndResult, SourceFile } from '../../../server/src/model/frontend';
import {
  analyzeTerraform,
  cachedTerraformTrees,
  clearTerraformCache,
  IncrementalTerraformParser,
  parseTerraformFile,
  bypassTerraformTreeCache,
  TerraformFileCache,
  textChange,
  type TerraformResourceSyntax,
} from '../../../server/src/parse/terraform';
import { hasCorpus, terraformCorpus } from './corpus';
import { seededRandom } from '../../seeded-random';
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

describe('terraform file cache (analyzeTerraform between calls)', () => {
  const snippets = [' ', '\n', '"', '{', '}', 'x', '# note\n', '= 1', ']', '${', '/*', 'resource "a" "b" {\n}\n'];

  function editOnce(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const removed = next() < 0.4 ? Math.floor(next() * 30) : 0;
    const inserted = next() < 0.8 ? snippets[Math.floor(next() * snippets.length)] : '';
    return `${text.slice(0, at)}${inserted}${text.slice(at + removed)}`;
  }

  it('gives what a fresh parse gives after random edits of corpus files', function () {
    if (!hasCorpus()) this.skip();
    const files = terraformCorpus()
      .filter((f) => f.uri.endsWith('.tf') && f.text.length > 2000)
      .slice(0, 8);
    assert.ok(files.length > 0);
    const cache = new TerraformFileCache();
    const fresh = () => undefined;
    try {
      files.forEach((file, n) => {
        const next = seededRandom(n + 1);
        let text = file.text;
        assert.deepEqual(cache.parse(file.uri, text, fresh), parseTerraformFile(text));
        for (let i = 0; i < 25; i++) {
          // Mostly single edits (typing), sometimes two apart (a debounced burst), sometimes undone.
          text = editOnce(text, next);
          if (next() < 0.2) text = editOnce(text, next);
          if (next() < 0.1) text = file.text;
          assert.deepEqual(cache.parse(file.uri, text, fresh), parseTerraformFile(text), `${file.uri} edit ${i}`);
        }
      });
      assert.ok(cache.treeCount() <= 16);
    } finally {
      cache.clear();
    }
    assert.equal(cache.treeCount(), 0);
  });

  it('reuses the blocks an edit does not touch, and serves unchanged text as is', () => {
    const cache = new TerraformFileCache();
    const fresh = () => undefined;
    try {
      const uri = `${DIR}/main.tf`;
      const text = 'resource "azurerm_a" "one" {\n  name = "a"\n}\n\nresource "azurerm_b" "two" {\n  name = "b"\n}\n';
      const first = cache.parse(uri, text, fresh);
      assert.equal(cache.parse(uri, text, fresh), first);
      const edited = text.replace('"a"', '"aa"');
      const second = cache.parse(uri, edited, fresh);
      assert.deepEqual(second, parseTerraformFile(edited));
      // The second block follows the edit: an equal copy moved by one character, not the old object.
      assert.notEqual(second.body.blocks[1], first.body.blocks[1]);
      assert.equal(second.body.blocks[1].span.start, first.body.blocks[1].span.start + 1);
      // An edit in the second block leaves the first one as it was (same object).
      const third = cache.parse(uri, edited.replace('"b"', '"bb"'), fresh);
      assert.equal(third.body.blocks[0], second.body.blocks[0]);
    } finally {
      cache.clear();
    }
  });

  it('finds the one changed region between two texts', () => {
    assert.deepEqual(textChange('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(textChange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(textChange('abc', ''), { start: 0, oldEnd: 3, newEnd: 0 });
    assert.deepEqual(textChange('a1b2c', 'aXbYc'), { start: 1, oldEnd: 4, newEnd: 4 });
    // Long texts (compared in chunks): the change is found to the character.
    const long = `${'x'.repeat(1000)}a${'x'.repeat(1000)}`;
    assert.deepEqual(textChange(long, long.replace('a', 'bc')), { start: 1000, oldEnd: 1001, newEnd: 1002 });
    assert.deepEqual(textChange(long, `${long}x`), { start: 2001, oldEnd: 2001, newEnd: 2002 });
  });
});

describe('terraform batch mode (bypassTerraformTreeCache(true))', () => {
  afterEach(() => bypassTerraformTreeCache(false));

  function modules(): SourceFile[][] {
    const byDir = new Map<string, SourceFile[]>();
    for (const file of terraformCorpus()) byDir.set(file.dir, [...(byDir.get(file.dir) ?? []), file]);
    return [...byDir.values()];
  }

  it('analyses the corpus as the cached path does, keeping no tree', function () {
    if (!hasCorpus()) this.skip();
    const groups = modules();
    clearTerraformCache();
    const cached = groups.map((files) => analyzeTerraform(files, []));
    assert.ok(cachedTerraformTrees() > 0);
    clearTerraformCache();
    bypassTerraformTreeCache(true);
    assert.equal(cachedTerraformTrees(), 0);
    const batch = groups.map((files) => analyzeTerraform(files, []));
    assert.equal(cachedTerraformTrees(), 0);
    assert.deepEqual(batch, cached);
  });

  it('parses every file again (nothing served from a cache)', () => {
    const files = [{ uri: `${DIR}/main.tf`, text: 'resource "azurerm_cognitive_account" "a" {\n  name = "a"\n}\n' }];
    // The block comes from the file's plain tree: the same object only when that tree was cached.
    const syntaxOf = (result: FrontEndResult) =>
      (resource(result, 'azurerm_cognitive_account.a').syntax as TerraformResourceSyntax).block;
    assert.equal(syntaxOf(analyzeTerraform(files, [])), syntaxOf(analyzeTerraform(files, [])));
    clearTerraformCache();
    bypassTerraformTreeCache(true);
    const first = syntaxOf(analyzeTerraform(files, []));
    const second = syntaxOf(analyzeTerraform(files, []));
    assert.notEqual(first, second);
    assert.deepEqual(first, second);
    assert.equal(cachedTerraformTrees(), 0);
  });
});
