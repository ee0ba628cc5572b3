// The extension's commands. Ids are declared in package.json `contributes.commands`.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { RescanResult } from '../../server/src/lsp/protocol';
import { RescanRequestMethod } from '../../server/src/lsp/protocol';
import type { ClientHandle } from './extension';
import type { SummaryStore } from './summaryStore';
import type { FindingsTreeProvider } from './views/findingsTree';
import { ruleIdOf, uriOf } from './views/findingsTree';
import type { GroupBy } from './views/grouping';
import type { ReportPanel } from './views/reportPanel';
import { exportReportMarkdown } from './views/reportPanel';

export interface CommandDeps {
  readonly client: ClientHandle;
  readonly store: SummaryStore;
  readonly tree: FindingsTreeProvider;
  readonly view: vscode.TreeView<unknown>;
  readonly report: ReportPanel;
  readonly output: vscode.OutputChannel;
}

export const GROUP_BY_STATE_KEY = 'aisec.groupBy';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('aisec');
const RULE_ID = /^AIS-[A-Z0-9]+(?:-[A-Z0-9]+)+$/;

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const { store, tree, report, output } = deps;
  const register = (id: string, fn: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('aisec.openRuleDocs', async (arg?: unknown) => {
    let ruleId = typeof arg === 'string' ? arg : ruleIdOf(arg);
    if (!ruleId) ruleId = await pickRule(context, store);
    if (!ruleId) return;
    ruleId = ruleId.toUpperCase();
    if (!RULE_ID.test(ruleId)) {
      void vscode.window.showErrorMessage(`aisec: "${ruleId}" is not a rule id.`);
      return;
    }
    const page = vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', `${ruleId}.md`);
    if (!fs.existsSync(page.fsPath)) {
      void vscode.window.showErrorMessage(`aisec: no documentation page for ${ruleId}.`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  });

  register('aisec.rescan', async () => {
    const client = deps.client.current;
    if (!client) {
      void vscode.window.showWarningMessage('aisec: the language server is not running.');
      return;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'aisec: scanning the workspace' },
      async () => {
        try {
          const result = await client.sendRequest<RescanResult>(RescanRequestMethod, {});
          output.appendLine(`Rescan: ${result.files} files in ${result.durationMs} ms`);
        } catch (error) {
          output.appendLine(`aisec/rescan failed: ${error instanceof Error ? error.message : String(error)}`);
          void vscode.window.showErrorMessage('aisec: the rescan failed. See the aisec output.');
        }
        await store.refresh();
      },
    );
  });

  register('aisec.showReport', () => report.show());
  register('aisec.exportReport', () => exportReportMarkdown(store));
  register('aisec.showFindings', () => vscode.commands.executeCommand('aisec.findings.focus'));
  register('aisec.showOutput', () => output.show(true));
  register('aisec.restartServer', () => deps.client.restart());

  const groupBy = async (by: GroupBy) => {
    tree.setGroupBy(by);
    await vscode.commands.executeCommand('setContext', 'aisec.groupBy', by);
    // Remembered in the workspace state (not in .vscode/settings.json: switching a view must not edit the repo).
    await context.workspaceState.update(GROUP_BY_STATE_KEY, by);
  };
  register('aisec.groupBySeverity', () => groupBy('severity'));
  register('aisec.groupByRule', () => groupBy('rule'));
  register('aisec.groupByResource', () => groupBy('resource'));
  register('aisec.groupByFile', () => groupBy('file'));
  register('aisec.groupBy', async () => {
    const choices: { label: string; by: GroupBy }[] = [
      { label: 'Severity', by: 'severity' },
      { label: 'Rule', by: 'rule' },
      { label: 'Resource', by: 'resource' },
      { label: 'File', by: 'file' },
    ];
    const items: (vscode.QuickPickItem & { by: GroupBy })[] = choices.map((i) => ({
      ...i,
      description: i.by === tree.grouping ? 'current' : undefined,
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Group aisec findings by' });
    if (picked) await groupBy(picked.by);
  });

  register('aisec.fixAllInFile', async (arg?: unknown) => {
    const uriText = arg instanceof vscode.Uri ? arg.toString() : uriOf(arg);
    const uri = uriText ? vscode.Uri.parse(uriText) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('aisec: open a Bicep, ARM or Terraform file first.');
      return;
    }
    const applied = await fixAllInFile(uri);
    if (applied === 0) void vscode.window.showInformationMessage('aisec: no safe fixes for this file.');
  });
}

/**
 * Runs the server's `source.fixAll.aisec` action on a document and applies it. Returns the number of actions
 * applied (0 or 1).
 */
export async function fixAllInFile(uri: vscode.Uri): Promise<number> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      whole,
      FIX_ALL_KIND.value,
    )) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action) return 0;
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  return 1;
}

async function pickRule(context: vscode.ExtensionContext, store: SummaryStore): Promise<string | undefined> {
  const summary = await store.get();
  let items: vscode.QuickPickItem[];
  if (summary && summary.rules.length > 0) {
    items = summary.rules.map((r) => ({ label: r.id, description: r.title }));
  } else {
    const dir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs').fsPath;
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
    items = files.map((f) => ({ label: f.slice(0, -3) }));
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'aisec rule', matchOnDescription: true });
  return picked?.label;
}
