/**
 * Preloaded into `next start` (NODE_OPTIONS=--import ./lib/security/peer-preload.mjs; `npm start`
 * does it): on every request the server receives, the header `x-duizhao-peer` is set to the TCP
 * peer's address, overwriting whatever the client sent. Next's route handlers do not see the
 * socket, and `x-forwarded-for` cannot stand in for it: `next start` fills it from the socket only
 * when the client did not send one (node_modules/next/dist/server/base-server.js), so any client
 * can forge it. The import API allows writes from localhost by this header (lib/security/write-access.ts),
 * and trusts it only when this preload has marked the process, so an app started without it never
 * takes a forged header for a local peer.
 */
import http from 'node:http';
// First, so that its hook runs after the guard's and the peer's (the last hook installed runs first):
// pages answered from memory (page-cache-preload.mjs).
import './page-cache-preload.mjs';
// Bad percent-encoding and unknown methods are refused with our headers, not Next's bare 500.
import './request-guard.mjs';

export const PEER_HEADER = 'x-duizhao-peer';

globalThis[Symbol.for('duizhao.peerPreload')] = true;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, ...args) {
  if (event === 'request') {
    const request = args[0];
    // Node lower-cases header names, so this one key is the only one a client could have set.
    if (request && request.headers) request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? '';
  }
  return emit.call(this, event, ...args);
};
