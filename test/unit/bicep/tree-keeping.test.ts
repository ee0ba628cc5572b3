// What the Bicep front end keeps of a parse: the tree's token stream is lexed again only when asked for, and
// toModel keeps a file's tree only when the file is likely to be analysed again with the same text.
import { strict as assert } from 'node:assert';
import { analyzeBicep, parseBicep } from '../../../server/src/parse/bicep';
import { lex } from '../../../server/src/parse/bicep/lexer';
import { make } from '../../../server/src/model/value';
import type { ParameterSupplier } from '../../../server/src/model/frontend';

const TEXT =
  "// storage\n@description('x')\nparam sku string = 'S0'\nresource a 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'a${sku}'\n}\n";

describe('bicep: tree tokens', () => {
  it('gives the token stream of the text, the same array on each read', () => {
    const tree = parseBicep(TEXT);
    assert.deepEqual(tree.tokens, lex(TEXT).tokens);
    assert.equal(tree.tokens, tree.tokens);
  });

  it('is not an own enumerable field: walkers and JSON see the tree as before', () => {
    const tree = parseBicep(TEXT);
    assert.deepEqual(Object.keys(tree), [
      'kind',
      'start',
      'end',
      'text',
      'statements',
      'comments',
      'directives',
      'errors',
    ]);
    assert.equal(JSON.parse(JSON.stringify(tree)).tokens, undefined);
  });
});

describe('bicep: kept trees', () => {
  const supplier: ParameterSupplier = {
    uri: 'file:///work/infra/kept.bicepparam',
    description: 'parameters file kept.bicepparam',
    values: new Map([['sku', make.literal('S1', { start: 0, end: 0 })]]),
  };
  const syntaxOf = (uri: string, text: string, suppliers: readonly ParameterSupplier[] = []) =>
    analyzeBicep({ uri, text }, suppliers).documents[0].resources[0].syntax;

  it('does not keep the tree of a file analysed once without values', () => {
    const uri = 'file:///work/infra/once.bicep';
    assert.notEqual(syntaxOf(uri, TEXT), syntaxOf(uri, TEXT));
  });

  it('keeps the tree once the same text is parsed a second time', () => {
    const uri = 'file:///work/infra/twice.bicep';
    syntaxOf(uri, TEXT);
    const second = syntaxOf(uri, TEXT);
    assert.equal(syntaxOf(uri, TEXT), second);
    assert.equal(syntaxOf(uri, TEXT, [supplier]), second);
  });

  it('keeps the tree of a file that receives values, until its text changes', () => {
    const uri = 'file:///work/infra/supplied.bicep';
    const first = syntaxOf(uri, TEXT, [supplier]);
    assert.equal(syntaxOf(uri, TEXT), first);
    assert.notEqual(syntaxOf(uri, TEXT.replace("'S0'", "'S2'"), [supplier]), first);
  });
});
