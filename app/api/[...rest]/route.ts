import { HttpError, errorResponse } from '../_respond';

// Unknown API paths answer in JSON like the rest of the API, not with an HTML page.
function unknownEndpoint() {
  return errorResponse(new HttpError(404, 'No such API endpoint.'));
}

export { unknownEndpoint as GET, unknownEndpoint as POST, unknownEndpoint as PUT, unknownEndpoint as DELETE };
