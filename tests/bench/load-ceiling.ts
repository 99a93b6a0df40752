/**
 * The serving targets of the load test (issue "Fast", docs/load-test.md): each endpoint alone at
 * the same concurrency, as a share of the server's ceiling measured in the same run, one of the
 * app's static JS chunks (Next reads it from disk and sends it, no rendering): so the figure
 * survives a machine whose speed changes with what else runs on it.
 */
import autocannon from 'autocannon';
import { readerPath } from './load-mix';
import { figure, type Figure } from './results';
import { summarise } from './stats';

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

/** What one slice of one endpoint measured: its answers' latencies (ms) and the rest in totals. */
interface Slice {
  latencies: number[];
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytes: number;
}

/** One endpoint alone for one slice: `connections` clients cycling through its paths. */
async function slice(url: string, endpoint: Endpoint, connections: number, seconds: number, timeout: number) {
  const latencies: number[] = [];
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout,
        requests: endpoint.paths.map((path) => ({ method: 'GET', path })),
      },
      (error: unknown, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await done;
  return {
    latencies,
    seconds: result.duration || seconds,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytes: result.throughput.total,
  } satisfies Slice;
}

/**
 * Every endpoint alone for `seconds` in all, in `rounds` interleaved slices (ceiling, library,
 * reader, search, ceiling, …): on a machine shared with other work the load changes from one
 * second to the next, and interleaving spreads that over all of them instead of one.
 */
export async function runAlone(
  url: string,
  list: readonly Endpoint[],
  connections: number,
  seconds: number,
  timeout: number,
  rounds = 4,
  log: (line: string) => void = () => undefined,
): Promise<EndpointFigures[]> {
  const slices = list.map((): Slice[] => []);
  for (let round = 0; round < rounds; round++) {
    log(`alone, round ${round + 1} of ${rounds}: ${list.length} endpoints, ${(seconds / rounds).toFixed(1)} s each`);
    for (const [i, endpoint] of list.entries())
      slices[i]!.push(await slice(url, endpoint, connections, seconds / rounds, timeout));
  }
  return list.map((endpoint, i) => {
    const own = slices[i]!;
    const latencies = own.flatMap((s) => s.latencies);
    const total = (key: 'seconds' | 'errors' | 'timeouts' | 'non2xx' | 'bytes') => own.reduce((n, s) => n + s[key], 0);
    const stats = summarise(latencies);
    return {
      ...endpoint,
      rps: latencies.length / total('seconds'),
      p50: stats.p50,
      p99: stats.p99,
      errors: total('errors'),
      timeouts: total('timeouts'),
      non2xx: total('non2xx'),
      bytesPerAnswer: total('bytes') / Math.max(1, latencies.length),
    };
  });
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
