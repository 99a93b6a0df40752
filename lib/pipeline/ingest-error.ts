/** A corpus the ingest cannot build: the message names the file or document and what is wrong with it. */
export class IngestError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IngestError';
  }
}
