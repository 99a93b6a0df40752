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
 * - The request must name this server in `Host` (DNS rebinding): a page at evil.example whose name
 *   is later re-pointed at 127.0.0.1 sends same-origin requests, with a matching Origin, from the
 *   visitor's own machine; only its Host (evil.example) gives it away. Accepted: `localhost` and
 *   `*.localhost` (browsers resolve them to loopback themselves, so they cannot be rebound), any IP
 *   address literal (no name was resolved, so there is nothing to rebind), and the names listed in
 *   DUIZHAO_ALLOWED_HOSTS (the public name behind a reverse proxy).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { config, type WriteConfig } from '../config';

const PEER_HEADER = 'x-duizhao-peer';
const PRELOAD_MARK = Symbol.for('duizhao.peerPreload');

export type WriteAccess =
  | { ok: true; via: 'localhost' | 'token' }
  | { ok: false; reason: 'cross-site' | 'bad-token' | 'remote' | 'no-preload' | 'unknown-host'; message: string };

export interface WriteSettings extends WriteConfig {
  /** Whether peer-preload.mjs runs in this process (so the peer header is the socket's). */
  peerKnown: boolean;
}

/** The settings of this process: its write configuration (lib/config.ts), and whether the preload runs. */
export function writeSettings(write: WriteConfig = config().write): WriteSettings {
  return { ...write, peerKnown: (globalThis as Record<symbol, unknown>)[PRELOAD_MARK] === true };
}

/** `host[:port]` split; an IPv6 literal keeps its brackets. Null when it is not a host at all. */
function splitHost(host: string): { name: string; port: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return m ? { name: m[1]!.toLowerCase().replace(/\.$/, ''), port: m[2] ?? '' } : null;
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Whether `Host` names this server: a loopback name, an IP literal, or a listed name (with its
 * port when the list gives one). Names anyone's DNS could point here are refused.
 */
export function isServerHost(host: string | null, allowed: readonly string[] = []): boolean {
  if (host === null) return false;
  const parts = splitHost(host);
  if (!parts) return false;
  const { name, port } = parts;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (IPV4.test(name) || name.startsWith('[')) return true;
  return allowed.some((entry) => {
    const e = splitHost(entry);
    return e !== null && e.name === name && (e.port === '' || e.port === port);
  });
}

export function isLoopback(address: string): boolean {
  return (
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) ||
    address === '::1' ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address)
  );
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
  const host = headers.get('host');
  if (!isServerHost(host, settings.allowedHosts)) {
    return {
      ok: false,
      reason: 'unknown-host',
      message: `Refused: this server does not answer as "${(host ?? '').slice(0, 100)}". Open it as localhost or by its IP address, or list the name in DUIZHAO_ALLOWED_HOSTS (behind a reverse proxy).`,
    };
  }
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return {
      ok: false,
      reason: 'cross-site',
      message: `Refused: a ${site} request may not write (only pages of this site may).`,
    };
  }
  const origin = headers.get('origin');
  if (origin !== null && originHost(origin) !== host?.toLowerCase()) {
    return {
      ok: false,
      reason: 'cross-site',
      message: 'Refused: the request comes from a page of another site (Origin does not match Host).',
    };
  }
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (settings.token && match && sameToken(match[1]!, settings.token)) return { ok: true, via: 'token' };
    return {
      ok: false,
      reason: 'bad-token',
      message: settings.token
        ? 'Refused: the write token is wrong.'
        : 'Refused: this server takes no write token (DUIZHAO_WRITE_TOKEN is not set).',
    };
  }
  if (!settings.peerKnown) {
    return {
      ok: false,
      reason: 'no-preload',
      message:
        'Writing is off: the server was started without lib/security/peer-preload.mjs, so it cannot tell a request from this machine from another (start it with npm start), and no write token was sent.',
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
