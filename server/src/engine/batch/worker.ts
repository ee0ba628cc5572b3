// The worker thread of a batch scan (bundled as dist/scan-worker.js): runs the jobs the scanning thread
// posts, one at a time, and posts back their output or the error that stopped one.
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../run-rules';
import { runJob, type JobInput, type ScanContext } from './job';

const context = workerData as ScanContext;

parentPort?.on('message', (message: { id: number; job: JobInput }) => {
  runJob(context, message.job).then(
    (output) => parentPort!.postMessage({ id: message.id, output }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: describeError(error) }),
  );
});
