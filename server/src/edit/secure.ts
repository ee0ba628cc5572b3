// `markSecure` edits: declare a template parameter or output secure, in place, in the file's own syntax.
//   Bicep:     `@secure()` on its own line above the `param`/`output` line, with that line's indentation
//              (only string and object types accept it).
//   ARM:       the declaration's top-level `"type": "string"|"object"` becomes `"secureString"|"secureObject"`
//              (the original's capitalisation kept: `"String"` → `"SecureString"`).
//   Terraform: `sensitive = true` in the `variable`/`output` block (an existing `sensitive = false` is
//              flipped), after the last attribute, `=` aligned with the run it joins as terraform fmt does.
// Anything it cannot write exactly (user-defined Bicep types, heredocs, single-line blocks with content)
// throws CannotWrite: the fix is then not offered.
import type { ParsedDocument } from '../model/document';
import type { ModelEdit } from '../model/rule';
import { CannotWrite } from './session';
import { detectStyle, indentationAt, lineEndAt, lineStartAt, type TextEdit } from './text';

export type MarkSecureEdit = Extract<ModelEdit, { kind: 'markSecure' }>;

export function markSecureEdits(document: ParsedDocument, edit: MarkSecureEdit): TextEdit[] {
  const declarations = edit.target === 'parameter' ? document.parameters : document.outputs;
  const declaration = declarations?.find((d) => d.name === edit.name);
  if (!declaration) throw new CannotWrite(`no ${edit.target} '${edit.name}'`);
  if (declaration.secure) throw new CannotWrite(`${edit.target} '${edit.name}' is already secure`);
  switch (document.language) {
    case 'bicep':
      return [bicepSecure(document.text, declaration.nameSpan.start, edit)];
    case 'arm':
      return [armSecure(document.text, declaration.nameSpan.end, declaration.span.end)];
    case 'terraform':
      return terraformSensitive(document.text, declaration.span.start, declaration.span.end);
    default:
      throw new CannotWrite(`${document.language} files declare no ${edit.target}s`);
  }
}

// --- Bicep -------------------------------------------------------------------------------------------------

function bicepSecure(text: string, nameStart: number, edit: MarkSecureEdit): TextEdit {
  // `param name string` / `output name object = …`: the type follows the name.
  const nameEnd = nameStart + edit.name.length;
  const type = /^\s+([A-Za-z_][\w.]*)/.exec(text.slice(nameEnd, nameEnd + 200))?.[1];
  if (type !== 'string' && type !== 'object') throw new CannotWrite(`@secure() needs a string or object type`);
  const lineStart = lineStartAt(text, nameStart);
  const eol = detectStyle(text).eol;
  return { span: { start: lineStart, end: lineStart }, newText: `${indentationAt(text, nameStart)}@secure()${eol}` };
}

// --- ARM ---------------------------------------------------------------------------------------------------

function armSecure(text: string, from: number, to: number): TextEdit {
  const open = text.indexOf('{', from);
  if (open < 0 || open >= to) throw new CannotWrite('the declaration is not an object');
  const type = topLevelStringMember(text, open, to, 'type');
  if (!type) throw new CannotWrite('the declaration has no "type"');
  const value = text.slice(type.start + 1, type.end - 1);
  const secure = /^string$/i.test(value) ? 'secureString' : /^object$/i.test(value) ? 'secureObject' : undefined;
  if (!secure) throw new CannotWrite(`type '${value}' cannot be made secure`);
  const written = value[0] === value[0].toUpperCase() ? secure[0].toUpperCase() + secure.slice(1) : secure;
  return { span: { start: type.start + 1, end: type.end - 1 }, newText: written };
}

/** The span (quotes included) of the string value of member `key` of the JSON(C) object opening at `open`. */
function topLevelStringMember(
  text: string,
  open: number,
  limit: number,
  key: string,
): { start: number; end: number } | undefined {
  let depth = 0;
  let lastString: { start: number; end: number; depth: number } | undefined;
  let afterKey = false;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      i = lineEndAt(text, i);
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? limit : close + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < limit && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const string = { start: i, end: j + 1, depth };
      if (afterKey && depth === 1) return string;
      lastString = string;
      i = j;
    } else if (c === ':') {
      afterKey = depth === 1 && lastString?.depth === 1 && text.slice(lastString.start + 1, lastString.end - 1) === key;
      continue;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return undefined;
    }
    if (!/\s/.test(c) && c !== '"') afterKey = false;
  }
  return undefined;
}

// --- Terraform ---------------------------------------------------------------------------------------------

interface HclItem {
  readonly name: string;
  /** Offsets of the item's first character and of the end of its last line. */
  readonly start: number;
  readonly end: number;
  readonly block: boolean;
  readonly multiline: boolean;
  /** For attributes: offset just after the name, and of the `=`. */
  readonly nameEnd: number;
  readonly equals: number;
}

