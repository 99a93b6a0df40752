/**
 * Preloaded into the load test's `next start` (NODE_OPTIONS=--import …): SIGUSR2 runs a full
 * garbage collection, so that the test compares the memory the server keeps, before and after the
 * load, rather than the moment V8 happens to collect. Nothing of the app changes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
process.on('SIGUSR2', () => {
  // Twice: the first collection runs finalizers whose garbage only the second can take.
  gc();
  gc();
});
