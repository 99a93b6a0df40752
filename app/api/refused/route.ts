import { HttpError, errorResponse } from '../_respond';
import { refusedStatusInput } from '../_validators';

/** The methods the app answers (lib/security/request-guard.mjs refuses the others). */
const ALLOW = 'GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS';

/**
 * `GET /api/refused?status=400|405`: the answer lib/security/request-guard.mjs sends a request
 * that Next would otherwise answer with a bare 500 (a path that is not valid percent-encoded
 * UTF-8, or a method such as TRACE). Being an API route, it carries every API header.
 */
export function GET(request: Request) {
  const status = refusedStatusInput(request);
  if (status === 405)
    return errorResponse(new HttpError(405, 'This method is not allowed.', { headers: { Allow: ALLOW } }));
  if (status === 400)
    return errorResponse(
      new HttpError(400, 'The path is not valid percent-encoded UTF-8, or holds a control character.'),
    );
  return errorResponse(new HttpError(404, 'No such API endpoint.'));
}
