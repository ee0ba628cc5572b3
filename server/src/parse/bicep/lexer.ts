// The Bicep lexer: text -> tokens. Newlines are tokens (Bicep separates statements and object/array items by
// them); spaces and comments are trivia: comments are collected with their spans because suppressions and
// fixes need them. Strings with `${…}` interpolation are split into pieces (left / middle / right), and the
// expressions between them are lexed as ordinary tokens, as the Bicep compiler's lexer does.
import type { Comment } from '../../model/document';
import type { SyntaxProblem } from '../../model/document';

export type TokenKind =
  | 'Identifier'
  | 'Integer'
  /** `'abc'`: a string without interpolation; `value` holds the decoded text. */
  | 'String'
  /** `'abc${`: the first piece of an interpolated string. */
  | 'StringLeft'
  /** `}abc${`: a piece between two interpolations. */
  | 'StringMiddle'
  /** `}abc'`: the last piece. */
  | 'StringRight'
  /** `'''…'''`: no escapes, no interpolation. */
  | 'MultilineString'
  | 'NewLine'
  | 'EOF'
  | '{'
  | '}'
  | '['
  | ']'
  | '('
  | ')'
  | ','
  | '.'
  | ':'
  | '::'
  | ';'
  | '='
  | '=>'
  | '@'
  | '?'
  | '??'
  | '!'
  | '!='
  | '=='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '&&'
  | '||'
  | '|'
  | '...'
  /** A character Bicep has no use for (`"`, `#`, `$`, `&` alone, non-ASCII letters …). */
  | 'Unrecognized';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Identifier text, decoded string piece, integer digits. Empty for punctuation. */
  readonly value: string;
  /** Set on string tokens that are not properly closed (the lexer already reported it). */
  readonly unterminated?: boolean;
}

export interface LexResult {
  readonly tokens: Token[];
  readonly comments: Comment[];
  /** `#disable-next-line …` / `#disable-diagnostics …` pragmas: trivia for the lexer, spans kept. */
  readonly directives: Comment[];
  readonly problems: SyntaxProblem[];
}

const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_TAB = 9;
const CH_QUOTE = 39; // '
const CH_BACKSLASH = 92;
const CH_DOLLAR = 36;
const CH_LBRACE = 123;
const CH_RBRACE = 125;
const CH_SLASH = 47;
const CH_STAR = 42;
const CH_HASH = 35;

