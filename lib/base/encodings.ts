/**
 * The encodings a source may be in, each by the name TextDecoder reports for it (lib/pipeline/decode.ts
 * also takes a few other WHATWG labels for these, e.g. gb2312 for gbk). The import form offers
 * exactly these; meta.json may use the other labels too.
 */
export const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be'] as const;
