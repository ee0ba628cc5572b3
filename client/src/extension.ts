// VS Code extension entry (bundled to dist/client.js): starts the aisec language server (dist/server.js, IPC),
// wires the AI Security view, the status bar, the report and the commands.
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { GROUP_BY_STATE_KEY, registerCommands } from './commands';
import { documentSelector, initializationOptions, readSettings } from './serverOptions';
import { SummaryStore } from './summaryStore';
import { FindingsTreeProvider } from './views/findingsTree';
import type { GroupBy } from './views/grouping';
import { GROUP_BY_VALUES } from './views/grouping';
import { ReportPanel } from './views/reportPanel';
import { createStatusBar } from './views/statusBar';

/** Client id: also the prefix of the `aisec.trace.server` setting that vscode-languageclient reads. */
const CLIENT_ID = 'aisec';

export interface ClientHandle {
  readonly current: LanguageClient | undefined;
  restart(): Promise<void>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ClientHandle> {
  const output = vscode.window.createOutputChannel('aisec');
  context.subscriptions.push(output);
  const store = new SummaryStore(output);
  context.subscriptions.push(store);

  // The last grouping picked in this workspace, else the setting's default.
  const configuredGroupBy =
    context.workspaceState.get<string>(GROUP_BY_STATE_KEY) ??
    vscode.workspace.getConfiguration('aisec').get<string>('view.groupBy', 'severity');
  const groupBy: GroupBy = (GROUP_BY_VALUES as readonly string[]).includes(configuredGroupBy)
    ? (configuredGroupBy as GroupBy)
    : 'severity';
  const tree = new FindingsTreeProvider(store, groupBy);
  const view = vscode.window.createTreeView('aisec.findings', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(tree, view);
  void vscode.commands.executeCommand('setContext', 'aisec.groupBy', groupBy);
  view.message = 'Waiting for the aisec language server…';
  if (view.visible) store.setInterest(true);
  context.subscriptions.push(
    view.onDidChangeVisibility((e) => store.setInterest(e.visible)),
    store.onDidChange(() => {
      const total = tree.total;
      view.badge = total > 0 ? { value: total, tooltip: `${total} aisec findings` } : undefined;
      view.message = store.current ? undefined : 'Waiting for the aisec language server…';
    }),
  );

  const report = new ReportPanel(context.extensionUri, store);
  context.subscriptions.push(report, createStatusBar(store));

  let notificationSub: vscode.Disposable | undefined;
  const start = async () => {
    if (!readSettings().enable) {
      output.appendLine('aisec is disabled (aisec.enable = false).');
      view.message = 'aisec is disabled (setting aisec.enable).';
      return;
    }
    const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      outputChannel: output,
      traceOutputChannel: output,
      initializationOptions: initializationOptions(),
      diagnosticCollectionName: 'aisec',
    };
    client = new LanguageClient(CLIENT_ID, 'aisec', serverOptions, clientOptions);
    try {
      await client.start();
      notificationSub = store.attach(client);
    } catch (error) {
      output.appendLine(`aisec language server failed to start: ${error instanceof Error ? error.message : error}`);
      void vscode.window.showErrorMessage('aisec: the language server failed to start. See the aisec output.');
    }
  };
  const stop = async () => {
    notificationSub?.dispose();
    notificationSub = undefined;
    store.attach(undefined);
    const old = client;
    client = undefined;
    if (old) await old.stop().catch(() => undefined);
  };
  const handle: ClientHandle = {
    get current() {
      return client;
    },
    async restart() {
      await stop();
      await start();
    },
  };

  const pushSettings = () => {
    void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: initializationOptions() });
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aisec.enable')) {
        void (readSettings().enable ? (client ? undefined : start()) : stop());
        return;
      }
      if (e.affectsConfiguration('aisec.view.groupBy')) {
        const by = vscode.workspace.getConfiguration('aisec').get<string>('view.groupBy', 'severity');
        if ((GROUP_BY_VALUES as readonly string[]).includes(by)) {
          tree.setGroupBy(by as GroupBy);
          void context.workspaceState.update(GROUP_BY_STATE_KEY, undefined);
          void vscode.commands.executeCommand('setContext', 'aisec.groupBy', by);
        }
      }
      if (e.affectsConfiguration('aisec') || e.affectsConfiguration('files.exclude')) pushSettings();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(pushSettings),
    { dispose: () => void stop() },
  );

  registerCommands(context, { client: handle, store, tree, view, report, output });
  await start();
  return handle;
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
