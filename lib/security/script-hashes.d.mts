/** Types of script-hashes.mjs (plain JavaScript: the page cache's preload uses it). */
export function policyNonce(policy: string | null | undefined): string | null;
export function hashInlineScripts(html: string, nonce: string): { html: string; hashes: string[] };
export function hashedPolicy(policy: string, hashes: readonly string[]): string;
