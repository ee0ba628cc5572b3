// Packed template literals (packed-text.ts): what is packed and what is kept, and that a fresh parse from the
// packed text converts to exactly what the real text gives, on the corpus, the fixtures and mutated files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packTerraformTemplates, parseTerraformFile } from '../../../server/src/parse/terraform';
import { literalRuns, packTemplateLiterals } from '../../../server/src/parse/terraform/packed-text';
import { hasCorpus, terraformCorpus } from './corpus';
import { seededRandom } from '../../seeded-random';

/** The packed text, or undefined when the file is left as it is. */
function packed(text: string): string | undefined {
  return packTemplateLiterals(text)?.text;
}

/** parseTerraformFile from the real text only. */
function parseUnpacked(text: string): ReturnType<typeof parseTerraformFile> {
  const previous = packTerraformTemplates(false);
  try {
    return parseTerraformFile(text);
  } finally {
    packTerraformTemplates(previous);
  }
}

function fixtureFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tf|tfvars)$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.resolve(__dirname, '../../../test-fixtures'));
  walk(path.resolve(__dirname, '../../../rules'));
  return files;
}

describe('terraform packed template literals', () => {
  it('packs the plain text of quoted strings, keeping the whitespace at their ends', () => {
    assert.equal(packed('a = "hello world"\n'), 'a = "."\n');
    assert.equal(packed('a = "  two words  "\n'), 'a = "  .  "\n');
    // One character gains nothing.
    assert.equal(packed('a = "x"\n'), undefined);
  });

  it('keeps escapes, interpolations, directives and dollar sequences as the scanner reads them', () => {
    assert.equal(packed('a = "ab\\ncd"\n'), 'a = ".\\n."\n');
    assert.equal(packed('a = "\\u00e9abc"\n'), 'a = "\\u00e9."\n');
    assert.equal(packed('a = "pre-${var.name}-post"\n'), 'a = ".${var.name}."\n');
    assert.equal(packed('a = "${ x ? "yes sir" : "no" }"\n'), 'a = "${ x ? "." : "." }"\n');
    assert.equal(packed('a = "%{ if x }on it%{ endif }"\n'), 'a = "%{ if x }.%{ endif }"\n');
    // `$${` is literal text; `$$` then `${` is a literal then an interpolation.
    assert.equal(packed('a = "ab$${cd}ef"\n'), 'a = ".$${."\n');
    assert.equal(packed('a = "ab$$${x}ef"\n'), 'a = ".$$${x}."\n');
    // Objects inside an interpolation: the interpolation ends at its own brace.
    assert.equal(packed('a = "${ {k = "long value"}.k }tail"\n'), 'a = "${ {k = "."}.k }."\n');
  });

  it('packs heredoc lines and keeps the terminator and the line structure', () => {
    const text = 'a = <<-EOT\n  first line here\n\n  ${var.x} and more\n  EOT\nb = 1\n';
    assert.equal(packed(text), 'a = <<-EOT\n  .\n\n  ${var.x} .\n  EOT\nb = 1\n');
  });

  it('packs the blanks between tokens of code, not those of comments and templates', () => {
    assert.equal(
      packed('resource "a" "b" {\n  name     = "x"\n\ttags = {}\n\t\tcount = 1    # a    note\n}\n'),
      'resource "a" "b" {\n name = "x"\n\ttags = {}\n count = 1 # a    note\n}\n',
    );
    // Code inside an interpolation is code; the blanks at a literal's ends and a heredoc's indentation stay.
    assert.equal(packed('a = "${  x  }  tail  "\n'), 'a = "${ x }  .  "\n');
    assert.equal(packed('a = <<EOT\n    ab\nEOT\n'), 'a = <<EOT\n    .\nEOT\n');
    // A comment is left as it is, blanks and all.
    assert.equal(packed('# a    b\n/* c    d */\n'), undefined);
    const text = 'a    = 1\nbb   = "long value"\n';
    const result = packTemplateLiterals(text)!;
    assert.equal(result.text, 'a = 1\nbb = "."\n');
    assert.equal(result.original(result.text.indexOf('=')), text.indexOf('='));
    assert.equal(result.original(result.text.indexOf('bb')), text.indexOf('bb'));
    assert.equal(result.original(result.text.indexOf('.')), text.indexOf('long'));
  });

  it('leaves alone what it does not follow exactly', () => {
    // Comments are code: nothing in them is packed.
    assert.equal(packed('# a "quoted text" here\nb = 1\n'), undefined);
    // A line break inside a quoted string, an unterminated string or heredoc, an unbalanced brace.
    assert.equal(literalRuns('a = "one\ntwo"\n'), undefined);
    assert.equal(literalRuns('a = "never ends\n'), undefined);
    assert.equal(literalRuns('a = <<EOT\nsome text\n'), undefined);
    assert.equal(literalRuns('a = "${ x "\n'), undefined);
    assert.equal(literalRuns('}\n'), undefined);
    // A heredoc line that starts with the identifier without ending the heredoc.
    assert.equal(literalRuns('a = <<EOT\nEOTX is text\nEOT\n'), undefined);
  });

  it('maps every position of the packed text back to the file', () => {
    const text = 'a = "hello world"\nb = "x${y}long tail"\n';
    const result = packTemplateLiterals(text)!;
    assert.equal(result.text, 'a = "."\nb = "x${y}."\n');
    // The packed character's start and end are the run's start and end; positions between runs shift.
    const run = result.text.indexOf('.');
    assert.equal(result.original(run), text.indexOf('hello'));
    assert.equal(result.original(run + 1), text.indexOf('"\nb'));
    assert.equal(result.original(result.text.indexOf('b =')), text.indexOf('b ='));
    assert.equal(result.original(result.text.length), text.length);
    assert.equal(result.original(0), 0);
  });

  it('converts fixtures to what the real text gives', () => {
    const files = fixtureFiles();
    assert.ok(files.length > 50, `${files.length} fixture files`);
    let packedFiles = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (packed(text) !== undefined) packedFiles++;
      assert.deepEqual(parseTerraformFile(text), parseUnpacked(text), file);
    }
    assert.ok(packedFiles > files.length / 2, `${packedFiles} of ${files.length} packed`);
  });

  it('converts the corpus to what the real text gives, with a third less text to parse', function () {
    if (!hasCorpus()) this.skip();
    const files = terraformCorpus();
    let before = 0;
    let after = 0;
    for (const file of files) {
      before += file.text.length;
      after += packed(file.text)?.length ?? file.text.length;
      assert.deepEqual(parseTerraformFile(file.text), parseUnpacked(file.text), file.uri);
    }
    assert.ok(after < before * 0.8, `${after} of ${before} characters left`);
  });

  it('converts mutated corpus files to what the real text gives (syntax errors included)', function () {
    if (!hasCorpus()) this.skip();
    this.timeout(120_000);
    const files = terraformCorpus().filter((file) => file.text.length > 500);
    const next = seededRandom(7);
    const snippets = ['"', '$', '${', '%{', '}', '{', '\n', '<<EOT\n', 'EOT\n', '\\', '\\u00', '#', '/*', '*/'];
    const more = [' ', '$${', '%%{', '~}', '\u00a0', '\r\n', '  EOT', 'x', '<<-EOT\n', '"${', '}"'];
    let packedFiles = 0;
    for (let n = 0; n < 400; n++) {
      let text = files[Math.floor(next() * files.length)].text;
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * text.length);
        const removed = next() < 0.4 ? Math.floor(next() * 20) : 0;
        const pool = next() < 0.5 ? snippets : more;
        const inserted = removed ? '' : pool[Math.floor(next() * pool.length)];
        text = text.slice(0, at) + inserted + text.slice(at + removed);
      }
      if (packed(text) !== undefined) packedFiles++;
      assert.deepEqual(parseTerraformFile(text), parseUnpacked(text), `mutation ${n}`);
    }
    assert.ok(packedFiles > 100, `${packedFiles} of 400 mutated files packed`);
  });
});
