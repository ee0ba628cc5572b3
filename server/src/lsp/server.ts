// The language server: wiring of the connection to sessions, the checker and one module per LSP method.
// Everything that can fail on user input is caught and logged to the client's output (connection.console);
// a request that fails answers empty rather than bringing the server down.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileReport } from '../engine/batch/job';
import { defaultThreads } from '../engine/batch/runner';
import { isConfigUri } from '../engine/config';
import { readCandidate } from '../engine/discovery';
import { fileKind } from '../engine/session';
import { Checker } from './checker';
import { codeActions, fixAllAction, isFixAllData, type CodeActionDeps } from './code-actions';
import { docsHref } from './docs';
import { hover } from './hover';
import {
  FixAllCodeActionKind,
  RescanRequestMethod,
  ShowDocumentationCommand,
  SummaryChangedNotificationMethod,
  SummaryRequestMethod,
  type RescanResult,
  type SummaryChangedParams,
  type WorkspaceSummary,
} from './protocol';
import { Publisher } from './publisher';
import { Residency } from './residency';
import { StringPool } from '../engine/string-pool';
import { SessionRegistry, type Folder, type SessionFactory } from './sessions';
import { SettingsStore } from './settings';
import { buildSummary, countsOf, type SummaryFile } from './summary';
import type { EditFunctions } from './text-edits';
import { scanWorkspace, type ScanOutcome } from './workspace-scan';

export interface ServerDeps {
  readonly createSession: SessionFactory;
  readonly edits: EditFunctions;
}

