// Sends a file's findings to the client as diagnostics, whether the file is loaded in its session (the
// editor's text, or a neighbour of an open file) or known only from the workspace scan (positions and facts
// the scan kept). Remembers which files have diagnostics showing, so a file that became clean, or is no
// longer shown, is cleared exactly once.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding';
import { skipNotice } from '../engine/session';
import type { PositionSource } from '../engine/batch/positions';
import { diagnosticsFor } from './publish';
import type { LintSession } from './session';
import type { SessionRegistry } from './sessions';
import type { SettingsStore } from './settings';

/** Session methods beyond the contract that the engine offers (the config a file gets). */
interface ConfigAware {
  configFor?(uri: string): { readonly source?: string };
}

export interface PublisherDeps {
  readonly connection: Connection;
  readonly sessions: SessionRegistry;
  readonly settings: SettingsStore;
  readonly documents: TextDocuments<TextDocument>;
  /** True when the editor changed the file after these findings' check: a newer publish is coming. */
  isStale(uri: string): boolean;
}

export class Publisher {
  /** Files with diagnostics showing in the client. */
  private readonly showing = new Set<string>();

  constructor(private readonly deps: PublisherDeps) {}

  /** Positions in any file: a loaded file's own lines, else those the workspace scan kept (or the disk). */
  readonly linesOf = (uri: string): PositionSource => {
    const folder = this.deps.sessions.folderOf(uri);
    return (folder.files.has(uri) ? folder.session.document(uri)?.lines : undefined) ?? folder.positions.of(uri);
  };

  /** Publishes `findings` of `uri` (undefined: the file is gone) as the settings of its folder want them. */
  async publish(uri: string, findings: readonly Finding[] | undefined): Promise<void> {
    const { sessions, settings, documents } = this.deps;
    const folder = sessions.folderOf(uri);
    const fileSettings = await settings.get(folder.uri || uri);
    // Edited while the settings were fetched: these findings are for an older text; the next run publishes.
    if (this.deps.isStale(uri)) return;
    const open = documents.get(uri);
    const show =
      findings !== undefined && fileSettings.enable && (open !== undefined || fileSettings.scanScope === 'workspace');
    if (!show) {
      this.clear(uri);
      return;
    }
    const document = folder.files.has(uri) ? folder.session.document(uri) : undefined;
    const diagnostics = diagnosticsFor(uri, findings, {
      notice: document ? skipNotice(document, open?.getText() ?? document.text) : folder.facts.get(uri)?.notice,
      linesOf: this.linesOf,
      settings: fileSettings,
      hasConfigFile: hasConfigFile(folder.session, uri),
    });
    // Clean files nobody looks at stay silent; an open file always gets an answer for its version.
    if (diagnostics.length === 0 && !this.showing.has(uri) && !open) return;
    if (diagnostics.length) this.showing.add(uri);
    else this.showing.delete(uri);
    this.deps.connection.sendDiagnostics({ uri, version: open?.version, diagnostics });
  }

  /** Removes the file's diagnostics from the client, if any show. */
  clear(uri: string): void {
    if (this.showing.delete(uri)) this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function hasConfigFile(session: LintSession, uri: string): boolean {
  try {
    return (session as LintSession & ConfigAware).configFor?.(uri).source !== undefined;
  } catch {
    return true; // an invalid .aisec.json still "decides": the engine reports it
  }
}
