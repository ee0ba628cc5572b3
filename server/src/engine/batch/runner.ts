// Where batch jobs run: a pool of worker threads (dist/scan-worker.js) when more than one thread is wanted
// and the bundle is there, else the scanning thread itself. A worker that fails (its thread dies, or it
// cannot start) costs nothing but time: its job runs again in the scanning thread.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { setFrontEndCaches } from '../frontends';
import { runJob, type JobInput, type JobOutput, type ScanContext } from './job';

export interface JobRunner {
  /** How many jobs may run at once. */
  readonly parallelism: number;
  run(job: JobInput): Promise<JobOutput>;
  close(): Promise<void>;
}

/**
 * Worker threads a scan uses by default: one fewer than the cores, at least 1 and at most 4. The scanning
 * thread, which gathers the results (and in the language server answers the editor), and V8's garbage
 * collector want a core too.
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism() - 1, 4));
}

/** The worker bundle next to the running bundle (dist/), or undefined when running from sources. */
export function workerScript(): string | undefined {
  const candidate = path.join(__dirname, 'scan-worker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

/** `workers` threads (0: the scanning thread runs the jobs itself, as it does without the bundle). */
export function createRunner(workers: number, context: ScanContext): JobRunner {
  const script = workerScript();
  if (workers < 1 || !script) {
    // Jobs in this thread: no front-end caches while they run (the editor's session wants them back).
    setFrontEndCaches(false);
    return { parallelism: 1, run: (job) => runJob(context, job), close: async () => setFrontEndCaches(true) };
  }
  return new WorkerPool(script, workers, context);
}

/** Heap of a worker, in MB. */
const WORKER_OLD_HEAP_MB = 160;
const WORKER_YOUNG_HEAP_MB = 48;

interface Pending {
  readonly job: JobInput;
  resolve(output: JobOutput): void;
  reject(error: unknown): void;
}

/** Exported for tests (a pool over a script that fails); scans get one from createRunner. */
export class WorkerPool implements JobRunner {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { id: number; pending: Pending }>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: string,
    readonly parallelism: number,
    private readonly context: ScanContext,
  ) {
    for (let i = 0; i < parallelism; i++) this.idle.push(this.spawn());
  }

  run(job: JobInput): Promise<JobOutput> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    // A bounded old generation makes V8 collect before it grows: a worker's memory is that of its largest
    // job (a 4 MB template needs ~100 MB), not what garbage piles up to; a job beyond it runs again in this
    // thread. The young generation, where the front ends' short-lived values die, is a trade of time for
    // memory: on 10,000 files, 48 MB against 96 MB took 0–8% more wall time and 35–45 MB less peak memory
    // with one worker (32 MB: 5–20% more time for 10 MB less again), which keeps the 300 MB budget.
    const worker = new Worker(this.script, {
      workerData: this.context,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB },
    });
    worker.unref();
    worker.on('message', (message: { id: number; output?: JobOutput; error?: string }) => {
      const current = this.busy.get(worker);
      if (!current || current.id !== message.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      if (message.output) current.pending.resolve(message.output);
      else this.runHere(current.pending);
      this.dispatch();
    });
    const lost = () => {
      const current = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (current) this.runHere(current.pending);
      // The last worker gone: what is queued must not wait for one.
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop();
      if (!worker) {
        // Every worker gone: the scanning thread takes the rest.
        if (this.busy.size === 0) this.queue.splice(0).forEach((pending) => this.runHere(pending));
        return;
      }
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      this.busy.set(worker, { id, pending });
      worker.postMessage({ id, job: pending.job });
    }
  }

  /** Runs a job in this thread (a worker failed on it). */
  private runHere(pending: Pending): void {
    runJob(this.context, pending.job).then(pending.resolve, pending.reject);
  }
}
