// The "Findings" tree of the AI Security view container: groups (severity | rule | resource | file) whose leaves
// open the finding's range. Grouping itself is the pure `groupFindings`.
import * as vscode from 'vscode';
import type { SummaryFinding } from '../../../server/src/lsp/protocol';
import type { SummaryStore } from '../summaryStore';
import type { FindingGroup, GroupBy } from './grouping';
import { groupFindings, leafText } from './grouping';

type Node = { readonly group: FindingGroup } | { readonly finding: SummaryFinding; readonly parent: FindingGroup };

const GROUP_ICON: Record<FindingGroup['worst'], vscode.ThemeIcon> = {
  high: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  medium: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  low: new vscode.ThemeIcon('info'),
  review: new vscode.ThemeIcon('question'),
};

export function relativePath(uri: string): string {
  try {
    // The folder name is prepended only in multi-root workspaces (the default), where it tells folders apart.
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
  } catch {
    return uri;
  }
}

export class FindingsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: FindingGroup[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: SummaryStore,
    private groupBy: GroupBy,
  ) {
    this.subscription = store.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  setGroupBy(by: GroupBy): void {
    this.groupBy = by;
    this.rebuild();
  }

  /** Number of unsuppressed findings shown (for the view badge). */
  get total(): number {
    return this.groups.reduce((n, g) => n + g.findings.length, 0);
  }

  private rebuild(): void {
    const summary = this.store.current;
    this.groups = summary ? groupFindings(summary.findings, this.groupBy, { relativePath, rules: summary.rules }) : [];
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ group }));
    if ('group' in node) return node.group.findings.map((finding) => ({ finding, parent: node.group }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    return 'finding' in node ? { group: node.parent } : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) {
      const g = node.group;
      const item = new vscode.TreeItem(
        g.label,
        this.groupBy === 'severity' && g.worst !== 'review'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = g.id;
      item.description = g.description;
      if (g.uri) {
        item.resourceUri = vscode.Uri.parse(g.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'aisec.fileGroup';
      } else {
        item.iconPath = GROUP_ICON[g.worst];
        item.contextValue = g.ruleId ? 'aisec.ruleGroup' : 'aisec.group';
      }
      return item;
    }
    const f = node.finding;
    const text = leafText(f, this.groupBy, relativePath);
    const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent.id}/${f.uri}:${f.range.start.line}:${f.range.start.character}:${f.ruleId}`;
    item.description = text.description;
    item.iconPath = GROUP_ICON[f.kind === 'review' ? 'review' : f.severity];
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${f.ruleId}** (${f.kind === 'review' ? 'cannot verify' : f.severity})\n\n`);
    tooltip.appendText(f.message);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(`${relativePath(f.uri)}:${f.range.start.line + 1}`);
    tooltip.appendMarkdown(`\n\n${f.resourceType ? `\`${f.resourceType}\` ` : ''}`);
    tooltip.appendText(f.resourceKey);
    if (f.fix) tooltip.appendMarkdown(`\n\nQuick fix available (${f.fix}).`);
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${f.ruleId}: ${f.message}` };
    item.contextValue = 'aisec.finding';
    const uri = vscode.Uri.parse(f.uri);
    const range = new vscode.Range(
      f.range.start.line,
      f.range.start.character,
      f.range.end.line,
      f.range.end.character,
    );
    item.command = {
      command: 'vscode.open',
      title: 'Reveal finding',
      arguments: [uri, { selection: range, preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** The rule id behind a tree node (rule groups and leaves), for context-menu commands. */
export function ruleIdOf(node: unknown): string | undefined {
  if (node && typeof node === 'object') {
    if ('finding' in node) return (node as { finding: SummaryFinding }).finding.ruleId;
    if ('group' in node) return (node as { group: FindingGroup }).group.ruleId;
  }
  return undefined;
}

/** The document uri behind a tree node (file groups and leaves). */
export function uriOf(node: unknown): string | undefined {
  if (node && typeof node === 'object') {
    if ('finding' in node) return (node as { finding: SummaryFinding }).finding.uri;
    if ('group' in node) return (node as { group: FindingGroup }).group.uri;
  }
  return undefined;
}
