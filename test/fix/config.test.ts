// Edits of .aisec.json for the "Turn off <ID>" / "Set <ID> to …" code actions (server/src/edit/config.ts).
import assert from 'node:assert/strict';
import { parse as parseJsonc } from 'jsonc-parser';
import { newConfigText, setRuleLevelEdits } from '../../server/src/edit/config';
import { applyTextEdits } from '../../server/src/edit';

const set = (text: string, level: 'off' | 'warning' | 'info' | 'error' = 'off') => {
  const edits = setRuleLevelEdits(text, 'AIS-X', level);
  return edits && applyTextEdits(text, edits);
};

describe('.aisec.json edits', () => {
  it('a new file sets one rule', () => {
    assert.equal(newConfigText('AIS-X', 'off'), '{\n  "rules": {\n    "AIS-X": "off"\n  }\n}\n');
  });

  it('adds rules to a file without them, in its indentation and line ending', () => {
    assert.equal(
      set('{\r\n\t"exclude": []\r\n}\r\n'),
      '{\r\n\t"exclude": [],\r\n\t"rules": {\r\n\t\t"AIS-X": "off"\r\n\t}\r\n}\r\n',
    );
    assert.deepEqual(parseJsonc(set('') ?? ''), { rules: { 'AIS-X': 'off' } });
  });

  it('changes an existing entry in place, whatever its casing', () => {
    assert.equal(set('{ "rules": { "ais-x": "warning" } } // x', 'info'), '{ "rules": { "ais-x": "info" } } // x');
  });

  it('appends after the last rule, keeping its trailing comment and a trailing comma', () => {
    assert.equal(
      set('{\n  "rules": {\n    "AIS-A": "info" // why\n  }\n}\n'),
      '{\n  "rules": {\n    "AIS-A": "info", // why\n    "AIS-X": "off"\n  }\n}\n',
    );
    assert.equal(
      set('{\n  "rules": {\n    "AIS-A": "info",\n  }\n}\n'),
      '{\n  "rules": {\n    "AIS-A": "info",\n    "AIS-X": "off",\n  }\n}\n',
    );
  });

  it('declines broken JSON, arrays and a non-object "rules"', () => {
    assert.equal(set('{ "rules": { '), undefined);
    assert.equal(set('[]'), undefined);
    assert.equal(set('{ "rules": [] }'), undefined);
  });
});
