// When to check what. Edits only mark a document dirty and restart a short debounce timer; when it fires, the
// dirty texts go into their sessions, every file they affect (the file itself, templates a parameter file
// feeds, module callers, private-endpoint targets… as `affectedBy` says) is queued, and the queue is checked in
// small batches with a yield in between. A file edited again while queued is skipped: the newer edit queued it
// again and the next run checks its newest text, so stale results are never published over fresh ones.
// Runs never overlap, so the last published diagnostics of a file are always from its newest text.
import type { Finding } from '../engine/finding';
import type { SessionRegistry } from './sessions';

export interface OpenText {
  readonly text: string;
  readonly version: number;
}

export interface CheckerHost {
  readonly sessions: SessionRegistry;
  /** The editor's text of an open document, undefined when not open. */
  openText(uri: string): OpenText | undefined;
  /** Publishes the findings of a checked file (undefined: the file is gone, clear its diagnostics). */
  publish(uri: string, findings: readonly Finding[] | undefined): Promise<void> | void;
  /** After each run, with the files it checked (the summary may have changed). */
  checked(uris: readonly string[]): void;
  error(message: string, error: unknown): void;
  /** Where a run spent its time (for `AISEC_LSP_TIMING=1`); optional. */
  timing?(stats: RunTiming): void;
}

export interface RunTiming {
  readonly files: number;
  /** Pushing editor texts into sessions and computing what they affect (includes the analysis). */
  readonly loadMs: number;
  readonly checkMs: number;
  readonly publishMs: number;
  /** From the first edit of this run arriving to the run starting (debounce + event loop). */
  readonly waitMs: number;
  /** CPU time of the run (user + system, whole process): unlike wall time, not inflated by a busy machine. */
  readonly cpuMs: number;
}

const batchSize = 16;

