// Edits of `.aisec.json` (DESIGN §6) for the editor's "Turn off <ID> in .aisec.json" / "Set <ID> to warning"
// actions: the nearest config file walking up from the IaC file (the workspace root when there is none, a
// new file then), and the text edits that set `rules.<ID>` with jsonc-parser's `modify`, which keeps the
// file's comments, formatting and member order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, modify, parse as parseJsonc, parseTree, type ParseError } from 'jsonc-parser';
import { CONFIG_FILE_NAME, findConfigFile } from '../engine/config';
import { detectStyle, indentationAt, lineEndAt, type TextEdit } from './text';

export type RuleLevel = 'error' | 'warning' | 'info' | 'off';

export interface ConfigTarget {
  /** Absolute path of the `.aisec.json` to edit or create. */
  readonly path: string;
  /** Its current text; undefined when the file does not exist yet. */
  readonly text: string | undefined;
}

/**
 * The config file that governs `forFile`: the nearest `.aisec.json` walking up, else one to create in
 * `root` (the workspace folder), else next to the nearest `.git` above the file, else in the file's directory.
 * Undefined when the existing file cannot be read.
 */
export function configTargetFor(forFile: string, root?: string): ConfigTarget | undefined {
  const found = findConfigFile(forFile);
  if (found) {
    try {
      return { path: found, text: fs.readFileSync(found, 'utf8').replace(/^\uFEFF/, '') };
    } catch {
      return undefined; // unreadable (permissions, removed meanwhile): no action rather than a wrong one
    }
  }
  return {
    path: path.join(root ?? repositoryRoot(forFile) ?? path.dirname(forFile), CONFIG_FILE_NAME),
    text: undefined,
  };
}

function repositoryRoot(forFile: string): string | undefined {
  let dir = path.resolve(path.dirname(forFile));
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The level a config text sets for `ruleId` (exact key or any casing), when it sets one. */
export function configuredLevel(text: string, ruleId: string): string | undefined {
  const errors: ParseError[] = [];
  const config = parseJsonc(text, errors, { allowTrailingComma: true }) as { rules?: Record<string, unknown> };
  const rules = config && typeof config === 'object' ? config.rules : undefined;
  if (!rules || typeof rules !== 'object') return undefined;
  const key = Object.keys(rules).find((k) => k.toUpperCase() === ruleId.toUpperCase());
  const value = key === undefined ? undefined : rules[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Edits that set `rules.<ruleId>` to `level` in an existing config text (an existing key in another casing is
 * the one changed), in the file's indentation and line ending. Undefined when the text is not a JSON object
 * jsonc-parser can edit safely (then the action is not offered).
 */
export function setRuleLevelEdits(text: string, ruleId: string, level: RuleLevel): TextEdit[] | undefined {
  const errors: ParseError[] = [];
  const config = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 && text.trim() !== '') return undefined;
  if (text.trim() !== '' && (typeof config !== 'object' || config === null || Array.isArray(config))) return undefined;
  const rules = (config as { rules?: unknown } | undefined)?.rules;
  if (rules !== undefined && (typeof rules !== 'object' || rules === null || Array.isArray(rules))) return undefined;
  const key = rules ? (Object.keys(rules).find((k) => k.toUpperCase() === ruleId.toUpperCase()) ?? ruleId) : ruleId;
  const style = detectStyle(text);
  if (!rules || !(key in (rules as object))) {
    const appended = appendRuleLine(text, key, level, style.eol);
    if (appended) return appended;
  }
  const source = text.trim() === '' ? '{}' : text;
  const edits = modify(source, ['rules', key], level, {
    formattingOptions: {
      insertSpaces: style.indent !== '\t',
      tabSize: style.indent === '\t' ? 4 : style.indent.length,
      eol: style.eol,
    },
  });
  if (source !== text) {
    // An empty file: replace it whole with the edited '{}'.
    let result = source;
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
      result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
    }
    return [{ span: { start: 0, end: text.length }, newText: result + style.eol }];
  }
  return edits.map((e) => ({ span: { start: e.offset, end: e.offset + e.length }, newText: e.content }));
}

/**
 * A new member after the last one of a `rules` object written one member per line: inserted on its own line
 * with that line's indentation, the comma right after the last value, so a trailing `// comment` stays with
 * the member it describes (jsonc-parser's formatter would move it onto the new line).
 */
function appendRuleLine(text: string, key: string, level: RuleLevel, eol: string): TextEdit[] | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const rules = tree && findNodeAtLocation(tree, ['rules']);
  const last = rules?.type === 'object' ? rules.children?.[rules.children.length - 1] : undefined;
  if (!last || last.children?.length !== 2) return undefined;
  const valueEnd = last.offset + last.length;
  if (/[\r\n]/.test(text.slice(last.offset, valueEnd))) return undefined;
  const lineEnd = lineEndAt(text, valueEnd);
  const rest = text.slice(valueEnd, lineEnd);
  const comma = /^\s*,/.test(rest);
  if (!/^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest)) return undefined;
  const indent = indentationAt(text, last.offset);
  const member = `${eol}${indent}${JSON.stringify(key)}: ${JSON.stringify(level)}${comma ? ',' : ''}`;
  const edits: TextEdit[] = [];
  if (!comma) edits.push({ span: { start: valueEnd, end: valueEnd }, newText: ',' });
  edits.push({ span: { start: lineEnd, end: lineEnd }, newText: member });
  return edits;
}

/** The text of a new `.aisec.json` that sets one rule. */
export function newConfigText(ruleId: string, level: RuleLevel): string {
  return `{\n  "rules": {\n    ${JSON.stringify(ruleId)}: ${JSON.stringify(level)}\n  }\n}\n`;
}
