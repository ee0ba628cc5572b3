// The report webview: posture per pillar (SVG bars), top rules, export to Markdown. One panel, re-rendered
// when the summary changes while it is open.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { SummaryStore } from '../summaryStore';
import { relativePath } from './findingsTree';
import { renderReportHtml } from './reportHtml';
import { reportToMarkdown } from './reportMarkdown';
import { buildReport } from './reportModel';

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: SummaryStore,
  ) {
    this.subscriptions.push(store.onDidChange(() => this.render()));
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
      this.panel = vscode.window.createWebviewPanel('aisec.report', 'aisec report', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [dist],
        enableFindWidget: true,
      });
      this.store.setInterest(true);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.store.setInterest(false);
      });
      this.panel.webview.onDidReceiveMessage((message: { type?: string; ruleId?: string }) => {
        if (message.type === 'export') void vscode.commands.executeCommand('aisec.exportReport');
        else if (message.type === 'rescan') void vscode.commands.executeCommand('aisec.rescan');
        else if (message.type === 'openRule' && typeof message.ruleId === 'string') {
          void vscode.commands.executeCommand('aisec.openRuleDocs', message.ruleId);
        }
      });
    }
    await this.store.get();
    this.render();
  }

  private render(): void {
    const panel = this.panel;
    if (!panel) return;
    const summary = this.store.current;
    const nonce = randomBytes(16).toString('base64');
    if (!summary) {
      panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>Waiting for the aisec language server…</p></body></html>`;
      return;
    }
    const scriptUri = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'report.js'));
    panel.webview.html = renderReportHtml(buildReport(summary), {
      nonce,
      scriptUri: scriptUri.toString(),
      subtitle: subtitle(),
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function subtitle(): string {
  const name = vscode.workspace.name ?? 'workspace';
  return `${name} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Renders the current summary as Markdown in a new untitled document (the user saves it where they like). */
export async function exportReportMarkdown(store: SummaryStore): Promise<vscode.TextDocument | undefined> {
  const summary = await store.get();
  if (!summary) {
    void vscode.window.showWarningMessage('aisec: the language server has no results yet.');
    return undefined;
  }
  const markdown = reportToMarkdown(buildReport(summary), { relativePath, subtitle: subtitle() });
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}
