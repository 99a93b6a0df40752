/** The status a request is refused with before Next sees it (400 or 405), or 0 when it may pass. */
export function refusalStatus(method: string | undefined, url: string | undefined): 0 | 400 | 405;
