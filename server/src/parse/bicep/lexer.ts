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

// Character classes of the ASCII range, looked up by code instead of compared range by range.
const IDENTIFIER_START = 1;
const IDENTIFIER_PART = 2;
/** Characters that end or interrupt the plain run of a single-quoted string: line breaks, `'`, `$`, `\`. */
const STRING_SPECIAL = 4;
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const digit = c >= 48 && c <= 57;
  if (letter) CHAR_CLASS[c] |= IDENTIFIER_START | IDENTIFIER_PART;
  if (digit) CHAR_CLASS[c] |= IDENTIFIER_PART;
}
for (const c of [CH_LF, CH_CR, CH_QUOTE, CH_DOLLAR, CH_BACKSLASH]) CHAR_CLASS[c] |= STRING_SPECIAL;

function isIdentifierPart(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & IDENTIFIER_PART) !== 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * What the scanning helpers below append to. The position is not kept here: the main loop holds it in a local
 * variable and each helper takes the position it starts at and returns the one it stopped at.
 */
interface LexState {
  readonly text: string;
  readonly tokens: Token[];
  readonly comments: Comment[];
  readonly directives: Comment[];
  readonly problems: SyntaxProblem[];
  /**
   * One entry per open interpolation `${`: the depth of `{` nesting inside it, so that the `}` that closes the
   * interpolation (depth 0) resumes the string instead of closing an object.
   */
  readonly templateDepths: number[];
}

export function lex(text: string): LexResult {
  const state: LexState = { text, tokens: [], comments: [], directives: [], problems: [], templateDepths: [] };
  const { tokens, problems, templateDepths } = state;
  const length = text.length;
  let pos = 0;

  while (pos < length) {
    const c = text.charCodeAt(pos);
    // Whitespace (not newlines).
    if (c === CH_SPACE || c === CH_TAB || c === 0xfeff || c === 11 || c === 12 || c === 0xa0) {
      pos++;
      continue;
    }
    const start = pos;
    if (c < 128 && (CHAR_CLASS[c] & IDENTIFIER_START) !== 0) {
      pos++;
      while (pos < length && isIdentifierPart(text.charCodeAt(pos))) pos++;
      tokens.push({ kind: 'Identifier', start, end: pos, value: text.slice(start, pos) });
      continue;
    }
    if (c === CH_LF || c === CH_CR) {
      // One NewLine token covers a run of line breaks, with the blanks and comments between them.
      let end = pos;
      while (pos < length) {
        const d = text.charCodeAt(pos);
        if (d === CH_LF || d === CH_CR) {
          pos++;
          end = pos;
        } else if (d === CH_SPACE || d === CH_TAB || d === 0xfeff) {
          pos++;
        } else if (d === CH_SLASH && text.charCodeAt(pos + 1) === CH_SLASH) {
          pos = scanLineComment(state, pos);
        } else if (d === CH_SLASH && text.charCodeAt(pos + 1) === CH_STAR) {
          pos = scanBlockComment(state, pos);
        } else if (d === CH_HASH) {
          pos = scanDirective(state, pos);
        } else break;
      }
      // An interpolation cannot span lines: a line break inside `${` means the string was never closed.
      if (templateDepths.length > 0) {
        problems.push({ span: { start, end: start }, message: "unterminated string interpolation: missing '}'" });
        templateDepths.length = 0;
      }
      tokens.push({ kind: 'NewLine', start, end, value: '' });
      continue;
    }
    if (c === CH_SLASH && text.charCodeAt(pos + 1) === CH_SLASH) {
      pos = scanLineComment(state, pos);
      continue;
    }
    if (c === CH_SLASH && text.charCodeAt(pos + 1) === CH_STAR) {
      pos = scanBlockComment(state, pos);
      continue;
    }
    if (c === CH_HASH && atLineStart(text, pos)) {
      pos = scanDirective(state, pos);
      continue;
    }
    if (isDigit(c)) {
      pos++;
      while (pos < length && isDigit(text.charCodeAt(pos))) pos++;
      tokens.push({ kind: 'Integer', start, end: pos, value: text.slice(start, pos) });
      continue;
    }
    if (c === CH_QUOTE) {
      if (text.charCodeAt(pos + 1) === CH_QUOTE && text.charCodeAt(pos + 2) === CH_QUOTE) {
        pos = scanMultilineString(state, pos);
        continue;
      }
      pos = scanStringPiece(state, pos + 1, start, false);
      continue;
    }
    if (c === CH_LBRACE) {
      if (templateDepths.length > 0) templateDepths[templateDepths.length - 1]++;
      pos++;
      tokens.push({ kind: '{', start, end: pos, value: '' });
      continue;
    }
    if (c === CH_RBRACE) {
      pos++;
      if (templateDepths.length > 0) {
        if (templateDepths[templateDepths.length - 1] === 0) {
          templateDepths.pop();
          pos = scanStringPiece(state, pos, start, true);
          continue;
        }
        templateDepths[templateDepths.length - 1]--;
      }
      tokens.push({ kind: '}', start, end: pos, value: '' });
      continue;
    }
    pos = scanPunctuation(state, pos, c);
  }
  if (templateDepths.length > 0) {
    problems.push({ span: { start: length, end: length }, message: "unterminated string interpolation: missing '}'" });
  }
  tokens.push({ kind: 'EOF', start: length, end: length, value: '' });
  return { tokens, comments: state.comments, directives: state.directives, problems };
}