export function startServer(connection: Connection, deps: ServerDeps): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const sessions = new SessionRegistry(deps.createSession);
  const error = (message: string, cause: unknown) =>
    connection.console.error(
      `aisec: error while ${message}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );

  let folderUris: string[] = [];
  let capabilities = {
    configuration: false,
    watchedFilesDynamic: false,
    documentChanges: false,
    progress: false,
    showDocument: false,
    workspaceFolders: false,
    resolveEdit: false,
  };
  let ready: Promise<void> = Promise.resolve();
  let summaryVersion = 0;
  let scanning = 0;
  let scan: Promise<ScanOutcome> | undefined;

  const isIac = (uri: string) => fileKind(uri) !== undefined;
  const openText = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? { text: doc.getText(), version: doc.version } : undefined;
  };

  const publisher: Publisher = new Publisher({
    connection,
    sessions,
    settings,
    documents,
    isStale: (uri): boolean => checker.isDirty(uri),
  });
  const checker: Checker = new Checker(
    {
      sessions,
      openText,
      publish: (uri, findings) => publisher.publish(uri, findings),
      checked: (uris) => {
        // The units just analysed may link or couple differently now: load what open files need.
        const loaded = residency.refresh(uris);
        if (loaded.length > 0)
          checker.enqueue(
            loaded.flatMap((uri) => [uri, ...sessions.affectedBy(uri)]),
            0,
          );
        evictWhenIdle();
        notifySummaryChanged();
      },
      error,
      timing: process.env.AISEC_LSP_TIMING
        ? (t) =>
            connection.console.log(
              `aisec: checked ${t.files} file(s): waited ${t.waitMs.toFixed(1)} ms, load ${t.loadMs.toFixed(1)} ms, check ${t.checkMs.toFixed(1)} ms, publish ${t.publishMs.toFixed(1)} ms; cpu ${t.cpuMs.toFixed(1)} ms`,
            )
        : undefined,
    },
    150,
  );

  /** One copy of the strings reports repeat for every file (uris, rule ids, resource types). */
  const strings = new StringPool();
  const residency = new Residency({
    sessions,
    openText: (uri) => documents.get(uri)?.getText(),
    diskText: (uri) => {
      const file = filePath(uri);
      return file ? readCandidate(file).text : undefined;
    },
    findingsOf: (uri) => checker.all().get(uri),
    keepFindings: (uri, findings) => checker.remember(uri, findings),
    openUris: () => documents.keys().filter(isIac),
  });

  function notifySummaryChanged(): void {
    summaryVersion++;
    const findings = [...checker.all().values()].flat();
    const counts = countsOf(
      findings.map((f) => ({ severity: f.severity, kind: f.kind, suppressed: f.suppression !== undefined })),
    );
    const params: SummaryChangedParams = { version: summaryVersion, scanning: scanning > 0, counts };
    void connection.sendNotification(SummaryChangedNotificationMethod, params);
  }

  let evictionPending = false;
  /** Once nothing is queued, unload what no open file needs (files a disk change or a close brought in). */
  function evictWhenIdle(): void {
    if (evictionPending) return;
    evictionPending = true;
    void checker.idle().then(() => {
      evictionPending = false;
      if (checker.busy) return evictWhenIdle();
      try {
        residency.evict();
      } catch (cause) {
        error('unloading files', cause);
      }
    });
  }

  /** The workspace scan's findings of files the editor does not own. */
  function reported(folder: Folder, reports: readonly FileReport[]): void {
    for (const report of reports) {
      const uri = strings.intern(report.uri);
      if (documents.get(uri)) continue; // the editor's text wins
      folder.facts.set(uri, {
        skipped: report.skipped !== undefined,
        notice: report.skipped !== undefined && !report.quiet ? report.skipped : undefined,
        resources: (report.resources ?? []).map((resource) => strings.resource(resource)),
      });
      checker.remember(
        uri,
        report.findings.map((finding) => strings.finding(finding)),
      );
      publishKnown(uri);
    }
  }

  /** Publishes the findings the checker knows for a file it is not about to check (the scan's, or kept ones). */
  function publishKnown(uri: string): void {
    void publisher.publish(uri, checker.all().get(uri)).catch((cause) => error(`publishing ${uri}`, cause));
  }

  /**
   * A file is gone from the workspace (deleted or now excluded): forget it, clear its diagnostics, and check
   * again the loaded files that depended on it (its neighbourhood included: sessions.affectedBy).
   */
  function forgetFile(uri: string): void {
    const folder = sessions.folderOf(uri);
    const affected = sessions.affectedBy(uri).filter((u) => u !== uri);
    folder.neighbourhoods.removeFile(uri);
    folder.facts.delete(uri);
    sessions.deleteFile(uri);
    checker.forget(uri);
    publisher.clear(uri);
    checker.enqueue(affected);
  }

  async function rebuild(): Promise<void> {
    await sessions.reset(folderUris, settings.trusted);
    for (const doc of documents.all()) if (isIac(doc.uri)) checker.textChanged(doc.uri, 0);
  }

  let scanQueued = false;
  /** Scans every folder after the scan in progress; a scan already waiting to start serves this call too. */
  function startScan(): Promise<ScanOutcome> {
    if (scanQueued && scan) return scan;
    scanning++;
    scanQueued = true;
    const run = (scan ?? Promise.resolve(undefined))
      .catch(() => undefined)
      .then(() => {
        scanQueued = false;
        return scanWorkspace({
          connection,
          sessions,
          trusted: settings.trusted,
          supportsProgress: capabilities.progress,
          threads: defaultThreads(),
          strings,
          isOpen: (uri) => documents.get(uri) !== undefined,
          settingsFor: (uri) => settings.get(uri),
          removed: forgetFile,
          reported,
          scanned: (folder) => {
            // The open files' neighbourhoods are known now: load them and check the loaded files together.
            const open = documents.keys().filter((uri) => isIac(uri) && sessions.folderOf(uri) === folder);
            residency.load(open);
            checker.enqueue(folder.files, 0);
          },
          error,
        });
      })
      .then((outcome) => {
        if (process.env.AISEC_LSP_TIMING) {
          const memory = process.memoryUsage();
          connection.console.log(
            `aisec: scanned ${outcome.files} file(s) in ${(outcome.durationMs / 1000).toFixed(1)} s` +
              `${outcome.cancelled ? ' (cancelled)' : ''}; heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB, ` +
              `rss ${(memory.rss / 2 ** 20).toFixed(0)} MB`,
          );
        }
        return outcome;
      })
      .finally(() => {
        scanning--;
        checker.enqueue([], 0); // one more run: summaryChanged with scanning = false
      });
    scan = run;
    return run;
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const client = params.capabilities;
    capabilities = {
      configuration: client.workspace?.configuration === true,
      watchedFilesDynamic: client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
      progress: client.window?.workDoneProgress === true,
      showDocument: client.window?.showDocument?.support === true,
      workspaceFolders: client.workspace?.workspaceFolders === true,
      resolveEdit: client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    };
    folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    settings.initialize(params.initializationOptions, capabilities.configuration);
    ready = sessions.reset(folderUris, settings.trusted);
    await ready;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FixAllCodeActionKind],
          resolveProvider: true,
        },
        hoverProvider: true,
        executeCommandProvider: { commands: [ShowDocumentationCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'aisec-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.watchedFilesDynamic) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{bicep,bicepparam,json,jsonc,tf,tfvars}' },
            { globPattern: '**/.aisec.json' },
          ],
        })
        .catch((cause) => error('registering file watchers', cause));
    }
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folderUris = [...folderUris.filter((u) => !removed.has(u)), ...event.added.map((f) => f.uri)];
        ready = rebuild().then(() => void startScan());
      });
    }
    const scope = await settings.get(folderUris[0]);
    checker.setDebounce(scope.debounceMs);
    void startScan();
  });

  const opened = new Set<string>();
  documents.onDidOpen(async (event) => {
    const uri = event.document.uri;
    opened.add(uri);
    if (!isIac(uri)) return;
    await ready;
    // The file and what it needs (its module, parameter files, callers, coupled templates) join the session.
    try {
      residency.load([uri]);
    } catch (cause) {
      error(`loading the neighbourhood of ${uri}`, cause);
    }
  });
  documents.onDidChangeContent(async (event) => {
    const uri = event.document.uri;
    if (!isIac(uri)) return;
    await ready;
    // A just-opened document is checked at once; typing is debounced.
    checker.textChanged(uri, opened.delete(uri) ? 0 : undefined);
  });
  documents.onDidClose(async (event) => {
    const uri = event.document.uri;
    if (!isIac(uri)) return;
    await ready;
    // Back to the text on disk (other files may depend on it); gone when there is none.
    const file = filePath(uri);
    let text: string | undefined;
    try {
      text = file ? fs.readFileSync(file, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const before = sessions.affectedBy(uri);
      sessions.setFile(uri, text);
      checker.enqueue([uri, ...before, ...sessions.affectedBy(uri)]);
    } else {
      forgetFile(uri);
    }
    // Then what only this file needed leaves the session.
    evictWhenIdle();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await ready;
    let configChanged = false;
    for (const change of changes) {
      try {
        const uri = change.uri;
        if (isConfigUri(uri)) {
          // The session treats the config as a file too: that invalidates its findings, and affectedBy names
          // every file under that directory. Files not loaded are checked again by a rescan.
          const file = filePath(uri);
          const exists = change.type !== FileChangeType.Deleted && file !== undefined && fs.existsSync(file);
          sessions.setFile(uri, exists ? fs.readFileSync(file, 'utf8') : '');
          if (!exists) sessions.deleteFile(uri);
          const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
          checker.enqueue(sessions.allFiles().filter((u) => u.startsWith(dir) && u !== uri));
          configChanged = true;
          continue;
        }
        if (!isIac(uri) || documents.get(uri)) continue; // the editor owns open files
        if (change.type === FileChangeType.Deleted) {
          // Load what depended on it, then check that without it.
          residency.pin([uri]);
          forgetFile(uri);
        } else {
          const file = filePath(uri);
          if (!file) continue;
          const text = readCandidate(file).text;
          if (text === undefined) continue; // too large or binary: not analysed
          // The new text first, so loading the neighbourhood does not read the file again.
          sessions.folderOf(uri).neighbourhoods.addFile(uri);
          sessions.setFile(uri, text);
          residency.pin([uri]);
          checker.enqueue([uri, ...sessions.affectedBy(uri)]);
        }
        evictWhenIdle();
      } catch (cause) {
        error(`reading changed file ${change.uri}`, cause);
      }
    }
    if (configChanged) void startScan();
  });

  /** What decides which files the scan loads: a change of it needs a rescan, anything else only a re-check. */
  async function scanFingerprint(): Promise<string> {
    const perFolder = await Promise.all(folderUris.map((uri) => settings.get(uri)));
    return JSON.stringify([settings.trusted, perFolder.map((s) => [s.enable, s.scanScope, s.exclude])]);
  }

  connection.onDidChangeConfiguration(async (change) => {
    await ready;
    const before = await scanFingerprint();
    const trustChanged = settings.push(change.settings);
    settings.clear();
    const scope = await settings.get(folderUris[0]);
    checker.setDebounce(scope.debounceMs);
    if (trustChanged) ready = rebuild();
    await ready;
    if (trustChanged || (await scanFingerprint()) !== before) {
      void startScan();
      return;
    }
    // Settings decide what is shown, not what is found: show the findings known again.
    checker.enqueue(sessions.allFiles(), 0);
    for (const uri of checker.all().keys()) if (!sessions.has(uri)) publishKnown(uri);
  });

  async function codeActionDeps(uri: string): Promise<CodeActionDeps> {
    const folder = sessions.folderOf(uri);
    const fileSettings = await settings.get(folder.uri || uri);
    return {
      session: folder.session,
      // A new .aisec.json goes to the workspace folder's root (loose files have no folder).
      workspaceFolder: folder.uri || undefined,
      findings: (u) => checker.findingsNow(u),
      edits: deps.edits,
      versionOf: (u) => documents.get(u)?.version,
      supportsDocumentChanges: capabilities.documentChanges,
      supportsResolve: capabilities.resolveEdit,
      docsBaseUrl: fileSettings.docsBaseUrl,
      error,
    };
  }

  connection.onCodeAction(async (params) => {
    await ready;
    try {
      const uri = params.textDocument.uri;
      if (!isIac(uri) || !sessions.has(uri)) return [];
      return codeActions(params, await codeActionDeps(uri));
    } catch (cause) {
      error('computing code actions', cause);
      return [];
    }
  });

  connection.onCodeActionResolve(async (action) => {
    await ready;
    try {
      if (!isFixAllData(action.data) || !sessions.has(action.data.fixAll)) return action;
      const uri = action.data.fixAll;
      // The text moved on since the lightbulb was shown: the edit is computed for the current version.
      checker.flush();
      const resolved = fixAllAction(uri, await codeActionDeps(uri));
      return resolved ?? action;
    } catch (cause) {
      error('resolving fix-all', cause);
      return action;
    }
  });

  connection.onHover(async (params) => {
    await ready;
    try {
      const uri = params.textDocument.uri;
      if (!isIac(uri) || !sessions.has(uri)) return null;
      const findings = checker.findingsNow(uri);
      const fileSettings = await settings.get(sessions.folderOf(uri).uri || uri);
      return hover(params, sessions.folderOf(uri).session.document(uri), findings, fileSettings.docsBaseUrl);
    } catch (cause) {
      error('computing hover', cause);
      return null;
    }
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== ShowDocumentationCommand) return undefined;
    const ruleId = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
    if (!ruleId) return undefined;
    const href = docsHref(ruleId, (await settings.get(undefined)).docsBaseUrl);
    if (!href) {
      connection.window.showWarningMessage(`aisec: no documentation found for ${ruleId}`);
      return undefined;
    }
    if (capabilities.showDocument) {
      await connection.window
        .showDocument({ uri: href, external: !href.startsWith('file:'), takeFocus: true })
        .catch((cause) => error(`opening ${href}`, cause));
    }
    return href;
  });

  connection.onRequest(SummaryRequestMethod, async (): Promise<WorkspaceSummary> => {
    await ready;
    const files = new Map<string, SummaryFile>();
    for (const folder of sessions.sessions()) {
      for (const [uri, facts] of folder.facts) files.set(uri, { uri, ...facts });
      for (const uri of folder.files) {
        try {
          const document = folder.session.document(uri);
          if (document) files.set(uri, { uri, skipped: document.skipped !== undefined, resources: document.resources });
        } catch (cause) {
          error(`summarising ${uri}`, cause);
        }
      }
    }
    return buildSummary({
      version: summaryVersion,
      scanning: scanning > 0,
      findings: checker.all(),
      files,
      linesOf: publisher.linesOf,
    });
  });

  connection.onRequest(RescanRequestMethod, async (): Promise<RescanResult> => {
    await ready;
    const outcome = await startScan();
    return { files: outcome.files, durationMs: outcome.durationMs };
  });

  connection.onShutdown(() => checker.dispose());
  documents.listen(connection);
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
