import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * What the fault tests of `npm run test:cluster` drive: a real `greenmfg start` child process on a
 * ClickHouse telemetry cluster, and a meter gateway that posts readings over HTTP, retries every
 * batch until it is acknowledged, and remembers exactly what was acknowledged.
 */
const bin = resolve(import.meta.dirname, '../../../bin/greenmfg.js');

export interface GreenmfgProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** The last 20,000 characters the server printed (for a failing test's message). */
  readonly output: () => string;
}

/** Starts `greenmfg start` on a free loopback port and resolves once it says "serving on". */
export function startGreenmfg(env: Readonly<Record<string, string>>): Promise<GreenmfgProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'start'], {
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let serving = false;
    const onData = (d: Buffer) => {
      out = (out + d.toString()).slice(-20_000);
      const m = serving ? null : /serving on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        serving = true;
        done({ child, url: m[1], output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`greenmfg exited (${code}) before serving:\n${out}`)));
  });
}

/** Kills the server with SIGKILL and waits for it to be gone. */
export function killGreenmfg(p: GreenmfgProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    p.child.once('exit', () => done());
    p.child.kill('SIGKILL');
  });
}

const minute = 60;
export const clusterT0 = Date.UTC(2025, 0, 1) / 1000;

/** A reading's value: an integer, so that sums are exact whatever order ClickHouse adds them in. */
export const valueAt = (meter: number, ts: number) => ((ts / minute) * 7 + meter * 13) % 1000;

const iso = (ts: number) => new Date(ts * 1000).toISOString().replace('.000Z', 'Z');

/** Why a batch was not acknowledged, as the gateway saw it. */
export interface GatewayLog {
  /** Batches answered 503 GM_TELEMETRY_UNAVAILABLE with `retryable: true` (then retried). */
  unavailable: number;
  /** Requests that got no answer (the server was gone), then retried. */
  noAnswer: number;
  /** Anything else: a 200 that stored part of a batch, another status. Must stay empty. */
  unexpected: string[];
}

/**
 * A meter gateway: batch b holds `perMeter` one-minute readings of each meter, posted as JSON and
 * retried (as it is) until the server acknowledges all of it (stored or already stored). Only
 * acknowledged readings enter `acked`.
 */
export function runGateway(opts: {
  readonly url: () => string;
  readonly token: string;
  readonly meters: readonly string[];
  readonly perMeter: number;
}) {
  const acked = new Map<string, Map<number, number>>(opts.meters.map((m) => [m, new Map()]));
  const log: GatewayLog = { unavailable: 0, noAnswer: 0, unexpected: [] };
  let batches = 0;
  let stopping = false;
  let abandoned = false;
  const post = async (body: unknown): Promise<Response | undefined> => {
    try {
      return await fetch(`${opts.url()}/api/v1/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
        body: JSON.stringify(body),
      });
    } catch {
      return undefined;
    }
  };
  const loop = (async () => {
    for (let b = 0; !stopping; b++) {
      const batch = opts.meters.flatMap((meter, mi) =>
        Array.from({ length: opts.perMeter }, (_, k) => {
          const ts = clusterT0 + (b * opts.perMeter + k + 1) * minute;
          return { meter, ts, value: valueAt(mi, ts) };
        }),
      );
      const body = batch.map((r) => ({ meter: r.meter, ts: iso(r.ts), value: r.value }));
      while (!abandoned) {
        const res = await post(body);
        if (!res) {
          log.noAnswer++;
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        const text = await res.text();
        if (res.status === 200) {
          const report = JSON.parse(text) as { stored: number; duplicates: number; rejected: unknown[] };
          if (report.stored + report.duplicates !== batch.length || report.rejected.length > 0)
            log.unexpected.push(`batch ${b}: 200 with ${text.slice(0, 300)}`);
          for (const r of batch) acked.get(r.meter)?.set(r.ts, r.value);
          batches++;
          break;
        }
        const error = JSON.parse(text) as { code?: string; details?: { retryable?: boolean } };
        if (res.status === 503 && error.code === 'GM_TELEMETRY_UNAVAILABLE' && error.details?.retryable) {
          log.unavailable++;
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        log.unexpected.push(`batch ${b}: ${res.status} ${text.slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
  return {
    acked,
    log,
    get batches() {
      return batches;
    },
    /** Resolves once at least `n` more batches have been acknowledged. */
    async waitForBatches(n: number, timeoutMs = 120_000): Promise<void> {
      const target = batches + n;
      const until = Date.now() + timeoutMs;
      while (batches < target) {
        if (Date.now() > until) throw new Error(`gateway: ${batches} of ${target} batches acknowledged`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Stops after the batch in flight is acknowledged, or at once with `abandon` (a failed test). */
    async stop(abandon = false): Promise<void> {
      stopping = true;
      abandoned = abandon;
      await loop;
    },
  };
}

/** Fetches JSON with the gateway's token; returns the status and body. */
export async function getJson<T>(url: string, token: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as T };
}
