import { describe, expect, it } from 'vitest';
import { refusalStatus } from './request-guard.mjs';

describe('the request guard', () => {
  it('row 22.4: a path that is not valid percent-encoded UTF-8, or decodes to a control character (row 22.7h), is a 400', () => {
    for (const path of [
      '/%ff',
      '/en/term/%ED%A0%80',
      '/en/read/%C0%AE%C0%AE',
      '/api/search/%ff',
      '/en/read/%zz',
      '/%',
      '/en/%E4%B8',
      '/en/read/con%00',
      '/en/read/2024-12-ciis-report-new-era%00',
      '/en/term/%E5%90%88%0A',
      '/%7F',
    ]) {
      expect(refusalStatus('GET', path), path).toBe(400);
    }
    for (const path of [
      '/',
      '/en/term/%E5%90%88%E4%BD%9C',
      '/en/read/a%2Fb',
      '/en/search?q=%ff',
      '/api/search?q=%',
      '/en#%ff',
    ]) {
      expect(refusalStatus('GET', path), path).toBe(0);
    }
  });

  it('row 22.4: TRACE and other methods no route answers are a 405', () => {
    for (const method of ['TRACE', 'trace', 'PROPFIND', 'MKCOL']) expect(refusalStatus(method, '/en')).toBe(405);
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
      expect(refusalStatus(method, '/en')).toBe(0);
  });
});
