/**
 * The import host as the server uses it: a real child process (tsx, CC-CEDICT), its answers and
 * refusals, and what happens when it dies: the request in flight fails with 503 and the next one
 * starts a new host.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callHost, stopHost } from './host';
import type { PreviewResult } from './preview';
import { ImportError } from './wire';

const root = path.resolve(import.meta.dirname, '../..');
const zh = { bytes: new Uint8Array(readFileSync(path.join(root, 'tests/fixtures/import/zh.txt'))), name: 'zh.txt' };

afterAll(() => stopHost());

describe('the import host', () => {
  it('answers previews, refuses bad input with its status, and survives its own death', async () => {
    const result = await callHost<PreviewResult>({ op: 'preview', form: { zh, fields: {} } });
    expect(result.pairs).toHaveLength(5);
    // Typed arrays cross the process boundary as bytes (advanced serialisation), not as JSON.
    const refused = await callHost({ op: 'preview', form: { zh: { bytes: new Uint8Array([0xff, 0xfe, 0x00]), name: 'x.txt' }, encoding: 'utf-8', fields: {} } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).status).toBe(422);

    const inFlight = callHost({ op: 'preview', form: { zh, fields: {} } }).catch((e: unknown) => e);
    stopHost();
    const lost = await inFlight;
    expect(lost).toBeInstanceOf(ImportError);
    expect((lost as ImportError).status).toBe(503);
    const again = await callHost<PreviewResult>({ op: 'preview', form: { zh, fields: {} } });
    expect(again.pairs).toHaveLength(5);
  }, 120_000);
});
