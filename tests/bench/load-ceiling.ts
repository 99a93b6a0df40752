/**
 * The serving targets of the load test (issue "Fast", docs/load-test.md): each endpoint alone at
 * the same concurrency, as a share of the server's ceiling measured in the same run, one of the
 * app's static JS chunks (Next reads it from disk and sends it, no rendering): so the figure
 * survives a machine whose speed changes with what else runs on it.
 */
import autocannon from 'autocannon';
import { readerPath } from './load-mix';
import { figure, type Figure } from './results';

/** What a share of the ceiling must reach, and the p99 each must stay under (the targets). */
export const CEILING_TARGETS = { page: 0.25, search: 0.5, p99Ms: 100 } as const;

export interface Endpoint {
  name: string;
  kind: 'ceiling' | 'page' | 'search';
  paths: string[];
}

export interface EndpointFigures extends Endpoint {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Mean body bytes per answer. */
  bytesPerAnswer: number;
}

/** The first static JS chunk the library page loads: the ceiling's request. */
export async function staticChunkPath(url: string): Promise<string> {
  const html = await (await fetch(`${url}/en`)).text();
  const chunk = /\/_next\/static\/chunks\/[^"'?\s]+\.js/.exec(html)?.[0];
  if (chunk === undefined) throw new Error(`${url}/en names no /_next/static/chunks/*.js to measure the ceiling with`);
  return chunk;
}

/** The endpoints the issue names: the ceiling first, then the library, a reader page, search. */
export function endpoints(chunk: string, docIds: readonly string[], query = '合作'): Endpoint[] {
  return [
    { name: 'static JS chunk (ceiling)', kind: 'ceiling', paths: [chunk] },
    { name: 'library page /en', kind: 'page', paths: ['/en'] },
    { name: 'reader page /en/read/<id>', kind: 'page', paths: docIds.map((id) => readerPath(id)) },
    { name: `/api/search?q=${query}`, kind: 'search', paths: [`/api/search?q=${encodeURIComponent(query)}`] },
  ];
}

/** One endpoint alone: `connections` clients cycling through its paths for `seconds`. */
export async function runAlone(
  url: string,
  endpoint: Endpoint,
  connections: number,
  seconds: number,
  timeout: number,
): Promise<EndpointFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout,
    requests: endpoint.paths.map((path) => ({ method: 'GET', path })),
  });
  const answers = Math.max(1, result.requests.total);
  return {
    ...endpoint,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerAnswer: result.throughput.total / answers,
  };
}

/** Each endpoint's share of the ceiling's rate, and whether it meets its target. */
export function verdicts(runs: readonly EndpointFigures[]) {
  const ceiling = runs.find((r) => r.kind === 'ceiling');
  return runs
    .filter((r) => r.kind !== 'ceiling')
    .map((r) => {
      const share = ceiling && ceiling.rps > 0 ? r.rps / ceiling.rps : Number.NaN;
      const target = r.kind === 'search' ? CEILING_TARGETS.search : CEILING_TARGETS.page;
      const clean = r.errors === 0 && r.timeouts === 0 && r.non2xx === 0;
      return { name: r.name, share, target, met: share >= target && r.p99 < CEILING_TARGETS.p99Ms && clean };
    });
}

export function ceilingTable(runs: readonly EndpointFigures[], connections: number): string[] {
  const widths = [30, 8, 8, 8, 10, 8, 8, 10];
  const row = (cells: Array<string | number>) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
  const byName = new Map(verdicts(runs).map((v) => [v.name, v]));
  const lines = [
    `each alone at ${connections} connections; share: of the static chunk's req/s in this run`,
    row(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'share', 'errors', 'kB/ans', 'target']),
  ];
  for (const r of runs) {
    const v = byName.get(r.name);
    lines.push(
      row([
        r.name,
        r.rps.toFixed(0),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        v ? `${(v.share * 100).toFixed(1)}%` : '100%',
        r.errors + r.timeouts + r.non2xx,
        (r.bytesPerAnswer / 1024).toFixed(1),
        v ? `${v.met ? 'met' : 'NOT met'} ≥${v.target * 100}%` : '—',
      ]),
    );
  }
  return lines;
}

export function ceilingFigures(runs: readonly EndpointFigures[]): Figure[] {
  const ceiling = runs.find((r) => r.kind === 'ceiling');
  const baseline = ceiling ? { name: ceiling.name, value: ceiling.rps } : undefined;
  return runs.flatMap((r) => {
    const target = r.kind === 'search' ? CEILING_TARGETS.search : CEILING_TARGETS.page;
    const rate = figure(
      `${r.name} requests/s, alone`,
      r.rps,
      'req/s',
      'higher',
      r.kind === 'ceiling' ? undefined : baseline,
    );
    return [
      r.kind === 'ceiling' || !ceiling ? rate : { ...rate, target: target * ceiling.rps },
      { ...figure(`${r.name} latency p99, alone`, r.p99, 'ms', 'lower'), target: CEILING_TARGETS.p99Ms },
      figure(`${r.name} kB per answer`, r.bytesPerAnswer / 1024, 'kB', 'lower'),
    ];
  });
}
