// The Bicep parser on the real-world corpus: every .bicep and .bicepparam file parses without a syntax
// error, and random truncations and deletions of those files never throw and always yield a tree.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeBicep, analyzeBicepParams, parseBicep } from '../../server/src/parse/bicep';
import { LineIndex } from '../../server/src/model/span';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

function findFiles(dir: string, pattern: RegExp, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, pattern, out);
    else if (pattern.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** mulberry32: a small seeded PRNG so fuzz cases are reproducible. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('bicep corpus', function () {
  if (!fs.existsSync(CORPUS)) {
    it('corpus folder is missing', function () {
      this.skip(); // the shared corpus lives next to the repository: ../shared/corpus
    });
    return;
  }
  const bicepFiles = findFiles(CORPUS, /\.bicep$/);
  const paramFiles = findFiles(CORPUS, /\.bicepparam$/);

  it('finds the corpus files', () => {
    assert.ok(bicepFiles.length >= 171, `found only ${bicepFiles.length} .bicep files`);
    assert.ok(paramFiles.length >= 2, `found only ${paramFiles.length} .bicepparam files`);
  });

  it('parses every .bicep and .bicepparam file without a syntax error', () => {
    const failures: string[] = [];
    for (const file of [...bicepFiles, ...paramFiles]) {
      const text = fs.readFileSync(file, 'utf8');
      const tree = parseBicep(text);
      if (tree.errors.length > 0) {
        const lines = new LineIndex(text);
        const first = tree.errors[0];
        failures.push(
          `${path.relative(CORPUS, file)}:${lines.positionAt(first.span.start).line + 1}: ${first.message}`,
        );
      }
    }
    assert.deepEqual(failures, []);
  });

  it('analyses every file into the model without throwing', () => {
    let resources = 0;
    for (const file of bicepFiles) {
      const result = analyzeBicep({ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') }, []);
      resources += result.documents[0].resources.length;
    }
    for (const file of paramFiles) {
      const result = analyzeBicepParams({ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') });
      assert.equal(result.documents[0].language, 'bicepparam');
    }
    assert.ok(resources > 100, `only ${resources} resources found in the corpus`);
  });

  it('fuzz: random truncations and deletions never throw and always return a tree', () => {
    const random = prng(20261122);
    const files = [...bicepFiles, ...paramFiles];
    const cases = 400;
    for (let i = 0; i < cases; i++) {
      const file = files[Math.floor(random() * files.length)];
      const original = fs.readFileSync(file, 'utf8');
      let text: string;
      const mode = i % 4;
      if (mode === 0) {
        text = original.slice(0, Math.floor(random() * original.length));
      } else if (mode === 1) {
        // Delete a few random ranges (up to a few lines each).
        text = original;
        for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
          const start = Math.floor(random() * text.length);
          text = text.slice(0, start) + text.slice(start + Math.floor(random() * 200));
        }
      } else if (mode === 2) {
        // Delete single characters, favouring brackets, quotes and newlines.
        const chars = original.split('');
        for (let k = 0; k < 20; k++) {
          const at = Math.floor(random() * chars.length);
          if ("{}[]()'\n:=,".includes(chars[at]) || random() < 0.3) chars.splice(at, 1);
        }
        text = chars.join('');
      } else {
        // Splice a random chunk of the file into a random place.
        const from = Math.floor(random() * original.length);
        const chunk = original.slice(from, from + Math.floor(random() * 300));
        const to = Math.floor(random() * original.length);
        text = original.slice(0, to) + chunk + original.slice(to);
      }
      const context = `case ${i} (${path.basename(file)}, mode ${mode})`;
      const tree = parseBicep(text);
      assert.equal(tree.kind, 'program', context);
      assert.equal(tree.end, text.length, context);
      for (const error of tree.errors) {
        assert.ok(
          error.span.start >= 0 && error.span.end <= text.length && error.span.start <= error.span.end,
          context,
        );
      }
      const result = analyzeBicep({ uri: 'file:///fuzz/main.bicep', text }, []);
      assert.equal(result.documents.length, 1, context);
    }
  });
});
