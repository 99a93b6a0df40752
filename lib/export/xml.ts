/**
 * The XML writer shared by the TMX and TBX exports. xmlbuilder2 does the escaping (`&`, `<`, `>`,
 * quotes in attributes), so no export builds XML by string concatenation.
 *
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF;
 * lone surrogates) are dropped rather than refused: the decoder already refuses control characters
 * in sources, so one can only come from a damaged build, and a single bad character should not make
 * the whole corpus impossible to download.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

export type { XMLBuilder };

/** A new document with the `<?xml version="1.0" encoding="UTF-8"?>` declaration. */
export function newXmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

/** Indented (text-only elements stay on one line, so no whitespace is added inside a segment or term), ending in a newline. */
export function serializeXml(doc: XMLBuilder): string {
  return `${doc.end({ prettyPrint: true })}\n`;
}
