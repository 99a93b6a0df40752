/**
 * Preloaded into `next start` (peer-preload.mjs imports it, so `npm start` has it): two kinds of
 * request that Next itself answers with a bare `500 Internal Server Error`, with none of our
 * security headers, are turned into clear refusals before Next sees them:
 * - a path whose percent-encoding does not decode to UTF-8 (`/%ff`, an encoded surrogate
 *   `%ED%A0%80`, an overlong `%C0%AE`): Next's router throws on it; and a path that decodes to a
 *   control character (`%00`), which Next trims off a segment's end;
 * - a method no route answers (TRACE, PROPFIND, …): Next's Request constructor refuses TRACE.
 * Such a request is re-pointed at `GET /api/refused?status=400|405` (app/api/refused/route.ts),
 * so the refusal is an ordinary API answer and carries exactly the headers every API answer
 * carries (next.config.ts), from one place. The query string is left to the routes: the search
 * API already answers broken encoding there with its own 400.
 */
import http from 'node:http';

/** The methods the app's pages and routes answer; anything else is a 405. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** The status a request is refused with before Next sees it (400 or 405), or 0 when it may pass. */
export function refusalStatus(method, url) {
  if (!METHODS.has(String(method).toUpperCase())) return 405;
  const raw = String(url ?? '');
  const end = raw.search(/[?#]/);
  let path;
  try {
    path = decodeURIComponent(end === -1 ? raw : raw.slice(0, end));
  } catch {
    return 400;
  }
  // A control character never belongs in a path, and Next trims one at the end of a segment
  // before the route sees it: /en/read/<id>%00 served the document <id>.
  return /[\u0000-\u001f\u007f]/.test(path) ? 400 : 0;
}

const GUARD_MARK = Symbol.for('duizhao.requestGuard');
if (!globalThis[GUARD_MARK]) {
  globalThis[GUARD_MARK] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitGuarded(event, ...args) {
    if (event === 'request') {
      const request = args[0];
      const status = request ? refusalStatus(request.method, request.url) : 0;
      if (status !== 0) {
        // A HEAD stays a HEAD (no body); everything else asks for the refusal as a GET.
        if (request.method !== 'HEAD') request.method = 'GET';
        request.url = `/api/refused?status=${status}`;
      }
    }
    return emit.call(this, event, ...args);
  };
}
