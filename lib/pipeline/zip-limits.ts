/**
 * A DOCX's XML parts measured before anything parses them. mammoth (through JSZip) inflates every
 * part whole and builds a DOM of it, with no limit: a 307 kB upload that inflates to 300 MB, or a
 * 612 kB one whose document has millions of empty elements, costs gigabytes before any check could
 * run. So the caps apply first, here: the sizes the archive declares (its central directory), then
 * an inflate that stops as soon as its running count passes what was declared or allowed
 * (zlib's `maxOutputLength`), then a count of the elements. Hand-written because JSZip keeps the
 * declared sizes internal and inflates without a bound; the ZIP format's directory is a few fixed
 * fields (APPNOTE.TXT §4.3).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** The XML parts (every *.xml and *.rels) inflated, all together. */
  maxXmlBytes: number;
  /** Elements (start and empty tags) over all XML parts. */
  maxElements: number;
}

/** What the limits found, for a message: which was passed and by how much. */
export class ZipLimitError extends Error {
  constructor(
    message: string,
    readonly kind: 'size' | 'elements' | 'format',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ZipLimitError';
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipLimitError('not a readable DOCX file (no ZIP directory)', 'format');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipLimitError('not a readable DOCX file (a broken ZIP directory)', 'format');
    const nameLength = view.getUint16(at + 28, true);
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localOffset: view.getUint32(at + 42, true),
    };
    // ZIP64 marks its sizes 0xFFFFFFFF: no Word document of prose needs 4 GB parts.
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw new ZipLimitError('a ZIP64 archive: over any DOCX size this reads', 'size');
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** One part's inflated bytes, never more than `max`: the inflate stops once its output passes it. */
function inflated(bytes: Uint8Array, entry: Entry, max: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw new ZipLimitError(`not a readable DOCX file (${entry.name} is missing)`, 'format');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.subarray(0, max + 1);
  if (entry.method !== 8)
    throw new ZipLimitError(`not a readable DOCX file (${entry.name} uses ZIP method ${entry.method})`, 'format');
  try {
    return inflateRawSync(data, { maxOutputLength: max + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return new Uint8Array(max + 1);
    throw new ZipLimitError(`not a readable DOCX file (${entry.name}: ${(e as Error).message})`, 'format', {
      cause: e,
    });
  }
}

/** Start and empty-element tags: `<` then a name (not `</`, `<?`, `<!`). */
function elementCount(xml: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 1 < xml.length; i++) {
    if (xml[i] !== 0x3c) continue;
    const c = xml[i + 1]!;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) n++;
  }
  return n;
}

const XML_PART = /\.(xml|rels)$/i;
const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Throws a ZipLimitError when the archive's XML parts declare, or inflate to, more than
 * `maxXmlBytes`, or hold more than `maxElements` elements. Media (images) are not read: the
 * conversion leaves them out.
 */
export function checkZipLimits(bytes: Uint8Array, limits: ZipLimits): { xmlBytes: number; elements: number } {
  const parts = centralDirectory(bytes).filter((e) => XML_PART.test(e.name));
  const declared = parts.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxXmlBytes) {
    throw new ZipLimitError(
      `the document's text parts would unpack to ${MB(declared)}, over the ${MB(limits.maxXmlBytes)} limit`,
      'size',
    );
  }
  let xmlBytes = 0;
  let elements = 0;
  for (const part of parts) {
    // A part may inflate to no more than it declared: an archive that lies about sizes stops here.
    const xml = inflated(bytes, part, Math.min(part.size, limits.maxXmlBytes - xmlBytes));
    if (xml.length > part.size)
      throw new ZipLimitError(`${part.name} unpacks to more than the ${part.size} bytes its archive declares`, 'size');
    xmlBytes += xml.length;
    elements += elementCount(xml);
    if (elements > limits.maxElements) {
      throw new ZipLimitError(
        `the document has over ${limits.maxElements.toLocaleString('en')} XML elements (empty paragraphs and runs count too); split it into smaller documents`,
        'elements',
      );
    }
  }
  return { xmlBytes, elements };
}
