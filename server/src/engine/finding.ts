// A finding as the engine hands it to the CLI formatters and the language server.
import type { RuleSeverity } from './config';
import type { Fix, RelatedLocation, Severity } from '../model';
import type { Span } from '../model/span';

/** `fail` = a definite violation; `review` = cannot verify (the value is unknown). Mirrors SARIF `kind`. */
export type FindingKind = 'fail' | 'review';

export interface Suppression {
  /** 'inSource' for comments and ARM metadata, as in SARIF. */
  readonly kind: 'inSource';
  /** Which syntax suppressed it: an aisec comment, ARM metadata, or a peer tool's comment. */
  readonly source?: 'aisec' | 'arm-metadata' | 'checkov' | 'tfsec' | 'trivy';
  readonly justification?: string;
  /** Where the suppression is written. */
  readonly span: Span;
  readonly uri: string;
}

export interface Finding {
  readonly ruleId: string;
  /** The rule's own severity. */
  readonly severity: Severity;
  /** What the user's config makes of it ('error' | 'warning' | 'info'); 'info' for every review finding. */
  readonly level: Exclude<RuleSeverity, 'off'>;
  readonly kind: FindingKind;
  readonly message: string;
  readonly uri: string;
  readonly span: Span;
  readonly resourceKey: string;
  readonly resourceType: string;
  readonly path?: string;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  readonly suppression?: Suppression;
  /**
   * Engine diagnostics only: show as an editor hint (LSP DiagnosticSeverity.Hint, tag Unnecessary), e.g. an
   * unused suppression. `level` stays 'info' for the CLI and SARIF.
   */
  readonly hint?: boolean;
}
