// Where batch jobs run: a pool of worker threads (dist/scan-worker.js) when more than one thread is wanted
// and the bundle is there, else the scanning thread itself. Workers are given a kind of job each (Lane). A
// worker that fails (its thread dies, or it cannot start) costs nothing but time: its jobs run again in the
// scanning thread, and later ones go to another worker (one whose lane takes them, if any), or to the
// scanning thread when no worker is left.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Unit } from '../units';
import { runJob, type JobInput, type JobOutput, type ScanContext } from './job';
import type { WorkerData } from './worker';

/**
 * The kind of work a job is, by the heaviest front end it needs: a job with an ARM file is ARM work (large
 * JSON trees, a large heap), else one with Terraform is Terraform work (tree-sitter), else Bicep work.
 */
export type JobClass = 'arm' | 'terraform' | 'bicep';

export function jobClass(units: readonly Unit[]): JobClass {
  let terraform = false;
  for (const unit of units) {
    if (unit.kind === 'arm') return 'arm';
    if (unit.kind === 'terraform') terraform = true;
  }
  return terraform ? 'terraform' : 'bicep';
}

/** A place for one job in flight, on one thread: the classes of job it takes, and those it takes first. */
export interface Slot {
  readonly prefers: readonly JobClass[];
  readonly takes: readonly JobClass[];
}

export interface JobRunner {
  /** How many jobs may be in flight at once, and which (a worker holds its next jobs while it runs one). */
  readonly slots: readonly Slot[];
  /** Runs a job in the given slot's thread (without one: on any thread that takes its class). */
  run(job: JobInput, slot?: number): Promise<JobOutput>;
  close(): Promise<void>;
}

const EVERY_CLASS: readonly JobClass[] = ['arm', 'bicep', 'terraform'];

