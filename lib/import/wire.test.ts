import { describe, expect, it } from 'vitest';
import {
  ImportError,
  jsonDepth,
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
  MAX_SIDE_BYTES,
  parseImportForm,
  readCappedBody,
  readImportForm,
  readJsonBody,
} from './wire';
import { RESERVED_IDS } from '../base/doc-id';

const formOf = (fields: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return { status: e.status, message: e.message, detail: e.detail };
    throw e;
  }
  throw new Error('not refused');
};

describe('rows 22.7b, 22.7e, 22.7g: errors a user understands', () => {
  it('row 22.7b: impossible dates are refused (400), in words, with no server path', async () => {
    for (const date of ['2026-02-31', '0000-00-00', '2025-02-29', '2026-13-01', '2026-04-31']) {
      const r = await refusal(parseImportForm(formOf({ zh: '中', date })));
      expect(r, date).toMatchObject({
        status: 400,
        message: expect.stringContaining(`${date} is not a day of the calendar`),
      });
      expect(r.message).not.toMatch(/\//);
    }
    expect((await parseImportForm(formOf({ zh: '中', date: '2024-02-29' }))).fields.date).toBe('2024-02-29');
  });

  it("row 22.7g: reserved ids (Windows device names, the site's own route names) are refused", async () => {
    for (const id of [
      'con',
      'nul',
      'aux',
      'prn',
      'com1',
      'lpt9',
      'api',
      'glossary',
      'import',
      'preview',
      'read',
      'search',
      'term',
    ]) {
      expect(RESERVED_IDS.has(id), id).toBe(true);
      expect(await refusal(parseImportForm(formOf({ zh: '中', id })))).toMatchObject({
        status: 400,
        message: expect.stringContaining(`"${id}" is a reserved name`),
      });
    }
    expect((await parseImportForm(formOf({ zh: '中', id: 'console-2026' }))).fields.id).toBe('console-2026');
  });

  it("row 22.7e: a 413 names the limit applied: 16 MiB for corrections, the form's for a form", async () => {
    const big = new Request('http://x/', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'content-length': String(17 * 1024 * 1024) },
      body: '{}',
    });
    const json = await refusal(readJsonBody(big));
    expect(json).toMatchObject({ status: 413, message: expect.stringContaining('the limit is 16 MiB') });
    expect(json.message).not.toMatch(/4 MB|a side/);
    const form = await refusal(
      readCappedBody(
        new Request('http://x/', {
          method: 'POST',
          headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
          body: 'x',
        }),
      ),
    );
    expect(form.message).toContain('the limit is 9 MiB (4 MiB a side)');
  });
});

