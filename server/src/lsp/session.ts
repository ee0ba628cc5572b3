// The slice of the engine the language server uses: exactly the `WorkspaceSession` contract of
// server/src/engine (brief contract 2). The server talks to this interface only, so the protocol layer can be
// tested against any implementation and the engine can change behind it.
import type { Finding } from '../engine/finding';
import type { ParsedDocument } from '../model';
import type { TemplateLink } from '../model/frontend';

export interface LintSession {
  /** Add or replace a file's text (cheap: the engine parses lazily or now). */
  setFile(uri: string, text: string): void;
  deleteFile(uri: string): void;
  /** Uris whose findings may change when `uri` changes (itself, templates it supplies, module callers…). */
  affectedBy(uri: string): string[];
  /** Parse + check; findings for the given uris (all when omitted), suppressions applied and marked. */
  check(uris?: readonly string[]): Map<string, Finding[]>;
  document(uri: string): ParsedDocument | undefined;
  /** The links each unit's analysis produced, by unit id (which units a unit supplies). */
  producedLinks(): ReadonlyMap<string, readonly TemplateLink[]>;
  documents(): ParsedDocument[];
}
