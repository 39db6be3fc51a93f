// The worker thread of parseUpload (parse.ts): parses one uploaded file and posts the outcome.
// Plain JavaScript on purpose: Node 20 starts a worker's entry module without the loader hooks
// that tsx installs in the main thread (neither inherited nor from an execArgv `--import tsx`),
// so this file registers tsx in the worker itself before it loads the TypeScript parser.
import { parentPort, workerData } from 'node:worker_threads';

/** @type {import('./parse.ts').WorkerRequest} */
const request = workerData;
if (request.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
/** @type {typeof import('./parse.ts')} */
const parser = await import(request.module);

/** @param {import('./parse.ts').WorkerMessage} message */
const post = (message) => parentPort?.postMessage(message);

post({ type: 'started' });
if (request.hold) {
  // Held by a test (holdParses): wait in short steps, so that terminate() can always end the wait.
  const flag = new Int32Array(request.hold);
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 50);
}
const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
post({ type: 'done', outcome: await parser.parseUploadInThisThread(request.fileName, bytes) });
