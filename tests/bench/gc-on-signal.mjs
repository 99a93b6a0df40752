/**
 * Preloaded into the load test's `next start` (NODE_OPTIONS=--import …): SIGUSR2 runs a full
 * garbage collection, so that the test compares the memory the server keeps, before and after the
 * load, rather than the moment V8 happens to collect. With DUIZHAO_GC_REPORT set, it then writes
 * `process.memoryUsage()` to that file as JSON: the JS heap the server still holds is only visible
 * from inside it. Nothing of the app changes.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const report = process.env.DUIZHAO_GC_REPORT;
process.on('SIGUSR2', () => {
  // Twice: the first collection runs finalizers whose garbage only the second can take.
  gc();
  gc();
  if (report) {
    // Written aside and renamed, so the test never reads half a report.
    writeFileSync(`${report}.tmp`, JSON.stringify({ ...process.memoryUsage(), at: Date.now() }));
    renameSync(`${report}.tmp`, report);
  }
});
