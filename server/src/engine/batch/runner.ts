// Where batch jobs run: a pool of worker threads (dist/scan-worker.js) when more than one thread is wanted
// and the bundle is there, else the scanning thread itself. A worker that fails (its thread dies, or it
// cannot start) costs nothing but time: its job runs again in the scanning thread.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runJob, type JobInput, type JobOutput, type ScanContext } from './job';

export interface JobRunner {
  /** How many jobs may be in flight at once (a worker holds its next job while it runs one). */
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
  // Jobs in this thread bypass the front-end caches (runJob), which the editor's sessions keep using.
  if (workers < 1 || !script) return { parallelism: 1, run: (job) => runJob(context, job), close: async () => {} };
  return new WorkerPool(script, workers, context);
}

/** Heap of a worker, in MB. */
const WORKER_OLD_HEAP_MB = 160;
const WORKER_YOUNG_HEAP_MB = 48;

/**
 * Jobs posted to a worker before it finishes the one at hand: its next jobs wait in its own queue, so it
 * does not idle while the scanning thread is busy (taking in a large job's findings, publishing them, a
 * garbage collection). Most jobs take a millisecond or two. On 10,000 files with one worker, the worker sat
 * idle for 1.5 s of the server's scan with 2 jobs posted ahead, 0.9 s with 4 and 0.4 s with 8 (the CLI: 0.8
 * and 0.3 s with 2 and 8); the rest is the waits between the scan's phases. A cancelled scan still lets
 * the jobs posted finish.
 */
const JOBS_PER_WORKER = 8;

interface Pending {
  readonly job: JobInput;
  resolve(output: JobOutput): void;
  reject(error: unknown): void;
}

/** Exported for tests (a pool over a script that fails); scans get one from createRunner. */
export class WorkerPool implements JobRunner {
  /** Each live worker's jobs in flight, by id. */
  private readonly inFlight = new Map<Worker, Map<number, Pending>>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  readonly parallelism: number;

  constructor(
    private readonly script: string,
    workers: number,
    private readonly context: ScanContext,
  ) {
    for (let i = 0; i < workers; i++) this.inFlight.set(this.spawn(), new Map());
    this.parallelism = workers * JOBS_PER_WORKER;
  }

  run(job: JobInput): Promise<JobOutput> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.inFlight.keys()];
    this.inFlight.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    // A bounded old generation makes V8 collect before it grows: a worker's memory is that of its largest
    // job (a 4 MB template needs ~100 MB), not what garbage piles up to; a job beyond it runs again in this
    // thread. The young generation, where the front ends' short-lived values die, is a trade of time for
    // memory: on 10,000 files, 48 MB (16 MB semi-spaces) against 64 MB (V8 rounds those up to 32 MB, as for
    // 96 MB) took 5–10% more wall time and 30–55 MB less peak memory with one worker, and 64 MB peaked at up
    // to 311 MB in the server (32 MB: 5–20% more time for 10 MB less again): 48 MB keeps the 300 MB budget.
    const worker = new Worker(this.script, {
      workerData: this.context,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB },
    });
    worker.unref();
    worker.on('message', (message: { id: number; output?: JobOutput; error?: string }) => {
      const jobs = this.inFlight.get(worker);
      const pending = jobs?.get(message.id);
      if (!pending) return;
      jobs!.delete(message.id);
      if (message.output) pending.resolve(message.output);
      else this.runHere(pending);
      this.dispatch();
    });
    const lost = () => {
      const jobs = this.inFlight.get(worker);
      this.inFlight.delete(worker);
      jobs?.forEach((pending) => this.runHere(pending));
      // The last worker gone: what is queued must not wait for one.
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.inFlight.size === 0) {
        // Every worker gone: the scanning thread takes the rest.
        this.queue.splice(0).forEach((pending) => this.runHere(pending));
        return;
      }
      let target: [Worker, Map<number, Pending>] | undefined;
      for (const entry of this.inFlight) if (!target || entry[1].size < target[1].size) target = entry;
      const [worker, jobs] = target!;
      if (jobs.size >= JOBS_PER_WORKER) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      jobs.set(id, pending);
      worker.postMessage({ id, job: pending.job });
    }
  }

  /** Runs a job in this thread (a worker failed on it). */
  private runHere(pending: Pending): void {
    runJob(this.context, pending.job).then(pending.resolve, pending.reject);
  }
}