function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const directives: Comment[] = [];
  const problems: SyntaxProblem[] = [];
  const length = text.length;
  let pos = 0;
  // One entry per open interpolation `${`: the depth of `{` nesting inside it, so that the `}` that
  // closes the interpolation (depth 0) resumes the string instead of closing an object.
  const templateDepths: number[] = [];

  const push = (kind: TokenKind, start: number, end: number, value = '', unterminated?: boolean): void => {
    tokens.push(unterminated ? { kind, start, end, value, unterminated } : { kind, start, end, value });
  };

  // Scans the body of a single-quoted string from `pos` (just after `'` or the `}` closing an
  // interpolation) to its end or to the next `${`.
  const scanStringPiece = (tokenStart: number, isContinuation: boolean): void => {
    let value = '';
    let segmentStart = pos;
    for (;;) {
      if (pos >= length || text.charCodeAt(pos) === CH_LF || text.charCodeAt(pos) === CH_CR) {
        value += text.slice(segmentStart, pos);
        problems.push({ span: { start: tokenStart, end: pos }, message: 'unterminated string: missing closing quote' });
        push(isContinuation ? 'StringRight' : 'String', tokenStart, pos, value, true);
        return;
      }
      const c = text.charCodeAt(pos);
      if (c === CH_QUOTE) {
        value += text.slice(segmentStart, pos);
        pos++;
        push(isContinuation ? 'StringRight' : 'String', tokenStart, pos, value);
        return;
      }
      if (c === CH_DOLLAR && text.charCodeAt(pos + 1) === CH_LBRACE) {
        value += text.slice(segmentStart, pos);
        pos += 2;
        push(isContinuation ? 'StringMiddle' : 'StringLeft', tokenStart, pos, value);
        templateDepths.push(0);
        return;
      }
      if (c === CH_BACKSLASH) {
        value += text.slice(segmentStart, pos);
        const escapeStart = pos;
        const next = text.charCodeAt(pos + 1);
        pos += 2;
        switch (next) {
          case 110 /* n */:
            value += '\n';
            break;
          case 114 /* r */:
            value += '\r';
            break;
          case 116 /* t */:
            value += '\t';
            break;
          case CH_BACKSLASH:
            value += '\\';
            break;
          case CH_QUOTE:
            value += "'";
            break;
          case CH_DOLLAR:
            value += '$';
            break;
          case 117 /* u */: {
            // \u{1F600}
            const close = text.indexOf('}', pos);
            const hex = text.charCodeAt(pos) === CH_LBRACE && close > pos ? text.slice(pos + 1, close) : '';
            const code = /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
            if (!Number.isNaN(code) && code <= 0x10ffff) {
              value += String.fromCodePoint(code);
              pos = close + 1;
            } else {
              problems.push({
                span: { start: escapeStart, end: pos },
                message: "invalid unicode escape: expected '\\u{hex digits}'",
              });
            }
            break;
          }
          default:
            if (Number.isNaN(next) || next === CH_LF || next === CH_CR) {
              pos = escapeStart + 1;
            } else {
              problems.push({
                span: { start: escapeStart, end: pos },
                message: `unknown escape sequence '\\${String.fromCharCode(next)}' (valid: \\' \\\\ \\n \\r \\t \\$ \\u{…})`,
              });
            }
        }
        segmentStart = pos;
        continue;
      }
      pos++;
    }
  };

  while (pos < length) {
    const c = text.charCodeAt(pos);
    // Whitespace (not newlines).
    if (c === CH_SPACE || c === CH_TAB || c === 0xfeff || c === 11 || c === 12 || c === 0xa0) {
      pos++;
      continue;
    }
    if (c === CH_LF || c === CH_CR) {
      // One NewLine token covers a run of line breaks, with the blanks and comments between them.
      const start = pos;
      let end = pos;
      while (pos < length) {
        const d = text.charCodeAt(pos);
        if (d === CH_LF || d === CH_CR) {
          pos++;
          end = pos;
        } else if (d === CH_SPACE || d === CH_TAB || d === 0xfeff) {
          pos++;
        } else if (d === CH_SLASH && text.charCodeAt(pos + 1) === CH_SLASH) {
          scanLineComment();
        } else if (d === CH_SLASH && text.charCodeAt(pos + 1) === CH_STAR) {
          scanBlockComment();
        } else if (d === CH_HASH) {
          scanDirective();
        } else break;
      }
      // An interpolation cannot span lines: a line break inside `${` means the string was never closed.
      if (templateDepths.length > 0) {
        problems.push({ span: { start, end: start }, message: "unterminated string interpolation: missing '}'" });
        templateDepths.length = 0;
      }
      push('NewLine', start, end);
      continue;
    }
    if (c === CH_SLASH && text.charCodeAt(pos + 1) === CH_SLASH) {
      scanLineComment();
      continue;
    }
    if (c === CH_SLASH && text.charCodeAt(pos + 1) === CH_STAR) {
      scanBlockComment();
      continue;
    }
    if (c === CH_HASH && atLineStart(pos)) {
      scanDirective();
      continue;
    }
    const start = pos;
    if (isIdentifierStart(c)) {
      pos++;
      while (pos < length && isIdentifierPart(text.charCodeAt(pos))) pos++;
      push('Identifier', start, pos, text.slice(start, pos));
      continue;
    }
    if (isDigit(c)) {
      pos++;
      while (pos < length && isDigit(text.charCodeAt(pos))) pos++;
      push('Integer', start, pos, text.slice(start, pos));
      continue;
    }
    if (c === CH_QUOTE) {
      if (text.charCodeAt(pos + 1) === CH_QUOTE && text.charCodeAt(pos + 2) === CH_QUOTE) {
        scanMultilineString();
        continue;
      }
      pos++;
      scanStringPiece(start, false);
      continue;
    }
    if (c === CH_LBRACE) {
      if (templateDepths.length > 0) templateDepths[templateDepths.length - 1]++;
      pos++;
      push('{', start, pos);
      continue;
    }
    if (c === CH_RBRACE) {
      pos++;
      if (templateDepths.length > 0) {
        if (templateDepths[templateDepths.length - 1] === 0) {
          templateDepths.pop();
          scanStringPiece(start, true);
          continue;
        }
        templateDepths[templateDepths.length - 1]--;
      }
      push('}', start, pos);
      continue;
    }
    pos++;
    const n = text.charCodeAt(pos);
    switch (c) {
      case 91:
        push('[', start, pos);
        break;
      case 93:
        push(']', start, pos);
        break;
      case 40:
        push('(', start, pos);
        break;
      case 41:
        push(')', start, pos);
        break;
      case 44:
        push(',', start, pos);
        break;
      case 59:
        push(';', start, pos);
        break;
      case 64:
        push('@', start, pos);
        break;
      case 43:
        push('+', start, pos);
        break;
      case 45:
        push('-', start, pos);
        break;
      case CH_STAR:
        push('*', start, pos);
        break;
      case CH_SLASH:
        push('/', start, pos);
        break;
      case 37:
        push('%', start, pos);
        break;
      case 46: // .
        if (n === 46 && text.charCodeAt(pos + 1) === 46) {
          pos += 2;
          push('...', start, pos);
        } else push('.', start, pos);
        break;
      case 58: // :
        if (n === 58) {
          pos++;
          push('::', start, pos);
        } else push(':', start, pos);
        break;
      case 61: // =
        if (n === 61) {
          pos++;
          push('==', start, pos);
        } else if (n === 126) {
          pos++;
          push('=~', start, pos);
        } else if (n === 62) {
          pos++;
          push('=>', start, pos);
        } else push('=', start, pos);
        break;
      case 33: // !
        if (n === 61) {
          pos++;
          push('!=', start, pos);
        } else if (n === 126) {
          pos++;
          push('!~', start, pos);
        } else push('!', start, pos);
        break;
      case 63: // ?
        if (n === 63) {
          pos++;
          push('??', start, pos);
        } else push('?', start, pos);
        break;
      case 60: // <
        if (n === 61) {
          pos++;
          push('<=', start, pos);
        } else push('<', start, pos);
        break;
      case 62: // >
        if (n === 61) {
          pos++;
          push('>=', start, pos);
        } else push('>', start, pos);
        break;
      case 38: // &
        if (n === 38) {
          pos++;
          push('&&', start, pos);
        } else unrecognized(start);
        break;
      case 124: // |
        if (n === 124) {
          pos++;
          push('||', start, pos);
        } else push('|', start, pos);
        break;
      default:
        // Keep surrogate pairs together so the error span covers the whole character.
        if (c >= 0xd800 && c <= 0xdbff && n >= 0xdc00 && n <= 0xdfff) pos++;
        unrecognized(start);
    }
  }
  if (templateDepths.length > 0) {
    problems.push({ span: { start: length, end: length }, message: "unterminated string interpolation: missing '}'" });
  }
  push('EOF', length, length);
  return { tokens, comments, directives, problems };

  function unrecognized(start: number): void {
    push('Unrecognized', start, pos, text.slice(start, pos));
  }

  /** Only spaces between the line start and `offset` (where a `#` pragma is allowed). */
  function atLineStart(offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
      const d = text.charCodeAt(i);
      if (d === CH_LF || d === CH_CR) return true;
      if (d !== CH_SPACE && d !== CH_TAB && d !== 0xfeff) return false;
    }
    return true;
  }

  function scanDirective(): void {
    const start = pos;
    while (pos < length) {
      const d = text.charCodeAt(pos);
      if (d === CH_LF || d === CH_CR) break;
      pos++;
    }
    directives.push({ span: { start, end: pos }, text: text.slice(start + 1, pos) });
  }

  function scanLineComment(): void {
    const start = pos;
    pos += 2;
    while (pos < length) {
      const d = text.charCodeAt(pos);
      if (d === CH_LF || d === CH_CR) break;
      pos++;
    }
    comments.push({ span: { start, end: pos }, text: text.slice(start + 2, pos) });
  }

  function scanBlockComment(): void {
    const start = pos;
    const close = text.indexOf('*/', pos + 2);
    if (close < 0) {
      pos = length;
      problems.push({ span: { start, end: length }, message: "unterminated comment: missing '*/'" });
      comments.push({ span: { start, end: length }, text: text.slice(start + 2) });
      return;
    }
    pos = close + 2;
    comments.push({ span: { start, end: pos }, text: text.slice(start + 2, close) });
  }

  function scanMultilineString(): void {
    const start = pos;
    pos += 3;
    // The Bicep compiler drops one line break right after the opening quotes.
    let contentStart = pos;
    if (text.charCodeAt(contentStart) === CH_CR) contentStart++;
    if (text.charCodeAt(contentStart) === CH_LF) contentStart++;
    const close = text.indexOf("'''", contentStart);
    if (close < 0) {
      pos = length;
      problems.push({ span: { start, end: length }, message: "unterminated multi-line string: missing closing '''" });
      push('MultilineString', start, length, text.slice(contentStart), true);
      return;
    }
    // A run of more than three quotes ends the string with the last three: `''''a''''` holds `'a'`.
    let end = close + 3;
    while (text.charCodeAt(end) === CH_QUOTE) end++;
    pos = end;
    push('MultilineString', start, end, text.slice(contentStart, end - 3));
  }
}
