// The worker thread of a batch scan (bundled as dist/scan-worker.js): runs the jobs the scanning thread
// posts, one at a time, and posts back their output or the error that stopped one.
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../run-rules';
import { initFrontEnds } from '../frontends';
import { runJob, type JobInput, type ScanContext } from './job';

/** What a worker is started with: the scan's context, and whether its lane takes Terraform jobs. */
export interface WorkerData {
  readonly context: ScanContext;
  readonly terraform: boolean;
}

const { context, terraform } = workerData as WorkerData;
// A lane that takes Terraform starts loading the grammar at once, while its first jobs run (loading it at
// the first Terraform job put 0.3–0.7 s on the language server's time to first diagnostics); a job that
// needs it waits for it (runJob). The ARM lane never loads it.
if (terraform) initFrontEnds().catch(() => undefined);

parentPort?.on('message', (message: { id: number; job: JobInput }) => {
  runJob(context, message.job).then(
    (output) => parentPort!.postMessage({ id: message.id, output }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: describeError(error) }),
  );
});
