// LineIndex finds its line starts on first use (a batch scan asks positions only of files with findings)
// and keeps them in an exact-size Int32Array. Checked against a plain reference on every kind of line end.
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/model/span';
import { seededRandom } from '../../seeded-random';

/** The reference: line starts after every \r\n, lone \r or \n, found one character at a time. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
  }
  return starts;
}

function assertMatchesReference(text: string): void {
  const lines = new LineIndex(text);
  const starts = referenceStarts(text);
  assert.equal(lines.lineCount, starts.length, JSON.stringify(text));
  for (let offset = 0; offset <= text.length; offset++) {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    assert.deepEqual(
      lines.positionAt(offset),
      { line, character: offset - starts[line] },
      `${JSON.stringify(text)} @${offset}`,
    );
  }
  starts.forEach((start, line) => {
    assert.equal(lines.lineStart(line), start);
    assert.equal(lines.offsetAt({ line, character: 0 }), start);
  });
}

describe('LineIndex', () => {
  it('maps offsets on LF, CRLF, lone CR and mixed line ends, empty lines and a missing last line end', () => {
    for (const text of [
      '',
      'one line',
      'a\nb\n',
      '\n\n\n',
      'a\r\nb\r\n\r\nc',
      'a\rb\rc',
      'a\r\nb\nc\rd\n\r\ne',
      '\r',
      '\r\n',
      'é😀\nß\r\n',
    ])
      assertMatchesReference(text);
  });

  it('matches the reference on random texts of line ends and letters', () => {
    const alphabet = ['a', 'b', ' ', '\n', '\r', '\r\n'];
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assertMatchesReference(text);
    }
  });

  it('clamps offsets and positions outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 5);
    assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(lines.lineStart(99), 3);
  });
});
