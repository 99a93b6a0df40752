import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { isLoopback, isServerHost, writeAccess, writeSettings, type WriteSettings } from './write-access';

const local: WriteSettings = { localWrites: true, peerKnown: true };
const h = (init: Record<string, string>) => new Headers({ host: 'localhost:3000', ...init });

describe('write access', () => {
  it('allows a request whose TCP peer is loopback, IPv4, IPv6 or mapped', () => {
    for (const peer of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(writeAccess(h({ 'x-duizhao-peer': peer }), local)).toEqual({ ok: true, via: 'localhost' });
  });

  it('refuses a remote peer, whatever x-forwarded-for or x-real-ip claim', () => {
    const forged = h({
      'x-duizhao-peer': '192.168.1.20',
      'x-forwarded-for': '127.0.0.1',
      'x-real-ip': '127.0.0.1',
      forwarded: 'for=127.0.0.1',
    });
    expect(writeAccess(forged, local)).toMatchObject({
      ok: false,
      reason: 'remote',
      message: expect.stringMatching(/localhost.*DUIZHAO_WRITE_TOKEN/),
    });
    for (const peer of ['', '10.0.0.1', '::ffff:10.0.0.1', '1270.0.0.1', '127.0.0.1.evil', '::2'])
      expect(writeAccess(h({ 'x-duizhao-peer': peer }), local).ok).toBe(false);
  });

  it('never trusts the peer header when the preload did not set it', () => {
    expect(writeAccess(h({ 'x-duizhao-peer': '127.0.0.1' }), { ...local, peerKnown: false })).toMatchObject({
      ok: false,
      reason: 'no-preload',
    });
  });

  it('allows the right token from anywhere, refuses a wrong or unexpected one', () => {
    const withToken = { ...local, token: 's3cret-token' };
    expect(writeAccess(h({ 'x-duizhao-peer': '10.0.0.1', authorization: 'Bearer s3cret-token' }), withToken)).toEqual({
      ok: true,
      via: 'token',
    });
    expect(
      writeAccess(h({ 'x-duizhao-peer': '10.0.0.1', authorization: 'bearer s3cret-token' }), {
        ...withToken,
        peerKnown: false,
      }),
    ).toEqual({ ok: true, via: 'token' });
    for (const auth of ['Bearer s3cret-toke', 'Bearer s3cret-token2', 'Basic s3cret-token', 'Bearer', 'Bearer  ']) {
      expect(writeAccess(h({ 'x-duizhao-peer': '10.0.0.1', authorization: auth }), withToken)).toMatchObject({
        ok: false,
        reason: 'bad-token',
      });
    }
    // A wrong token is refused even from localhost: the sender asked to be judged by it.
    expect(writeAccess(h({ 'x-duizhao-peer': '127.0.0.1', authorization: 'Bearer nope' }), withToken)).toMatchObject({
      ok: false,
      reason: 'bad-token',
    });
    expect(writeAccess(h({ 'x-duizhao-peer': '10.0.0.1', authorization: 'Bearer x' }), local)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/takes no write token/),
    });
  });

  it('refuses cross-site requests even from localhost with the token (CSRF)', () => {
    const withToken = { ...local, token: 't' };
    for (const site of ['cross-site', 'same-site'])
      expect(writeAccess(h({ 'x-duizhao-peer': '127.0.0.1', 'sec-fetch-site': site }), withToken)).toMatchObject({
        reason: 'cross-site',
      });
    expect(writeAccess(h({ 'x-duizhao-peer': '127.0.0.1', origin: 'https://evil.example' }), local)).toMatchObject({
      reason: 'cross-site',
    });
    expect(writeAccess(h({ 'x-duizhao-peer': '127.0.0.1', origin: 'null' }), local)).toMatchObject({
      reason: 'cross-site',
    });
    expect(writeAccess(h({ 'x-duizhao-peer': '127.0.0.1', origin: 'http://localhost:3001' }), local)).toMatchObject({
      reason: 'cross-site',
    });
    expect(
      writeAccess(
        h({ 'x-duizhao-peer': '127.0.0.1', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }),
        local,
      ),
    ).toEqual({ ok: true, via: 'localhost' });
  });

  it('DUIZHAO_LOCAL_WRITES=off (behind a reverse proxy): loopback alone is not enough', () => {
    expect(writeAccess(h({ 'x-duizhao-peer': '127.0.0.1' }), { ...local, localWrites: false })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/needs the write token/),
    });
  });

  it('row 22.2: refuses a Host this server does not answer as (DNS rebinding), even same-origin from loopback', () => {
    // The curl: a rebound name, a matching Origin, same-origin, from 127.0.0.1.
    const rebound = new Headers({
      host: 'evil.example:3300',
      origin: 'http://evil.example:3300',
      'sec-fetch-site': 'same-origin',
      'x-duizhao-peer': '127.0.0.1',
    });
    expect(writeAccess(rebound, local)).toMatchObject({
      ok: false,
      reason: 'unknown-host',
      message: expect.stringMatching(/DUIZHAO_ALLOWED_HOSTS/),
    });
    // The token does not open it either: the server never answers as that name.
    expect(
      writeAccess(new Headers({ host: 'evil.example', authorization: 'Bearer t' }), { ...local, token: 't' }),
    ).toMatchObject({ reason: 'unknown-host' });
    expect(writeAccess(new Headers({ 'x-duizhao-peer': '127.0.0.1' }), local)).toMatchObject({
      reason: 'unknown-host',
    });
    // A listed name is accepted, with its port when the list names one.
    const listed = { ...local, allowedHosts: ['duizhao.example.org', 'corpus.example:8443'] };
    expect(
      writeAccess(
        new Headers({
          host: 'Duizhao.Example.org',
          origin: 'https://duizhao.example.org',
          'x-duizhao-peer': '127.0.0.1',
        }),
        listed,
      ),
    ).toEqual({ ok: true, via: 'localhost' });
    expect(writeAccess(new Headers({ host: 'corpus.example:8443', 'x-duizhao-peer': '127.0.0.1' }), listed).ok).toBe(
      true,
    );
    expect(writeAccess(new Headers({ host: 'corpus.example:8444', 'x-duizhao-peer': '127.0.0.1' }), listed).ok).toBe(
      false,
    );
  });

  it('row 22.2: DUIZHAO_ALLOWED_HOSTS is read as a comma-separated list of names, lowercased', () => {
    expect(
      writeSettings(
        readConfig({ NODE_ENV: 'production', DUIZHAO_ALLOWED_HOSTS: ' Corpus.Example.org, , duizhao.example:8443 ' })
          .write,
      ).allowedHosts,
    ).toEqual(['corpus.example.org', 'duizhao.example:8443']);
    expect(writeSettings(readConfig({ NODE_ENV: 'production' }).write).allowedHosts).toEqual([]);
  });

  it('row 22.2: isServerHost takes loopback names and IP literals, never another name', () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      'LOCALHOST.',
      'app.localhost:3000',
      '127.0.0.1:3300',
      '192.168.1.20:3000',
      '[::1]:3000',
      '[::ffff:127.0.0.1]',
    ]) {
      expect(isServerHost(host), host).toBe(true);
    }
    for (const host of [
      'evil.example',
      'evil.example:3300',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      'localhost:abc',
      '[evil]:80',
      'a b',
      '',
      '0x7f.1',
    ]) {
      expect(isServerHost(host), host).toBe(false);
    }
    expect(isServerHost(null)).toBe(false);
    expect(isServerHost('Evil.Example:3300', ['evil.example'])).toBe(true);
  });

  it('isLoopback is exact', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
  });
});