describe('import requests', () => {
  it('reads the sides as bytes, exactly; a pasted side as UTF-8; file names only as hints', async () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);
    const form = await parseImportForm(
      formOf({
        zh: new File([gbk], '../../etc/passwd.txt'),
        en: 'Chinese',
        enFormat: 'markdown',
        title: ' 标题 ',
        variant: 'traditional-HK',
      }),
    );
    expect([...form.zh.bytes]).toEqual([...gbk]);
    expect(form.zh.name).toBe('.._.._etc_passwd.txt');
    expect(new TextDecoder().decode(form.en!.bytes)).toBe('Chinese');
    expect(form.en!.format).toBe('markdown');
    expect(form.fields.title).toBe('标题');
    expect(form.variant).toBe('traditional-HK');
  });

  it('refuses what it cannot take, with the field named', async () => {
    expect(await refusal(parseImportForm(formOf({ en: 'x' })))).toMatchObject({
      status: 400,
      message: /No Chinese text/,
    });
    expect(await refusal(parseImportForm(formOf({ zh: '' })))).toMatchObject({ status: 400 });
    expect(await refusal(parseImportForm(formOf({ zh: '中', zhFormat: 'pdf' })))).toMatchObject({
      status: 400,
      message: /zhFormat/,
    });
    expect(await refusal(parseImportForm(formOf({ zh: '中', encoding: 'latin1' })))).toMatchObject({
      status: 400,
      message: /encoding/,
    });
    const proto = formOf({ zh: '中' });
    proto.append('__proto__', 'x');
    expect(await refusal(parseImportForm(proto))).toMatchObject({ status: 400, message: /Unknown field "__proto__"/ });
    expect(await refusal(parseImportForm(formOf({ zh: '中', id: '../x' })))).toMatchObject({
      status: 400,
      message: /id must be/,
    });
    expect(await refusal(parseImportForm(formOf({ zh: '中', date: '2026-1-2' })))).toMatchObject({
      status: 400,
      message: /date/,
    });
    expect(await refusal(parseImportForm(formOf({ zh: '中', corrections: '{' })))).toMatchObject({
      status: 400,
      message: /corrections is not valid JSON/,
    });
    expect(await refusal(parseImportForm(formOf({ zh: '中', title: new File(['x'], 't') })))).toMatchObject({
      status: 400,
      message: /title must be text/,
    });
    const twice = new FormData();
    twice.append('zh', '中');
    twice.append('zh', '文');
    expect(await refusal(parseImportForm(twice))).toMatchObject({ status: 400, message: /more than once/ });
    const big = formOf({ zh: new File([new Uint8Array(MAX_SIDE_BYTES + 1)], 'big.txt') });
    expect(await refusal(parseImportForm(big))).toMatchObject({
      status: 413,
      detail: { code: 'sideTooLarge', params: { side: 'zh', size: '4 MiB', limit: '4 MiB' } },
    });
    expect(await refusal(parseImportForm(formOf({ zh: '中', date: '2025-02-30' })))).toMatchObject({
      status: 400,
      detail: { code: 'badDate', params: { date: '2025-02-30' } },
    });
    expect(await refusal(parseImportForm(formOf({ zh: '中', id: 'Not An Id' })))).toMatchObject({
      status: 400,
      detail: { code: 'badId', params: { id: 'Not An Id' } },
    });
  });

  it('caps the body by Content-Length and while it streams; wrong content types are 415', async () => {
    const declared = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
      body: 'x',
    });
    expect(await refusal(readCappedBody(declared))).toMatchObject({
      status: 413,
      detail: { code: 'requestTooLarge', params: { limit: '9 MiB' } },
    });
    const stream = new ReadableStream({
      pull(c) {
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const endless = new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(await refusal(readCappedBody(endless, 1024 * 1024))).toMatchObject({ status: 413 });
    const json = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await refusal(readImportForm(json))).toMatchObject({ status: 415 });
    const broken = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zz' },
      body: 'garbage',
    });
    expect(await refusal(readImportForm(broken))).toMatchObject({ status: 400 });
    const notUtf8 = new Request('http://x/', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    expect(await refusal(readJsonBody(notUtf8))).toMatchObject({ status: 400, message: /UTF-8/ });
  });

  it('row 22.4: JSON nested 5,000 deep in corrections is a 400, in the form and in a JSON body', async () => {
    const deep = `{"version":1,"pairs":[{"zh":${'['.repeat(5000)}${']'.repeat(5000)},"en":[0]}]}`;
    expect(await refusal(parseImportForm(formOf({ zh: '中国', corrections: deep })))).toEqual({
      status: 400,
      message: expect.stringMatching(/nests deeper than 64/),
    });
    const put = new Request('http://localhost/x', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(await refusal(readJsonBody(put))).toMatchObject({ status: 400 });
    // Brackets inside strings (escaped quotes too) are text, not nesting; a real body passes.
    expect(jsonDepth(`{"a":"[[[[\\\"[[[[","b":[[0]]}`)).toBe(3);
    const fine = `{"version":1,"pairs":[{"zh":[0],"en":[0]}],"note":"${'['.repeat(MAX_JSON_DEPTH * 2)}"}`;
    expect((await parseImportForm(formOf({ zh: '中国', corrections: fine }))).corrections).toMatchObject({
      version: 1,
    });
  });
});