/**
 * Worker threads a scan uses by default: one fewer than the cores, at least 1 and at most 4. The scanning
 * thread, which gathers the results (and in the language server answers the editor), and V8's garbage
 * collector want a core too. (On two cores, two lanes (Lane) are faster but over the memory budget.)
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism() - 1, 4));
}

/** The worker bundle next to the running bundle (dist/), or undefined when running from sources. */
export function workerScript(): string | undefined {
  const candidate = path.join(__dirname, 'scan-worker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * `workers` threads (0: the scanning thread runs the jobs itself, as it does without the bundle); `mixed`:
 * the workspace has both ARM work and Terraform or Bicep work, so that workers get lanes (lanesFor).
 */
export function createRunner(workers: number, context: ScanContext, mixed: boolean): JobRunner {
  const script = workerScript();
  // Jobs in this thread bypass the front-end caches (runJob), which the editor's sessions keep using.
  if (workers < 1 || !script)
    return {
      slots: [{ prefers: EVERY_CLASS, takes: EVERY_CLASS }],
      run: (job) => runJob(context, job),
      close: async () => {},
    };
  return new WorkerPool(script, lanesFor(workers, mixed), context);
}

/**
 * What a worker is for. Each V8 isolate compiles and optimises the code it runs: two workers that each take
 * any job compile everything twice, and their code sees every shape of value (on the 2-core build machine,
 * 10,000 files: 39.7 s of CPU against one worker's 28.6 s, hardly faster, 342–359 MB). Given a front end
 * each, they stay specialised: an ARM lane and a Terraform lane scanned the same files 1.20–1.21× faster
 * than one worker (CLI; the language server 1.14–1.35×) for 3.7 s more CPU, at a 283–296 MB peak (server:
 * 299–311 MB). That is over the server's 300 MB budget on two cores, so there the default stays one worker
 * (defaultThreads); `--threads 2` asks for the lanes, and machines with more cores get them by default.
 *
 * - `general`: any job, in the order given (a worker alone, or in a workspace that is not mixed);
 * - `arm`: ARM first, then Bicep (large templates need a large heap);
 * - `terraform`: Terraform first, then Bicep, never ARM: its small heap holds a Terraform directory's model (the
 *   trees live in tree-sitter's WebAssembly memory), not a 4 MB template's JSON tree; its peak heap was
 *   ~46 MB. The ARM lane never loads the grammar (worker.ts).
 *
 * Heaps: a bounded old generation makes V8 collect before it grows, so a worker's memory is that of its
 * largest job (a 4 MB template needs ~100 MB), not what garbage piles up to; a job beyond it runs again in
 * the scanning thread. The young generation, where the front ends' short-lived values die, trades time for
 * memory (V8 rounds its semi-spaces up to a power of two: 48 MB gives two of 16 MB, 24 MB two of 8 MB): 48
 * MB was 5–10% faster than 24 MB for a worker alone, 30–55 MB less than the next step. For the ARM lane, 24
 * MB kept the two lanes' peak at 261–272 MB (server 278–290 MB) but took the gain away (1.07× one worker,
 * 8 s more CPU: ARM trees survive scavenges, and small semi-spaces copy them more often).
 */
export interface Lane extends Slot {
  readonly oldGenerationMb: number;
  readonly youngGenerationMb: number;
}

const GENERAL: Lane = { prefers: EVERY_CLASS, takes: EVERY_CLASS, oldGenerationMb: 160, youngGenerationMb: 48 };
const ARM: Lane = { ...GENERAL, prefers: ['arm'], takes: ['arm', 'bicep'] };
const TERRAFORM: Lane = {
  prefers: ['terraform'],
  takes: ['terraform', 'bicep'],
  oldGenerationMb: 64,
  youngGenerationMb: 8,
};

/**
 * The lanes of `workers` workers: for a mixed workspace an ARM lane, then Terraform and ARM lanes in turn;
 * else (or for a single worker) general lanes, which take anything.
 */
export function lanesFor(workers: number, mixed: boolean): Lane[] {
  if (workers === 1 || !mixed) return Array.from({ length: workers }, () => GENERAL);
  return Array.from({ length: workers }, (_, i) => (i % 2 === 1 ? TERRAFORM : ARM));
}

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

/** A worker of the pool, started when its lane is first handed a job. */
interface Member {
  readonly lane: Lane;
  worker?: Worker;
  /** Its jobs in flight, by id. */
  readonly jobs: Map<number, Pending>;
  /** Its thread died or could not start: its jobs go elsewhere. */
  lost: boolean;
}

/** Exported for tests (a pool over a script that fails); scans get one from createRunner. */
export class WorkerPool implements JobRunner {
  private readonly members: Member[];
  private nextId = 0;

  readonly slots: readonly Slot[];

  constructor(
    private readonly script: string,
    lanes: readonly Lane[],
    private readonly context: ScanContext,
  ) {
    this.members = lanes.map((lane) => ({ lane, jobs: new Map(), lost: false }));
    // Slot i is a place on member i % workers (memberFor), so the first slots spread the first jobs over the lanes.
    this.slots = Array.from({ length: lanes.length * JOBS_PER_WORKER }, (_, i) => lanes[i % lanes.length]);
  }

  run(job: JobInput, slot?: number): Promise<JobOutput> {
    return new Promise((resolve, reject) => {
      const pending: Pending = { job, resolve, reject };
      const member = this.memberFor(pending, slot);
      if (!member) return this.runHere(pending);
      this.post(member, pending);
    });
  }

  async close(): Promise<void> {
    const workers = this.members.flatMap((member) => (member.worker ? [member.worker] : []));
    for (const member of this.members) member.lost = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /**
   * The slot's worker while it lives; else the live worker with the fewest jobs among those whose lane
   * takes the job's class, or among all (the Terraform lane gone, its jobs go to the ARM lane rather than
   * to the scanning thread, whose heap has no cap); undefined when no worker is left.
   */
  private memberFor(pending: Pending, slot: number | undefined): Member | undefined {
    const own = slot === undefined ? undefined : this.members[slot % this.members.length];
    if (own && !own.lost) return own;
    const kind = jobClass(pending.job.units);
    const live = this.members.filter((member) => !member.lost);
    const suited = live.filter((member) => member.lane.takes.includes(kind));
    const candidates = suited.length > 0 ? suited : live;
    return candidates.reduce<Member | undefined>(
      (best, member) => (!best || member.jobs.size < best.jobs.size ? member : best),
      undefined,
    );
  }

  private post(member: Member, pending: Pending): void {
    member.worker ??= this.spawn(member);
    const id = this.nextId++;
    member.jobs.set(id, pending);
    member.worker.postMessage({ id, job: pending.job });
  }

  private spawn(member: Member): Worker {
    const workerData: WorkerData = { context: this.context, terraform: member.lane.takes.includes('terraform') };
    const worker = new Worker(this.script, {
      workerData,
      resourceLimits: {
        maxOldGenerationSizeMb: member.lane.oldGenerationMb,
        maxYoungGenerationSizeMb: member.lane.youngGenerationMb,
      },
    });
    worker.unref();
    worker.on('message', (message: { id: number; output?: JobOutput; error?: string }) => {
      const pending = member.jobs.get(message.id);
      if (!pending) return;
      member.jobs.delete(message.id);
      if (message.output) pending.resolve(message.output);
      else this.runHere(pending);
    });
    const lost = () => {
      member.lost = true;
      const jobs = [...member.jobs.values()];
      member.jobs.clear();
      jobs.forEach((pending) => this.runHere(pending));
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }

  /** Runs a job in this thread (a worker failed on it, or none is left). */
  private runHere(pending: Pending): void {
    runJob(this.context, pending.job).then(pending.resolve, pending.reject);
  }
}
