// A parsed IaC file as the engine sees it: its resources in the shared model, its syntax problems, its
// comments (suppressions live there), and the reason it was skipped, if it was.
import type { Resource } from './resource';
import { LineIndex, type Span } from './span';

/** The syntaxes aisec reads. Parameter-like files feed values into templates and hold no resources. */
export type Language = 'bicep' | 'bicepparam' | 'arm' | 'armparams' | 'terraform' | 'tfvars';

export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
}

export interface Comment {
  readonly span: Span;
  /** The comment's text without its delimiters (`//`, `#`, `/* *\/`), untrimmed. */
  readonly text: string;
}

export interface ParsedDocument {
  readonly uri: string;
  readonly language: Language;
  readonly text: string;
  readonly lines: LineIndex;
  readonly resources: readonly Resource[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly comments: readonly Comment[];
  /** Set when the file was not analysed (binary, too large, not an ARM template…): why, in plain words. */
  readonly skipped?: string;
}

export function emptyDocument(uri: string, language: Language, text: string, skipped?: string): ParsedDocument {
  return {
    uri,
    language,
    text,
    lines: new LineIndex(text),
    resources: [],
    syntaxProblems: [],
    comments: [],
    skipped,
  };
}
