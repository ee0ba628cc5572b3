// Reading a file from disk for a scan: the text as the editor would see it (UTF-8, byte-order mark removed),
// or the reason it is skipped. Files are read into one buffer the thread keeps: nothing of a file read
// before may show in the next.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readCandidate } from '../../server/src/engine/discovery';
import { MAX_FILE_BYTES } from '../../server/src/engine/session';

describe('engine: reading a file for a scan', () => {
  let dir: string;
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-read-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads ASCII and UTF-8 texts, without a byte-order mark', () => {
    assert.equal(readCandidate(write('a.bicep', "param p string = 'x'\n")).text, "param p string = 'x'\n");
    const utf8 = "// Zürich — 東京 🚀\nparam p string = 'é'\n";
    assert.equal(readCandidate(write('u.bicep', utf8)).text, utf8);
    assert.equal(readCandidate(write('b.json', '\ufeff{ "a": 1 }')).text, '{ "a": 1 }');
    // A Latin-1 byte that is no UTF-8 decodes as U+FFFD, as before.
    assert.equal(readCandidate(write('l.tf', Buffer.from([0x61, 0xe9, 0x62]))).text, 'a\ufffdb');
  });

  it('gives each file only its own bytes, from larger files to smaller ones and back', () => {
    const large = `# ${'x'.repeat(300_000)}\n`;
    const small = 'a = 1\n';
    assert.equal(readCandidate(write('large.tf', large)).text, large);
    assert.equal(readCandidate(write('small.tf', small)).text, small);
    assert.equal(readCandidate(write('empty.tf', '')).text, '');
    assert.equal(readCandidate(path.join(dir, 'large.tf')).text, large);
  });

  it('skips binary, too large and unreadable files with the reason', () => {
    assert.match(readCandidate(write('bin.json', Buffer.from([0x7b, 0x00, 0x7d]))).skipped ?? '', /binary/);
    const huge = write('huge.json', Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    assert.match(readCandidate(huge).skipped ?? '', /larger than 4 MB \(4\.0 MB\)/);
    assert.match(readCandidate(path.join(dir, 'missing.json')).skipped ?? '', /cannot read: ENOENT/);
    assert.match(readCandidate(dir).skipped ?? '', /cannot read: EISDIR/);
  });
});