/** Operators and punctuation (one to three characters) at `start`, whose first character is `c`. */
function scanPunctuation(state: LexState, start: number, c: number): number {
  const text = state.text;
  const n = text.charCodeAt(start + 1);
  let kind: TokenKind;
  let width = 1;
  switch (c) {
    case 91:
      kind = '[';
      break;
    case 93:
      kind = ']';
      break;
    case 40:
      kind = '(';
      break;
    case 41:
      kind = ')';
      break;
    case 44:
      kind = ',';
      break;
    case 59:
      kind = ';';
      break;
    case 64:
      kind = '@';
      break;
    case 43:
      kind = '+';
      break;
    case 45:
      kind = '-';
      break;
    case CH_STAR:
      kind = '*';
      break;
    case CH_SLASH:
      kind = '/';
      break;
    case 37:
      kind = '%';
      break;
    case 46: // .
      if (n === 46 && text.charCodeAt(start + 2) === 46) {
        kind = '...';
        width = 3;
      } else kind = '.';
      break;
    case 58: // :
      if (n === 58) {
        kind = '::';
        width = 2;
      } else kind = ':';
      break;
    case 61: // =
      if (n === 61) kind = '==';
      else if (n === 126) kind = '=~';
      else if (n === 62) kind = '=>';
      else kind = '=';
      if (kind !== '=') width = 2;
      break;
    case 33: // !
      if (n === 61) kind = '!=';
      else if (n === 126) kind = '!~';
      else kind = '!';
      if (kind !== '!') width = 2;
      break;
    case 63: // ?
      if (n === 63) {
        kind = '??';
        width = 2;
      } else kind = '?';
      break;
    case 60: // <
      if (n === 61) {
        kind = '<=';
        width = 2;
      } else kind = '<';
      break;
    case 62: // >
      if (n === 61) {
        kind = '>=';
        width = 2;
      } else kind = '>';
      break;
    case 38: // &
      if (n !== 38) return unrecognized(state, start, start + 1);
      kind = '&&';
      width = 2;
      break;
    case 124: // |
      if (n === 124) {
        kind = '||';
        width = 2;
      } else kind = '|';
      break;
    default:
      // Keep surrogate pairs together so the error span covers the whole character.
      return unrecognized(
        state,
        start,
        c >= 0xd800 && c <= 0xdbff && n >= 0xdc00 && n <= 0xdfff ? start + 2 : start + 1,
      );
  }
  const end = start + width;
  state.tokens.push({ kind, start, end, value: '' });
  return end;
}

function unrecognized(state: LexState, start: number, end: number): number {
  state.tokens.push({ kind: 'Unrecognized', start, end, value: state.text.slice(start, end) });
  return end;
}

function stringToken(kind: TokenKind, start: number, end: number, value: string, unterminated: boolean): Token {
  return unterminated ? { kind, start, end, value, unterminated } : { kind, start, end, value };
}

