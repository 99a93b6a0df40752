import { describe, expect, it } from 'vitest';
import { ImportError } from '@/lib/import/wire';
import { errorResponse, HttpError } from './_respond';

describe('the API’s error answers', () => {
  it('an import refusal carries its code and values beside the English message, for the page to say', async () => {
    const refused = new ImportError(422, 'list.md has 30,000 lines of text; …', {
      detail: { code: 'tooManyLines', params: { side: 'zh', count: 30_000, limit: 20_000 } },
    });
    const answer = errorResponse(refused);
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({
      error: 'list.md has 30,000 lines of text; …',
      code: 'tooManyLines',
      params: { side: 'zh', count: 30_000, limit: 20_000 },
    });
  });

  it('other errors answer the message alone, and a 500 never its cause', async () => {
    expect(await errorResponse(new HttpError(404, 'No document with the id "x".')).json()).toEqual({
      error: 'No document with the id "x".',
    });
    const spy = console.error;
    console.error = () => undefined;
    try {
      const crash = errorResponse(new Error('secret path /srv/corpus'));
      expect(crash.status).toBe(500);
      expect(await crash.json()).toEqual({ error: 'Internal error.' });
    } finally {
      console.error = spy;
    }
  });
});
