import { NextResponse } from 'next/server';

// Unknown API paths answer in JSON like the rest of the API, not with an HTML page.
function unknownEndpoint() {
  return NextResponse.json({ error: 'No such API endpoint.' }, { status: 404 });
}

export { unknownEndpoint as GET, unknownEndpoint as POST, unknownEndpoint as PUT, unknownEndpoint as DELETE };
