// A minimal LSP client for protocol tests: spawns the bundled server (`node dist/server.js --stdio`), speaks
// JSON-RPC over its stdio with vscode-jsonrpc, answers the server's requests (configuration, registrations,
// progress) and records every publishDiagnostics and aisec/summaryChanged notification.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  tags?: number[];
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  data?: unknown;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  command?: { title: string; command: string; arguments?: unknown[] };
}
export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ClientOptions {
  /** Workspace folder (a path); a fresh temp dir when omitted. */
  readonly folder: string;
  /** The `aisec` section answered to workspace/configuration. */
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: unknown;
  /** Capabilities on top of the defaults (configuration, dynamic watchers, documentChanges, progress). */
  readonly capabilities?: Record<string, unknown>;
  /** Extra node options for the server process (`--cpu-prof` when profiling a bench). */
  readonly nodeArgs?: readonly string[];
  /** Another build's server (benchmarks compare against a baseline); dist/server.js by default. */
  readonly server?: string;
}

export class TestClient {
  readonly published: Published[] = [];
  readonly summaryChanges: unknown[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: unknown[] = [];
  readonly logs: string[] = [];
  private readonly latest = new Map<string, Published>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    readonly folder: string,
    private settings: Record<string, unknown>,
  ) {}

  static async start(options: ClientOptions): Promise<TestClient> {
    const server = options.server ? path.resolve(options.server) : SERVER;
    if (!fs.existsSync(server)) throw new Error(`${server} missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), server, '--stdio'], {
      cwd: options.folder,
      stdio: 'pipe',
    });
    child.stderr!.on('data', (chunk: Buffer) => process.env.AISEC_TEST_VERBOSE && process.stderr.write(chunk));
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new TestClient(child, connection, options.folder, options.settings ?? {});
    client.listen();
    connection.listen();
    const folderUri = pathToFileURL(options.folder).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(options.folder) }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          publishDiagnostics: {
            relatedInformation: true,
            versionSupport: true,
            codeDescriptionSupport: true,
            dataSupport: true,
          },
        },
        ...(options.capabilities ?? {}),
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      this.published.push(params);
      this.latest.set(params.uri, params);
      this.wake();
    });
    c.onNotification('aisec/summaryChanged', (params: unknown) => {
      this.summaryChanges.push(params);
      this.wake();
    });
    c.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
      this.wake();
    });
    c.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    c.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'aisec' ? this.settings : null)),
    );
    c.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      return null;
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('window/showDocument', () => ({ success: true }));
  }

  private wake(): void {
    this.waiters.splice(0).forEach((w) => w());
  }

  /** Resolves when `predicate` holds (checked after every notification), rejects after `timeoutMs`. */
  async until<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest diagnostics published for `uri` (undefined when none yet). */
  diagnostics(uri: string): Diagnostic[] | undefined {
    return this.latest.get(uri)?.diagnostics;
  }

  latestPublished(uri: string): Published | undefined {
    return this.latest.get(uri);
  }

  /** Waits for a publish for `uri` that satisfies `predicate` (by default: any publish). */
  waitForDiagnostics(
    uri: string,
    predicate: (diagnostics: Diagnostic[], published: Published) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<Diagnostic[]> {
    return this.until(
      () => {
        const p = this.latest.get(uri);
        return p && predicate(p.diagnostics, p) ? p.diagnostics : undefined;
      },
      `diagnostics of ${path.basename(uri)}`,
      timeoutMs,
    );
  }

  /** Waits for the server's workspace scan to end (its work-done progress reports `end`). */
  async scanEnded(timeoutMs?: number): Promise<void> {
    await this.until(
      () => this.progress.some((p) => (p as { value?: { kind?: string } }).value?.kind === 'end'),
      'the end of the workspace scan',
      timeoutMs,
    );
  }

  /** Forgets what was published for `uri` so the next wait needs a fresh publish. */
  reset(uri: string): void {
    this.latest.delete(uri);
  }

  setSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
  }

  open(uri: string, text: string, languageId = languageOf(uri)): void {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Replaces the whole text through one incremental change covering the old text. */
  change(uri: string, text: string): number {
    const old = this.texts.get(uri) ?? '';
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: endOf(old) }, text }],
    });
    return version;
  }

  /** One incremental change (`range` replaced by `text`); `result` is the whole text afterwards. */
  changeRange(uri: string, range: Range, text: string, result: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, result);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  /** Applies a WorkspaceEdit to the open text of `uri` and sends it as didChange; returns the new text. */
  applyEdit(uri: string, edit: WorkspaceEdit): string {
    const edits =
      edit.changes?.[uri] ??
      edit.documentChanges?.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits) ??
      [];
    const text = applyEdits(this.texts.get(uri) ?? '', edits);
    this.change(uri, text);
    return text;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    this.texts.delete(uri);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export function languageOf(uri: string): string {
  if (uri.endsWith('.bicepparam')) return 'bicep-params';
  if (uri.endsWith('.bicep')) return 'bicep';
  if (uri.endsWith('.tfvars')) return 'terraform-vars';
  if (uri.endsWith('.tf')) return 'terraform';
  return 'json';
}

export function endOf(text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function offsetAt(text: string, position: Position): number {
  let line = 0;
  let offset = 0;
  while (line < position.line) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
    line++;
  }
  return offset + position.character;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

const created: string[] = [];

/** Removes every folder `workspace()` created (call from an `after` hook). */
export function removeWorkspaces(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh workspace folder with the given files (relative path → text). */
export function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-lsp-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function uriOf(folder: string, name: string): string {
  return pathToFileURL(path.join(folder, name)).href;
}

export function fixture(relative: string): string {
  return fs.readFileSync(path.join(ROOT, 'test-fixtures/rules', relative), 'utf8');
}
