// The fast JSON reader (parse/arm/plainJson.ts) must give exactly what jsonc-parser's visitor gives when it
// accepts a text, and give up whenever jsonc-parser reports an error: compared on the corpus, on small
// hand-written cases, and on thousands of damaged copies of corpus files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'jsonc-parser';
import { MAX_JSON_DEPTH, readJsonTolerantly, type JsonReading } from '../../../server/src/parse/arm/json';
import { readPlainJson } from '../../../server/src/parse/arm/plainJson';

const CORPUS_ARM = path.resolve(__dirname, '../../../../shared/corpus/arm');

/** Everything observable of a reading, parents as (type, offset), properties in their creation order. */
function snapshot(reading: JsonReading): string {
  const parentOf = (node: Node | undefined) => (node ? [node.type, node.offset] : node);
  return JSON.stringify(
    {
      root: reading.root,
      comments: reading.comments,
      problems: reading.problems,
      tooDeep: reading.tooDeep,
      bracketStrings: reading.bracketStrings?.map((node) => [node.offset, node.length, node.value]),
      rootKeys: reading.root ? Object.keys(reading.root) : undefined,
    },
    (key, value: unknown) => (key === 'parent' ? parentOf(value as Node | undefined) : value),
  );
}

/** The fast reading equals the tolerant one, or the fast reader gave up on a text with problems. */
function assertAgrees(text: string, label: string): 'plain' | 'gave up' {
  const tolerant = readJsonTolerantly(text);
  const plain = readPlainJson(text, MAX_JSON_DEPTH);
  if (!plain) {
    // Giving up is always safe; on an error-free ordinary text it would only be slow.
    return 'gave up';
  }
  assert.equal(tolerant.problems.length, 0, `${label}: the fast reader accepted a text with problems`);
  assert.equal(snapshot(plain), snapshot(tolerant), `${label}: the readings differ`);
  return 'plain';
}

function corpusFiles(): string[] {
  if (!fs.existsSync(CORPUS_ARM)) return [];
  return fs
    .readdirSync(CORPUS_ARM, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(CORPUS_ARM, name))
    .sort();
}

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ARM fast JSON reader', () => {
  it('reads every corpus file exactly as jsonc-parser does, without giving up', () => {
    for (const file of corpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const outcome = assertAgrees(text, path.basename(file));
      if (readJsonTolerantly(text).problems.length === 0) assert.equal(outcome, 'plain', file);
    }
  });

  it('agrees on comments, trailing commas, escapes, numbers and keywords', () => {
    const accepted = [
      '{}',
      '[]',
      ' {"a": 1} ',
      '{"a": [1, 2,], "b": {"c": null,},}',
      '// lead\n{ /* block */ "a" /* between */ : // after colon\n "[x]" /**/ }\r\n// tail',
      '{"esc": "q\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\tu\\u0041\\u00e9\\uD83D\\uDE00", "[k]": "[v]"}',
      '[0, -0, 12, -3.25, 1e5, 2E-3, 4e+2, 0.5, -0.0e0]',
      '[true, false, null, true/*x*/, false//y\n]',
      '"[a string root]"',
      '42',
      '{"a":"\u2028 and \u00a0 and \uFEFF inside a string"}',
    ];
    for (const text of accepted) assert.equal(assertAgrees(text, JSON.stringify(text)), 'plain', text);
    const refused = [
      '',
      '   ',
      '\uFEFF{"a": 1}',
      '{"a": 1} x',
      '{"a": 1}{}',
      '{"a" 1}',
      '{"a": }',
      '{,}',
      '[1,,2]',
      '[1 2]',
      '[01]',
      '[1.]',
      '[1e]',
      '[-]',
      '[+1]',
      '[.5]',
      '[truex]',
      '[nul]',
      '[True]',
      '{"a": "unterminated}',
      '{"a": "line\nbreak"}',
      '{"a": "tab\there"}',
      '{"a": "\\x"}',
      '{"a": "\\u12"}',
      '{"a": 1 /* open',
      '{"a": 1 / 2}',
      '{a: 1}',
      "{'a': 1}",
      '{"a":\u00a01}',
      '{"a":\u000b1}',
      '[1]\u2028',
      '{"a": [1}',
      '{"a": 1',
      '[',
      '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1),
    ];
    for (const text of refused) assert.equal(assertAgrees(text, JSON.stringify(text)), 'gave up', text);
  });

  it('gives up or agrees on damaged copies of corpus files', function () {
    this.timeout(300_000);
    const next = random(20260101);
    const inserts = [
      '"',
      ',',
      ':',
      '{',
      '}',
      '[',
      ']',
      '/',
      '*',
      '\\',
      ' ',
      '\n',
      '\t',
      'x',
      '0',
      '-',
      '.',
      'e',
      'true',
    ];
    // Small files, so that many mutations run quickly; damage anywhere in them.
    const texts = corpusFiles()
      .map((file) => fs.readFileSync(file, 'utf8'))
      .filter((text) => text.length < 40_000);
    let plain = 0;
    let gaveUp = 0;
    for (let round = 0; round < 3000; round++) {
      const text = texts[Math.floor(next() * texts.length)];
      const at = Math.floor(next() * text.length);
      const kind = next();
      let damaged: string;
      if (kind < 0.3) damaged = text.slice(0, at);
      else if (kind < 0.6) damaged = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
      else damaged = text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at);
      if (assertAgrees(damaged, `round ${round}`) === 'plain') plain++;
      else gaveUp++;
    }
    // Both outcomes must have been exercised for the comparison to mean anything.
    assert.ok(plain > 100 && gaveUp > 100, `plain ${plain}, gave up ${gaveUp}`);
  });
});
