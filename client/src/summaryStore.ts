// Holds the latest workspace summary from the server and tells the views when it changes. The server sends a
// cheap `aisec/summaryChanged` (counts only); the full `aisec/summary` is fetched only when a view that needs it
// (tree, report) is visible, debounced so a burst of edits costs one request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SummaryChangedParams, SummaryCounts, WorkspaceSummary } from '../../server/src/lsp/protocol';
import { SummaryChangedNotificationMethod, SummaryRequestMethod } from '../../server/src/lsp/protocol';
import { countsOf } from './views/statusText';

export class SummaryStore implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private summary: WorkspaceSummary | undefined;
  private countsValue: SummaryCounts | undefined;
  private scanningValue = false;
  private fetchTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<WorkspaceSummary | undefined> | undefined;
  private interested = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly countsChanged = new vscode.EventEmitter<void>();
  /** The full summary changed (tree, report). */
  readonly onDidChange = this.changed.event;
  /** Counts or scanning state changed (status bar). */
  readonly onDidChangeCounts = this.countsChanged.event;

  constructor(private readonly log: vscode.OutputChannel) {}

  /** Connects to a started client (again after a restart); clears what the previous server said. */
  attach(client: LanguageClient | undefined): vscode.Disposable | undefined {
    this.client = client;
    this.summary = undefined;
    this.countsValue = undefined;
    this.changed.fire();
    this.countsChanged.fire();
    if (!client) return undefined;
    const sub = client.onNotification(SummaryChangedNotificationMethod, (params: SummaryChangedParams) => {
      this.countsValue = params.counts;
      this.scanningValue = params.scanning;
      this.countsChanged.fire();
      if (!this.summary || this.summary.version !== params.version) this.scheduleFetch();
    });
    this.scheduleFetch(0);
    return sub;
  }

  get counts(): SummaryCounts | undefined {
    return this.countsValue;
  }

  get scanning(): boolean {
    return this.scanningValue;
  }

  get current(): WorkspaceSummary | undefined {
    return this.summary;
  }

  /** A view that shows the summary became visible (true) or hidden (false). */
  setInterest(visible: boolean): void {
    this.interested = Math.max(0, this.interested + (visible ? 1 : -1));
    if (visible && !this.summary) this.scheduleFetch(0);
  }

  /** The latest summary, fetched now when none is held. */
  async get(): Promise<WorkspaceSummary | undefined> {
    return this.summary ?? this.fetch();
  }

  /** Fetches unconditionally (after a rescan). */
  refresh(): Promise<WorkspaceSummary | undefined> {
    return this.fetch();
  }

  private scheduleFetch(delay = 300): void {
    if (this.fetchTimer) clearTimeout(this.fetchTimer);
    // With nothing visible, the counts in the notification suffice; the summary is fetched when a view opens.
    if (this.interested === 0 && this.summary) {
      this.summary = undefined;
      return;
    }
    this.fetchTimer = setTimeout(() => void this.fetch(), delay);
  }

  private fetch(): Promise<WorkspaceSummary | undefined> {
    const client = this.client;
    if (!client) return Promise.resolve(undefined);
    if (this.inFlight) return this.inFlight;
    this.inFlight = (async () => {
      try {
        const summary = await client.sendRequest<WorkspaceSummary>(SummaryRequestMethod, {});
        if (client !== this.client) return undefined;
        this.summary = summary;
        this.scanningValue = summary.scanning;
        this.countsValue = countsOf(summary);
        this.changed.fire();
        this.countsChanged.fire();
        return summary;
      } catch (error) {
        this.log.appendLine(`aisec/summary failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }

  dispose(): void {
    if (this.fetchTimer) clearTimeout(this.fetchTimer);
    this.changed.dispose();
    this.countsChanged.dispose();
  }
}
