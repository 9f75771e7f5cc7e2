/**
 * The traffic of `npm run load` (bench/load.ts): meter gateways streaming readings over HTTP and
 * MQTT on a fixed schedule (open loop: a tick that finds the previous send still open is counted
 * late, not queued), and console users reading dashboards with think time between page views.
 */
import mqtt from 'mqtt';

/** Latencies (ms) and counts of one kind of request. */
export class Tally {
  readonly latencies: number[] = [];
  errors = 0;
  readonly errorSamples: string[] = [];

  record(ms: number): void {
    this.latencies.push(ms);
  }

  fail(what: string): void {
    this.errors++;
    if (this.errorSamples.length < 5) this.errorSamples.push(what);
  }

  /** The q-quantile (0..1) of the recorded latencies, nearest rank; null when none were recorded. */
  quantile(q: number): number | null {
    if (this.latencies.length === 0) return null;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? null;
  }
}

/** A registered simulated meter: its id, factory, telemetry key and the next interval to send. */
export interface SimMeter {
  readonly id: string;
  readonly factoryId: string;
  readonly key: number;
  readonly via: 'http' | 'mqtt';
  next: number;
}

/** The first simulated interval end (epoch seconds) and the meters' interval. */
export const firstTs = Date.UTC(2025, 0, 1) / 1000;
export const intervalSeconds = 60;

/** The next `count` readings of a meter (consecutive intervals, a plausible kWh value each). */
function nextReadings(m: SimMeter, count: number): { ts: string; value: number }[] {
  return Array.from({ length: count }, () => {
    const i = m.next++;
    const ts = new Date((firstTs + (i + 1) * intervalSeconds) * 1000).toISOString();
    return { ts, value: Math.round((20 + (m.key % 50) + 10 * Math.sin(i / 30)) * 100) / 100 };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `send` every `periodMs` until `until`, starting after `offsetMs`; returns how many ticks were late. */
async function everyPeriod(periodMs: number, offsetMs: number, until: number, send: () => Promise<void>) {
  let late = 0;
  await sleep(offsetMs);
  for (let due = Date.now(); due < until; due += periodMs) {
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    else if (wait < -periodMs) {
      late++;
      continue;
    }
    await send();
  }
  return late;
}

export interface StreamCounts {
  httpAcked: number;
  mqttAcked: number;
  late: number;
}

/**
 * One gateway per factory: every period it posts the next `perTick` readings of each of its HTTP
 * meters in one request (acknowledged = `stored` in the server's report, which it sends after the
 * commit) and publishes those of each MQTT meter at QoS 1 (acknowledged by the broker's PUBACK; the
 * server takes them from the broker and acknowledges after its commit).
 */
export async function streamReadings(o: {
  readonly url: string;
  readonly token: string;
  readonly mqttUrl: string;
  readonly meters: readonly SimMeter[];
  readonly periodMs: number;
  readonly perTick: number;
  readonly until: number;
  readonly http: Tally;
  readonly mqtt: Tally;
  readonly counts: StreamCounts;
}): Promise<void> {
  const byFactory = new Map<string, SimMeter[]>();
  for (const m of o.meters) byFactory.set(m.factoryId, [...(byFactory.get(m.factoryId) ?? []), m]);
  const publisher = await mqtt.connectAsync(o.mqttUrl, { clientId: `greenmfg-load-${process.pid}` });
  const gateways = [...byFactory.entries()].map(([factoryId, meters], g) =>
    everyPeriod(o.periodMs, (g * o.periodMs) / byFactory.size, o.until, async () => {
      const httpMeters = meters.filter((m) => m.via === 'http');
      const body = httpMeters.flatMap((m) => nextReadings(m, o.perTick).map((r) => ({ meter: m.id, ...r })));
      const sends: Promise<void>[] = [];
      if (body.length > 0) sends.push(postReadings(o, body));
      for (const m of meters.filter((x) => x.via === 'mqtt')) {
        const payload = JSON.stringify(nextReadings(m, o.perTick));
        const started = performance.now();
        sends.push(
          publisher.publishAsync(`greenmfg/${factoryId}/${m.id}`, payload, { qos: 1 }).then(
            () => {
              o.mqtt.record(performance.now() - started);
              o.counts.mqttAcked += o.perTick;
            },
            (e: unknown) => o.mqtt.fail(String(e)),
          ),
        );
      }
      await Promise.all(sends);
    }),
  );
  o.counts.late += (await Promise.all(gateways)).reduce((a, b) => a + b, 0);
  await publisher.endAsync();
}

async function postReadings(
  o: { readonly url: string; readonly token: string; readonly http: Tally; readonly counts: StreamCounts },
  body: readonly { meter: string; ts: string; value: number }[],
): Promise<void> {
  const started = performance.now();
  try {
    const res = await fetch(`${o.url}/api/v1/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) return o.http.fail(`POST /api/v1/readings ${res.status}: ${text.slice(0, 200)}`);
    o.http.record(performance.now() - started);
    const report = JSON.parse(text) as { stored: number; rejected: unknown[] };
    o.counts.httpAcked += report.stored;
    if (report.rejected.length > 0)
      o.http.fail(`${report.rejected.length} rejected: ${JSON.stringify(report.rejected[0])}`);
  } catch (e) {
    o.http.fail(String(e));
  }
}

/** The dashboard pages a console user opens, each a list of API reads. */
function pageViews(meters: readonly SimMeter[], factoryIds: readonly string[]): (() => string[])[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
  const day = (d: number) => new Date((firstTs + d * 86_400) * 1000).toISOString().slice(0, 10);
  return [
    () => ['/api/v1/stats'],
    () => [`/api/v1/factories?page=${1 + Math.floor(Math.random() * 50)}&pageSize=20&sort=name`],
    () => [`/api/v1/factories?q=${encodeURIComponent(pick(['钢铁', '化工', '电子', '汽车']))}`],
    () => {
      const f = pick(factoryIds);
      return [`/api/v1/factories/${f}`, `/api/v1/factories/${f}/accounts`];
    },
    () => {
      const m = pick(meters);
      return [
        `/api/v1/meters/${m.id}/rollups?grain=hour&from=${day(0)}&to=${day(1)}`,
        `/api/v1/metering/daily?day=${day(0)}&factory=${m.factoryId}`,
      ];
    },
  ];
}

/** `users` console users, each opening a page (its reads in parallel, as a browser does) then thinking. */
export async function readDashboards(o: {
  readonly url: string;
  readonly token: string;
  readonly users: number;
  readonly thinkMs: number;
  readonly meters: readonly SimMeter[];
  readonly until: number;
  readonly tally: Tally;
}): Promise<void> {
  const factoryIds = [...new Set(o.meters.map((m) => m.factoryId))];
  const views = pageViews(o.meters, factoryIds);
  const get = async (path: string) => {
    const started = performance.now();
    try {
      const res = await fetch(`${o.url}${path}`, { headers: { authorization: `Bearer ${o.token}` } });
      await res.arrayBuffer();
      if (res.ok) o.tally.record(performance.now() - started);
      else o.tally.fail(`GET ${path} ${res.status}`);
    } catch (e) {
      o.tally.fail(`GET ${path}: ${String(e)}`);
    }
  };
  await Promise.all(
    Array.from({ length: o.users }, async (_, u) => {
      await sleep((u * o.thinkMs) / o.users);
      while (Date.now() < o.until) {
        const view = views[Math.floor(Math.random() * views.length)];
        if (view) await Promise.all(view().map(get));
        await sleep(o.thinkMs * (0.5 + Math.random()));
      }
    }),
  );
}
