// Status bar item with the workspace counts; a click opens the AI Security view.
import * as vscode from 'vscode';
import type { SummaryStore } from '../summaryStore';
import { statusText } from './statusText';

export function createStatusBar(store: SummaryStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('aisec.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'aisec findings';
  item.command = 'aisec.showFindings';
  const update = () => {
    const text = statusText(store.counts, store.scanning);
    item.text = text.text;
    item.tooltip = text.tooltip;
  };
  update();
  item.show();
  const sub = store.onDidChangeCounts(update);
  return vscode.Disposable.from(item, sub);
}
