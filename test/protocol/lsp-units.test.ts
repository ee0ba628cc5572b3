// The pure parts of the language server, without a process: minimal edits, docs summaries, client excludes,
// code action kind filters and the settings merge.
import * as assert from 'node:assert/strict';
import { kindRequested } from '../../server/src/lsp/code-actions';
import { docsHref, ruleDocSummary, summarize } from '../../server/src/lsp/docs';
import { applySpanEdits, minimalEdit } from '../../server/src/lsp/text-edits';
import { clientExcludes } from '../../server/src/lsp/workspace-scan';

describe('language server units', () => {
  describe('minimalEdit', () => {
    const roundTrip = (before: string, after: string) => {
      const edit = minimalEdit(before, after);
      assert.equal(edit === undefined ? before : applySpanEdits(before, [edit]), after);
      return edit;
    };

    it('keeps the common prefix and suffix', () => {
      const edit = roundTrip('a: false\nb: 1\n', 'a: true\nb: 1\n')!;
      assert.deepEqual(edit, { span: { start: 3, end: 7 }, newText: 'tru' }); // 'e' is common to both
    });

    it('returns undefined for equal texts and handles insertions and deletions', () => {
      assert.equal(minimalEdit('x', 'x'), undefined);
      roundTrip('ab', 'aXb');
      roundTrip('aXb', 'ab');
      roundTrip('', 'new');
      roundTrip('old', '');
    });

    it('never splits a CRLF or a surrogate pair', () => {
      const crlf = minimalEdit('a\r\nb', 'a\r\n\r\nb')!;
      assert.ok(!(crlf.span.start === 2), 'not between \\r and \\n');
      roundTrip('a\r\nb', 'a\r\n\r\nb');
      const emoji = minimalEdit('x😀y', 'x😁y')!;
      assert.equal(emoji.span.start, 1);
      assert.equal(emoji.span.end, 3);
      roundTrip('x😀y', 'x😁y');
    });
  });

  it('applySpanEdits refuses overlapping or out-of-range edits', () => {
    assert.equal(
      applySpanEdits('abc', [
        { span: { start: 0, end: 2 }, newText: '' },
        { span: { start: 1, end: 3 }, newText: '' },
      ]),
      undefined,
    );
    assert.equal(applySpanEdits('abc', [{ span: { start: 2, end: 9 }, newText: '' }]), undefined);
  });

  it('summarizes a docs page: title and the first paragraph of "Why it matters"', () => {
    const page = [
      '# AIS-X-Y: Do the secure thing',
      '',
      '| a | b |',
      '',
      '## What it checks',
      '',
      'Checks stuff.',
      '',
      '## Why it matters',
      '',
      'Because keys leak',
      'and stay valid.',
      '',
      'Second paragraph.',
    ].join('\n');
    assert.deepEqual(summarize(page), { title: 'Do the secure thing', why: 'Because keys leak and stay valid.' });
    assert.equal(
      ruleDocSummary('AIS-COG-LOCAL-AUTH').title,
      'Disable local (key) authentication on AI Services accounts',
    );
    assert.equal(ruleDocSummary('../../etc/passwd').why, undefined);
  });

  it('links docs to the shipped page or a configured base URL', () => {
    assert.match(docsHref('AIS-COG-LOCAL-AUTH')!, /^file:.*\/AIS-COG-LOCAL-AUTH\.md$/);
    assert.equal(
      docsHref('AIS-COG-LOCAL-AUTH', 'https://example.org/docs/'),
      'https://example.org/docs/AIS-COG-LOCAL-AUTH.md',
    );
    assert.equal(docsHref('AIS-NO-SUCH-RULE'), undefined);
  });

  it('matches client excludes like files.exclude (folders exclude their content)', () => {
    const excluded = clientExcludes(['**/generated', '**/*.tmp.json', 'build/']);
    assert.ok(excluded('infra/generated/main.bicep'));
    assert.ok(excluded('a/b.tmp.json'));
    assert.ok(excluded('build/x.tf'));
    assert.ok(!excluded('infra/main.bicep'));
    assert.ok(!clientExcludes([])('anything'));
  });

  it('filters code action kinds hierarchically', () => {
    assert.ok(kindRequested(undefined, 'source.fixAll.aisec'));
    assert.ok(kindRequested(['source'], 'source.fixAll.aisec'));
    assert.ok(kindRequested(['source.fixAll'], 'source.fixAll.aisec'));
    assert.ok(!kindRequested(['source.fixAll.eslint'], 'source.fixAll.aisec'));
    assert.ok(!kindRequested(['quickfix'], 'source.fixAll.aisec'));
    assert.ok(!kindRequested(['source.fix'], 'source.fixAll.aisec'));
  });
});
