// A parsed IaC file as the engine sees it: its resources in the shared model, its syntax problems, its
// comments (suppressions live there), and the reason it was skipped, if it was.
import type { Resource } from './resource';
import { LineIndex, type Span } from './span';
import type { Value } from './value';

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

/** A template output: Bicep/ARM `output`, Terraform `output` block. */
export interface TemplateOutput {
  readonly name: string;
  readonly nameSpan: Span;
  /** The whole declaration. */
  readonly span: Span;
  readonly value: Value;
  /** Bicep `@secure()`, ARM `secureString`/`secureObject`, Terraform `sensitive = true`. */
  readonly secure: boolean;
}

/** A template parameter as declared (Bicep `param`, ARM `parameters`, Terraform `variable`). */
export interface TemplateParameter {
  readonly name: string;
  readonly nameSpan: Span;
  /** The whole declaration. */
  readonly span: Span;
  /** Declared type as written, lower-cased ('string', 'securestring', 'object', …); undefined when untyped. */
  readonly type?: string;
  /** Bicep `@secure()`, ARM `secureString`/`secureObject`, Terraform `sensitive = true`. */
  readonly secure: boolean;
  /** The default as written (resolved in the template's own scope), when there is one. */
  readonly defaultValue?: Value;
}

export interface ParsedDocument {
  readonly uri: string;
  readonly language: Language;
  readonly text: string;
  readonly lines: LineIndex;
  readonly resources: readonly Resource[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly comments: readonly Comment[];
  /** Outputs and parameters of a template (absent for parameter files); read by the secret-hygiene rules. */
  readonly outputs?: readonly TemplateOutput[];
  readonly parameters?: readonly TemplateParameter[];
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
