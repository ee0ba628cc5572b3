// patches/jsonc-parser+3.3.1.patch (applied by `npm install`'s postinstall) makes jsonc-parser's scanner
// faster on compiled ARM templates, which are half indentation and half long expression strings:
// - it built each run of spaces one character at a time (a new string per character); the patch takes the
//   run as one substring, which made scanning a 3.2 MB template 1.6× faster and cut the garbage of a corpus
//   scan by more than a quarter;
// - it took a string's characters one loop turn each; the patch skips the plain ones (not a quote, a
//   backslash or a control character) with one sticky regex step: scanning that template 20.3 -> 16.7 ms.
// These tests keep the behaviour, and fail when the patch is not applied (a failed postinstall would
// otherwise only show as a slower scan).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';

const PATCHED_LINES = ['value = text.substring(tokenOffset, pos);', 'plainStringRun.lastIndex = pos;'];

/** Every string token of `text`: its value, offset, length and scan error. */
function strings(text: string): [string, number, number, number][] {
  const scanner = createScanner(text, false);
  const found: [string, number, number, number][] = [];
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.StringLiteral)
      found.push([
        scanner.getTokenValue(),
        scanner.getTokenOffset(),
        scanner.getTokenLength(),
        scanner.getTokenError(),
      ]);
  }
  return found;
}

describe('jsonc-parser scanner patch', () => {
  it('still gives whitespace trivia its exact text, offset and length', () => {
    const text = '{ \t  "a" :\t1 }';
    const scanner = createScanner(text, false);
    const trivia: [number, number, string][] = [];
    for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
      if (token === SyntaxKind.Trivia)
        trivia.push([scanner.getTokenOffset(), scanner.getTokenLength(), scanner.getTokenValue()]);
    }
    assert.deepEqual(trivia, [
      [1, 4, ' \t  '],
      [8, 1, ' '],
      [10, 1, '\t'],
      [12, 1, ' '],
    ]);
  });

  it('still reads strings with escapes, surrogate pairs and empty strings exactly', () => {
    assert.deepEqual(strings(String.raw`["plain", "", "a\"b\\c\/\n\u0041z", "[concat('x', 😀)]"]`), [
      ['plain', 1, 7, ScanError.None],
      ['', 10, 2, ScanError.None],
      ['a"b\\c/\nAz', 14, 20, ScanError.None],
      ["[concat('x', 😀)]", 36, 19, ScanError.None],
    ]);
  });

  it('still reports control characters, line breaks, bad escapes and the end of the text inside a string', () => {
    // A line break ends the string: the rest of the line pairs its quotes the other way round.
    assert.deepEqual(strings('["a\tb", "c\nd", "e\\q", "f'), [
      ['a\tb', 1, 5, ScanError.InvalidCharacter],
      ['c', 8, 2, ScanError.UnexpectedEndOfString],
      [', ', 12, 4, ScanError.None],
      [', ', 19, 4, ScanError.None],
    ]);
    assert.deepEqual(strings('"\u0001x\\u00zz" "tail'), [
      ['\u0001xzz', 0, 10, ScanError.InvalidUnicode],
      ['tail', 11, 5, ScanError.UnexpectedEndOfString],
    ]);
  });

  it('is applied to both builds of the library (the tests load the UMD one, the bundles the ESM one)', () => {
    const root = path.dirname(require.resolve('jsonc-parser/package.json', { paths: [process.cwd()] }));
    for (const build of ['umd', 'esm']) {
      const source = fs.readFileSync(path.join(root, 'lib', build, 'impl', 'scanner.js'), 'utf8');
      for (const line of PATCHED_LINES)
        assert.ok(source.includes(line), `lib/${build}/impl/scanner.js is patched (run npm install)`);
    }
  });
});
