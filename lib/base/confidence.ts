/**
 * Below this confidence an aligned pair is marked: in the reader, on the import page and in the
 * ingest report (lib/pipeline/align.ts sets `lowConfidence` with it).
 */
export const LOW_CONFIDENCE = 0.4;
