/** The store's errors: the same whichever storage the build is read from (storage.ts). */

const HINT = 'run npm run duizhao -- ingest';

/** No build folder, or a file of it is missing. */
export class BuildMissingError extends Error {
  constructor(file: string) {
    super(`No Duizhao build found (${file} is missing): ${HINT}`);
    this.name = 'BuildMissingError';
  }
}

/** The build exists but cannot be read as the format this app understands. */
export class BuildFormatError extends Error {
  constructor(file: string, problem: string, options?: ErrorOptions) {
    super(`The build file ${file} ${problem}: ${HINT}`, options);
    this.name = 'BuildFormatError';
  }
}