function terraformSensitive(text: string, start: number, end: number): TextEdit[] {
  const open = text.indexOf('{', start);
  const close = end - 1;
  if (open < 0 || open >= close || text[close] !== '}') throw new CannotWrite('an unclosed block');
  const body = text.slice(open + 1, close);
  if (body.includes('<<')) throw new CannotWrite('a heredoc in the block');
  const eol = detectStyle(text).eol;
  const unit = detectStyle(text).indent;
  const outer = indentationAt(text, start);
  const inner = outer + unit;
  if (!/[\r\n]/.test(body)) {
    if (body.trim() !== '') throw new CannotWrite('a single-line block with content');
    return [{ span: { start: open + 1, end: close }, newText: `${eol}${inner}sensitive = true${eol}${outer}` }];
  }
  const items = hclItems(text, open + 1, close);
  const existing = items.find((i) => !i.block && i.name === 'sensitive');
  if (existing) {
    const value = text.slice(existing.equals + 1, existing.end);
    const at = value.search(/\bfalse\b/);
    if (value.trim() !== 'false' || at < 0) throw new CannotWrite('sensitive is set to an expression');
    const offset = existing.equals + 1 + at;
    return [{ span: { start: offset, end: offset + 'false'.length }, newText: 'true' }];
  }
  const attributes = items.filter((i) => !i.block);
  const last = attributes[attributes.length - 1];
  if (!last) {
    // Only nested blocks (validation {}): the attribute goes first, a blank line before the blocks.
    const lineEnd = lineEndAt(text, open);
    return [{ span: { start: lineEnd, end: lineEnd }, newText: `${eol}${inner}sensitive = true${eol}` }];
  }
  // The run of consecutive single-line attributes ending at `last` (terraform fmt aligns `=` within it).
  const run: HclItem[] = [];
  if (!last.multiline) {
    for (let i = items.indexOf(last); i >= 0; i--) {
      const item = items[i];
      if (item.block || item.multiline) break;
      const next = run[0];
      if (next && !directlyFollows(text, item.end, next.start)) break;
      run.unshift(item);
    }
  }
  const width = Math.max('sensitive'.length, ...run.map((i) => i.name.length));
  const edits: TextEdit[] = [];
  for (const item of run) {
    const want = ' '.repeat(width - item.name.length + 1);
    if (text.slice(item.nameEnd, item.equals) !== want) {
      edits.push({ span: { start: item.nameEnd, end: item.equals }, newText: want });
    }
  }
  const pad = ' '.repeat(width - 'sensitive'.length + 1);
  edits.push({ span: { start: last.end, end: last.end }, newText: `${eol}${inner}sensitive${pad}= true` });
  return edits;
}

/** True when `next` starts on the line right after the one ending at `end`. */
function directlyFollows(text: string, end: number, next: number): boolean {
  const between = text.slice(end, lineStartAt(text, next));
  return /^(\r\n|\n|\r)$/.test(between);
}

/** The top-level attributes and blocks of an HCL body (`from`..`to`), line by line, comments skipped. */
function hclItems(text: string, from: number, to: number): HclItem[] {
  const items: HclItem[] = [];
  let i = from;
  while (i < to) {
    const lineStart = i;
    const lineEnd = Math.min(lineEndAt(text, i), to);
    const line = text.slice(lineStart, lineEnd);
    const head = /^([ \t]*)([A-Za-z_][\w-]*)([ \t]*)(=?)/.exec(line);
    if (!head || line.trim() === '' || /^\s*(#|\/\/)/.test(line)) {
      i = skipLine(text, lineEnd, to);
      continue;
    }
    const start = lineStart + head[1].length;
    const nameEnd = start + head[2].length;
    const isAttribute = head[4] === '=' && text[nameEnd + head[3].length + 1] !== '=';
    // Follow brackets to the end of the item (strings and comments skipped).
    let depth = 0;
    let j = nameEnd;
    let end = lineEnd;
    for (; j < to; j++) {
      const c = text[j];
      if (c === '"') {
        j++;
        while (j < to && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      } else if (c === '#' || (c === '/' && text[j + 1] === '/')) {
        j = lineEndAt(text, j) - 1;
      } else if (c === '/' && text[j + 1] === '*') {
        const close = text.indexOf('*/', j + 2);
        j = close < 0 ? to : close + 1;
      } else if (c === '{' || c === '[' || c === '(') {
        depth++;
      } else if (c === '}' || c === ']' || c === ')') {
        depth--;
      } else if ((c === '\n' || c === '\r') && depth <= 0) {
        end = j;
        break;
      }
      end = j + 1;
    }
    end = Math.min(lineEndAt(text, Math.max(end - 1, start)), to);
    items.push({
      name: head[2],
      start,
      end,
      block: !isAttribute,
      multiline: /[\r\n]/.test(text.slice(start, end)),
      nameEnd,
      equals: nameEnd + head[3].length,
    });
    i = skipLine(text, end, to);
  }
  return items;
}

function skipLine(text: string, lineEnd: number, to: number): number {
  if (lineEnd >= to) return to;
  return text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
}
