/**
 * Who may write (the import page's preview and saves): a request from this machine, or one that
 * carries the write token. Pure: headers and settings in, a decision with its reason out.
 *
 * - Local: the TCP peer is a loopback address. The peer is known from `x-duizhao-peer`, which
 *   peer-preload.mjs sets from the socket on every request (overwriting a client's); it is trusted
 *   only when that preload marked the process. Behind a reverse proxy on the same machine every
 *   request comes from loopback: set DUIZHAO_LOCAL_WRITES=off there and use the token.
 * - Token: `Authorization: Bearer <DUIZHAO_WRITE_TOKEN>`, compared in constant time (both sides
 *   hashed first, so neither the length nor a prefix leaks through timing).
 * - Cross-site requests are refused whoever sends them (CSRF): a browser says where a request comes
 *   from in Sec-Fetch-Site and Origin, and a page of another site must not be able to make a
 *   visitor's browser write to a Duizhao on localhost.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const PEER_HEADER = 'x-duizhao-peer';
const PRELOAD_MARK = Symbol.for('duizhao.peerPreload');

export type WriteAccess =
  | { ok: true; via: 'localhost' | 'token' }
  | { ok: false; reason: 'cross-site' | 'bad-token' | 'remote' | 'no-preload'; message: string };

export interface WriteSettings {
  /** DUIZHAO_WRITE_TOKEN; writes from elsewhere need it. Unset or empty: no token accepted. */
  token?: string;
  /** False when DUIZHAO_LOCAL_WRITES=off: only the token opens writing. */
  localWrites: boolean;
  /** Whether peer-preload.mjs runs in this process (so the peer header is the socket's). */
  peerKnown: boolean;
}

/** The settings of this process, from its environment. */
export function writeSettings(env: NodeJS.ProcessEnv = process.env): WriteSettings {
  return {
    token: env.DUIZHAO_WRITE_TOKEN || undefined,
    localWrites: env.DUIZHAO_LOCAL_WRITES !== 'off',
    peerKnown: (globalThis as Record<symbol, unknown>)[PRELOAD_MARK] === true,
  };
}

export function isLoopback(address: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1' || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The host a request was sent to, as the browser's Origin would name it (`host[:port]`). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Whether the request may write. `headers` are the request's; for writes through a page of
 * Duizhao the browser sends Sec-Fetch-Site: same-origin; a script (curl) sends neither header.
 */
export function writeAccess(headers: Headers, settings: WriteSettings): WriteAccess {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return { ok: false, reason: 'cross-site', message: `Refused: a ${site} request may not write (only pages of this site may).` };
  }
  const origin = headers.get('origin');
  if (origin !== null && originHost(origin) !== headers.get('host')) {
    return { ok: false, reason: 'cross-site', message: 'Refused: the request comes from a page of another site (Origin does not match Host).' };
  }
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (settings.token && match && sameToken(match[1]!, settings.token)) return { ok: true, via: 'token' };
    return { ok: false, reason: 'bad-token', message: settings.token ? 'Refused: the write token is wrong.' : 'Refused: this server takes no write token (DUIZHAO_WRITE_TOKEN is not set).' };
  }
  if (!settings.peerKnown) {
    return {
      ok: false,
      reason: 'no-preload',
      message: 'Writing is off: the server was started without lib/security/peer-preload.mjs, so it cannot tell a request from this machine from another (start it with npm start), and no write token was sent.',
    };
  }
  const peer = headers.get(PEER_HEADER) ?? '';
  if (settings.localWrites && isLoopback(peer)) return { ok: true, via: 'localhost' };
  return {
    ok: false,
    reason: 'remote',
    message: settings.localWrites
      ? 'Writing is allowed from this machine (localhost) only, or with the write token (DUIZHAO_WRITE_TOKEN, sent as Authorization: Bearer …).'
      : 'Writing needs the write token (DUIZHAO_WRITE_TOKEN, sent as Authorization: Bearer …).',
  };
}
