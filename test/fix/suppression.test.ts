// suppressionEdit: a comment above the finding's line, at its indentation, in the file's comment syntax;
// an existing aisec-disable-next-line comment above gets the id appended instead.
import assert from 'node:assert/strict';
import { applyTextEdits, suppressionEdit } from '../../server/src/edit';
import { LineIndex, type Language, type ParsedDocument } from '../../server/src/model';
import { discoverCases } from '../rules/fixtures';
import { analyze, initEngine } from './harness';

function doc(text: string, language: Language): ParsedDocument {
  return {
    uri: 'file:///ws/x',
    language,
    text,
    lines: new LineIndex(text),
    resources: [],
    syntaxProblems: [],
    comments: [],
  };
}

function suppress(text: string, language: Language, needle: string, ruleId = 'AIS-COG-LOCAL-AUTH', reason?: string) {
  const document = doc(text, language);
  const start = text.indexOf(needle);
  return applyTextEdits(text, [
    suppressionEdit(document, { ruleId, span: { start, end: start + needle.length } }, reason),
  ]);
}

describe('suppression edits', () => {
  it('inserts a // comment at the line’s indentation in Bicep and ARM JSONC', () => {
    const bicep = "resource a 'x@1' = {\n  properties: {\n    disableLocalAuth: false\n  }\n}\n";
    assert.equal(
      suppress(bicep, 'bicep', 'false'),
      "resource a 'x@1' = {\n  properties: {\n    // aisec-disable-next-line AIS-COG-LOCAL-AUTH -- reason\n    disableLocalAuth: false\n  }\n}\n",
    );
    const json = '{\r\n\t"properties": {\r\n\t\t"disableLocalAuth": false\r\n\t}\r\n}\r\n';
    assert.equal(
      suppress(json, 'arm', 'false', 'AIS-COG-LOCAL-AUTH', 'keys needed by the legacy batch job'),
      '{\r\n\t"properties": {\r\n\t\t// aisec-disable-next-line AIS-COG-LOCAL-AUTH -- keys needed by the legacy batch job\r\n\t\t"disableLocalAuth": false\r\n\t}\r\n}\r\n',
    );
  });

  it('uses # in Terraform and joins an existing suppression comment', () => {
    const tf = 'resource "a" "b" {\n  local_auth_enabled = true\n}\n';
    assert.equal(
      suppress(tf, 'terraform', 'true'),
      'resource "a" "b" {\n  # aisec-disable-next-line AIS-COG-LOCAL-AUTH -- reason\n  local_auth_enabled = true\n}\n',
    );
    const existing = 'resource "a" "b" {\n  # aisec-disable-next-line AIS-COG-PUBLIC-NETWORK -- lab\n  x = true\n}\n';
    assert.equal(
      suppress(existing, 'terraform', 'true'),
      'resource "a" "b" {\n  # aisec-disable-next-line AIS-COG-PUBLIC-NETWORK, AIS-COG-LOCAL-AUTH -- lab\n  x = true\n}\n',
    );
    assert.equal(suppress(existing, 'terraform', 'true', 'AIS-COG-PUBLIC-NETWORK'), existing);
  });

  it('suppresses a finding on the first line of a file', () => {
    assert.equal(
      suppress("resource a 'x@1' = {}\n", 'bicep', 'resource'),
      "// aisec-disable-next-line AIS-COG-LOCAL-AUTH -- reason\nresource a 'x@1' = {}\n",
    );
  });
});

describe('suppression edits through the engine', function () {
  this.timeout(300_000);
  before(async () => {
    await initEngine();
  });

  it('suppress the first finding of every fixture case', () => {
    let checked = 0;
    for (const fixture of discoverCases()) {
      const before = analyze(fixture.files);
      const finding = before.findings.find((f) => !f.suppression && f.ruleId === fixture.ruleId);
      if (!finding) continue;
      const document = before.documents.get(finding.uri)!;
      const edit = suppressionEdit(document, finding, 'accepted in test');
      const files = fixture.files.map((f) =>
        f.uri === finding.uri ? { uri: f.uri, text: applyTextEdits(f.text, [edit]) } : f,
      );
      const after = analyze(files);
      const same = after.findings.filter(
        (f) => f.ruleId === finding.ruleId && f.resourceKey === finding.resourceKey && f.message === finding.message,
      );
      assert.ok(same.length > 0, `${fixture.ruleId}/${fixture.name}: the finding is still reported`);
      assert.ok(
        same.every((f) => f.suppression?.justification === 'accepted in test'),
        `${fixture.ruleId}/${fixture.name}: not suppressed after the edit`,
      );
      checked++;
    }
    assert.ok(checked > 100, `only ${checked} cases checked`);
  });
});