export class Checker {
  private readonly dirty = new Set<string>();
  private readonly queued = new Set<string>();
  private readonly latest = new Map<string, readonly Finding[]>();
  /** The pending run: a debounce timeout, or an immediate when no delay is wanted (saves setTimeout's 1 ms). */
  private timer: { cancel(): void } | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private disposed = false;
  /** Resolvers of `idle()` callers. */
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly host: CheckerHost,
    private debounceMs: number,
  ) {}

  setDebounce(ms: number): void {
    this.debounceMs = ms;
  }

  /** An open document's text changed (or was opened): push it at the next run. */
  textChanged(uri: string, delayMs = this.debounceMs): void {
    this.firstEditAt ??= performance.now();
    this.dirty.add(uri);
    this.queued.add(uri);
    this.latest.delete(uri);
    this.arm(delayMs);
  }

  /** Queue files whose text is already in their session (disk loads, deletions, config changes). */
  enqueue(uris: Iterable<string>, delayMs = this.debounceMs): void {
    for (const uri of uris) {
      this.queued.add(uri);
      this.latest.delete(uri);
    }
    this.arm(delayMs);
  }

  /** Findings of a file checked elsewhere (the workspace scan), or kept without their model: no check needed. */
  remember(uri: string, findings: readonly Finding[]): void {
    if (this.dirty.has(uri) || this.queued.has(uri)) return; // a newer check is on its way
    this.latest.set(uri, findings);
  }

  /** Forget a file entirely (its diagnostics are cleared by the caller). */
  forget(uri: string): void {
    this.dirty.delete(uri);
    this.queued.delete(uri);
    this.latest.delete(uri);
  }

  /** True when the editor changed the file after its last load: results for it are stale. */
  isDirty(uri: string): boolean {
    return this.dirty.has(uri);
  }

  /** Findings of the last completed check of every file. */
  all(): ReadonlyMap<string, readonly Finding[]> {
    return this.latest;
  }

  /** True while anything is dirty, queued or running. */
  get busy(): boolean {
    return this.dirty.size > 0 || this.queued.size > 0 || this.running !== undefined;
  }

  /**
   * The findings of one file for the current text, computed now if queued (code actions and hover must
   * answer about what the user sees, not about the last debounced run).
   */
  findingsNow(uri: string): readonly Finding[] {
    this.flush();
    const known = this.latest.get(uri);
    if (known && !this.queued.has(uri)) return known;
    if (!this.host.sessions.has(uri)) return known ?? [];
    const findings = this.host.sessions.folderOf(uri).session.check([uri]).get(uri) ?? [];
    return findings;
  }

  /** Resolves when nothing is dirty, queued or running. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
  }

  /** Pushes dirty editor texts into their sessions and queues what they affect. */
  flush(): void {
    for (const uri of this.dirty) {
      const open = this.host.openText(uri);
      if (!open) continue;
      try {
        // What depended on the old text (a reference the edit removes) and what depends on the new one.
        const before = this.host.sessions.has(uri) ? this.host.sessions.affectedBy(uri) : [];
        this.host.sessions.setFile(uri, open.text);
        for (const affected of [...before, ...this.host.sessions.affectedBy(uri)]) {
          this.queued.add(affected);
          this.latest.delete(affected);
        }
      } catch (error) {
        this.host.error(`loading ${uri}`, error);
      }
      this.queued.add(uri);
    }
    this.dirty.clear();
  }

  private arm(delayMs: number): void {
    if (this.disposed) return;
    this.timer?.cancel();
    const fire = () => {
      this.timer = undefined;
      this.start();
    };
    if (delayMs <= 0) {
      const immediate = setImmediate(fire);
      this.timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(fire, delayMs);
      this.timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  private start(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.run()
      .catch((error) => this.host.error('checking', error))
      .finally(() => {
        this.running = undefined;
        if (this.rerun || (this.queued.size > 0 && !this.timer) || (this.dirty.size > 0 && !this.timer)) {
          this.rerun = false;
          this.start();
        } else if (!this.busy) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          waiters.forEach((resolve) => resolve());
        }
      });
  }

  private async run(): Promise<void> {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const waitMs = this.firstEditAt === undefined ? 0 : started - this.firstEditAt;
    this.firstEditAt = undefined;
    this.flush();
    this.timing = { files: 0, loadMs: performance.now() - started, checkMs: 0, publishMs: 0, waitMs, cpuMs: 0 };
    const work = [...this.queued];
    this.queued.clear();
    const checked: string[] = [];
    for (let i = 0; i < work.length && !this.disposed; i += batchSize) {
      // Skip files edited again since they were queued: the newer edit re-queued them.
      const batch = work.slice(i, i + batchSize).filter((uri) => !this.dirty.has(uri) && !this.queued.has(uri));
      await this.checkBatch(batch);
      checked.push(...batch);
      if (i + batchSize < work.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.host.checked(checked);
    const cpu = process.cpuUsage(cpuStart);
    this.host.timing?.({ ...this.timing, cpuMs: (cpu.user + cpu.system) / 1000 });
  }

  private timing = { files: 0, loadMs: 0, checkMs: 0, publishMs: 0, waitMs: 0, cpuMs: 0 };
  private firstEditAt: number | undefined;

  private async checkBatch(uris: readonly string[]): Promise<void> {
    const byFolder = new Map<ReturnType<SessionRegistry['folderOf']>, string[]>();
    const gone: string[] = [];
    for (const uri of uris) {
      if (!this.host.sessions.has(uri)) {
        gone.push(uri);
        continue;
      }
      const folder = this.host.sessions.folderOf(uri);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), uri]);
    }
    const results: [string, readonly Finding[] | undefined][] = gone.map((uri) => [uri, undefined]);
    const checkStart = performance.now();
    for (const [folder, group] of byFolder) {
      let checked: Map<string, Finding[]>;
      try {
        checked = folder.session.check(group);
      } catch (error) {
        this.host.error(`checking ${group.length} file(s) (${group[0]}…)`, error);
        continue;
      }
      for (const uri of group) {
        const findings = checked.get(uri) ?? [];
        this.latest.set(uri, findings);
        results.push([uri, findings]);
      }
    }
    const publishStart = performance.now();
    this.timing.checkMs += publishStart - checkStart;
    this.timing.files += results.length;
    for (const [uri, findings] of results) {
      if (findings === undefined) this.latest.delete(uri);
      // Superseded while this batch ran (publish awaits settings): the next run publishes the newer state.
      if (this.dirty.has(uri)) continue;
      try {
        await this.host.publish(uri, findings);
      } catch (error) {
        this.host.error(`publishing ${uri}`, error);
      }
    }
    this.timing.publishMs += performance.now() - publishStart;
  }
}