/**
 * Scans the body of a single-quoted string from `pos` (just after `'` or the `}` closing an interpolation) to
 * its end or to the next `${`; returns the position after it.
 */
function scanStringPiece(state: LexState, pos: number, tokenStart: number, isContinuation: boolean): number {
  const { text, tokens, problems } = state;
  const length = text.length;
  let value = '';
  let segmentStart = pos;
  for (;;) {
    // The plain run up to the next character that needs a look.
    let c = 0;
    while (pos < length) {
      c = text.charCodeAt(pos);
      if (c < 128 && (CHAR_CLASS[c] & STRING_SPECIAL) !== 0) break;
      pos++;
    }
    if (pos >= length || c === CH_LF || c === CH_CR) {
      value += text.slice(segmentStart, pos);
      problems.push({ span: { start: tokenStart, end: pos }, message: 'unterminated string: missing closing quote' });
      tokens.push(stringToken(isContinuation ? 'StringRight' : 'String', tokenStart, pos, value, true));
      return pos;
    }
    if (c === CH_QUOTE) {
      value += text.slice(segmentStart, pos);
      pos++;
      tokens.push(stringToken(isContinuation ? 'StringRight' : 'String', tokenStart, pos, value, false));
      return pos;
    }
    if (c === CH_DOLLAR) {
      if (text.charCodeAt(pos + 1) !== CH_LBRACE) {
        pos++;
        continue;
      }
      value += text.slice(segmentStart, pos);
      pos += 2;
      tokens.push(stringToken(isContinuation ? 'StringMiddle' : 'StringLeft', tokenStart, pos, value, false));
      state.templateDepths.push(0);
      return pos;
    }
    // A backslash.
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
  }
}

/** Only spaces between the line start and `offset` (where a `#` pragma is allowed). */
function atLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const d = text.charCodeAt(i);
    if (d === CH_LF || d === CH_CR) return true;
    if (d !== CH_SPACE && d !== CH_TAB && d !== 0xfeff) return false;
  }
  return true;
}

/** The end of the line that starts at or after `pos`. */
function lineEnd(text: string, pos: number): number {
  const length = text.length;
  while (pos < length) {
    const d = text.charCodeAt(pos);
    if (d === CH_LF || d === CH_CR) break;
    pos++;
  }
  return pos;
}

function scanDirective(state: LexState, start: number): number {
  const end = lineEnd(state.text, start);
  state.directives.push({ span: { start, end }, text: state.text.slice(start + 1, end) });
  return end;
}

function scanLineComment(state: LexState, start: number): number {
  const end = lineEnd(state.text, start + 2);
  state.comments.push({ span: { start, end }, text: state.text.slice(start + 2, end) });
  return end;
}

function scanBlockComment(state: LexState, start: number): number {
  const text = state.text;
  const close = text.indexOf('*/', start + 2);
  if (close < 0) {
    state.problems.push({ span: { start, end: text.length }, message: "unterminated comment: missing '*/'" });
    state.comments.push({ span: { start, end: text.length }, text: text.slice(start + 2) });
    return text.length;
  }
  state.comments.push({ span: { start, end: close + 2 }, text: text.slice(start + 2, close) });
  return close + 2;
}

function scanMultilineString(state: LexState, start: number): number {
  const text = state.text;
  // The Bicep compiler drops one line break right after the opening quotes.
  let contentStart = start + 3;
  if (text.charCodeAt(contentStart) === CH_CR) contentStart++;
  if (text.charCodeAt(contentStart) === CH_LF) contentStart++;
  const close = text.indexOf("'''", contentStart);
  if (close < 0) {
    state.problems.push({
      span: { start, end: text.length },
      message: "unterminated multi-line string: missing closing '''",
    });
    state.tokens.push(stringToken('MultilineString', start, text.length, text.slice(contentStart), true));
    return text.length;
  }
  // A run of more than three quotes ends the string with the last three: `''''a''''` holds `'a'`.
  let end = close + 3;
  while (text.charCodeAt(end) === CH_QUOTE) end++;
  state.tokens.push(stringToken('MultilineString', start, end, text.slice(contentStart, end - 3), false));
  return end;
}
