// patches/web-tree-sitter+0.25.10.patch (applied by `npm install`'s postinstall): a tree cursor's state goes
// to and from the WebAssembly heap as four words at every cursor call; web-tree-sitter wrote and read each
// word through Emscripten's setValue/getValue, which dispatch on a type string per call (3% of a workspace
// scan). The patch writes the words into HEAP32 directly. These tests check that a cursor walk still meets
// every node the node API gives (which does not go through the patched functions), and fail when the patch
// is not applied.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { terraformParser } from '../../../server/src/parse/terraform/wasm';
import { hasCorpus, terraformCorpus } from './corpus';

const PATCHED_LINE = 'const heap = C.HEAP32, at = TRANSFER_BUFFER >> 2;';

type Row = [string, number, number, boolean];

function byNodes(node: Node, rows: Row[] = []): Row[] {
  rows.push([node.type, node.startIndex, node.endIndex, node.isNamed]);
  for (const child of node.children) if (child) byNodes(child, rows);
  return rows;
}

function byCursor(node: Node): Row[] {
  const rows: Row[] = [];
  const cursor = node.walk();
  try {
    for (;;) {
      rows.push([cursor.nodeType, cursor.startIndex, cursor.endIndex, cursor.nodeIsNamed]);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return rows;
    }
  } finally {
    cursor.delete();
  }
}

describe('web-tree-sitter cursor patch', () => {
  it('walks every node the node API gives, with the same types and positions', function () {
    if (!hasCorpus()) this.skip();
    const parser = terraformParser();
    let nodes = 0;
    for (const file of terraformCorpus().slice(0, 40)) {
      const tree = parser.parse(file.text)!;
      try {
        const expected = byNodes(tree.rootNode);
        assert.deepEqual(byCursor(tree.rootNode), expected, file.uri);
        nodes += expected.length;
      } finally {
        tree.delete();
      }
    }
    assert.ok(nodes > 10_000, `${nodes} nodes`);
  });

  it('is applied to both builds of the library (the tests load the CommonJS one)', () => {
    const root = path.dirname(require.resolve('web-tree-sitter', { paths: [process.cwd()] }));
    for (const build of ['tree-sitter.cjs', 'tree-sitter.js']) {
      const source = fs.readFileSync(path.join(root, build), 'utf8');
      assert.ok(source.includes(PATCHED_LINE), `${build} is patched (run npm install)`);
    }
  });
});
