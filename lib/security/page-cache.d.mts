/** Types of page-cache.mjs (plain JavaScript: it is preloaded into `next start`). */
export const CAPTURE_HEADER: 'x-duizhao-page-capture';
export const CACHEABLE_HEADER: 'x-duizhao-page-cacheable';
export const BUILD_VERSION_KEY: unique symbol;

export type ResponseHeaders = Record<string, string | number | string[] | undefined>;

export interface PageEntry {
  version: string;
  /** next-intl's locale cookie, sent to a client that does not hold it yet. */
  cookie: { pair: string; header: string } | undefined;
  headers: Record<string, string> & {
    etag: string;
    vary: string;
    'cache-control': string;
    'content-security-policy': string;
  };
  identity: Buffer;
  gzip: Buffer;
}

export function urlPath(url: string | undefined): string;
export function isCacheableRequest(
  method: string | undefined,
  url: string | undefined,
  headers: ResponseHeaders,
): boolean;
export function cacheEntry(answer: {
  status: number;
  headers: ResponseHeaders;
  body: Buffer;
  version: string;
}): PageEntry | null;
export function acceptsGzip(acceptEncoding: string | undefined): boolean;
export function servedPage(
  entry: PageEntry,
  requestHeaders: ResponseHeaders,
): { status: number; headers: ResponseHeaders; body: Buffer | null };

export class PageCache {
  constructor(options?: { maxBytes?: number; maxEntryBytes?: number });
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  bytes: number;
  entries: Map<string, PageEntry>;
  static size(entry: PageEntry): number;
  get(key: string, version: string): PageEntry | undefined;
  set(key: string, entry: PageEntry): void;
}
