import { createReadStream, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { GmError } from '../../core/errors.ts';
import type { Meter } from '../../core/metering/meter.ts';
import type { Rejection } from '../../core/metering/reading-input.ts';
import { createMeteringService, type IngestReport } from '../../services/metering/metering-service.ts';
import { openConfiguredStore } from '../with-store.ts';
import { openTelemetry } from '../../store/telemetry/open-telemetry.ts';
import { CliExit, type CliIo } from '../io.ts';

/** The two ways a command reaches metering: in process (the data directory is free) or a running server's API. */
interface MeteringClient {
  readonly addMeter: (raw: Record<string, unknown>) => Promise<Meter>;
  readonly listMeters: () => Promise<Meter[]>;
  readonly ingestCsv: (body: Uint8Array) => Promise<IngestReport>;
  readonly close: () => Promise<void>;
}

async function localClient(): Promise<MeteringClient> {
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  let telemetry;
  try {
    telemetry = await openTelemetry({ path: config.telemetryPath, url: config.telemetryUrl });
  } catch (e) {
    await store.close();
    if (e instanceof GmError && e.code === 'GM_DATA_DIR_LOCKED')
      throw new GmError(
        'GM_DATA_DIR_LOCKED',
        `${config.dataDir} is held by a running greenmfg server; pass --server <its URL> to go through its HTTP API`,
        e.details,
      );
    throw e;
  }
  const service = await createMeteringService({ meters: store.meters, telemetry });
  return {
    addMeter: (raw) => service.addMeter(raw),
    listMeters: () => Promise.resolve(service.listMeters()),
    ingestCsv: (body) => service.ingestCsv(body),
    async close() {
      await service.drain();
      await telemetry.close();
      await store.close();
    },
  };
}

/**
 * A running server's metering API. Metering is enterprise data, so every call carries an API token
 * (`--token`, or GREENMFG_TOKEN so that it stays out of the process list) of the enterprise or of an
 * administrator whose region covers the factories.
 */
function httpClient(base: string, token: string | undefined): MeteringClient {
  const call = async <T>(
    path: string,
    init: RequestInit & { headers?: Record<string, string> },
  ): Promise<T> => {
    const res = await fetch(new URL(path, base), {
      ...init,
      headers: { ...init.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const body = (await res.json()) as T & {
      code?: string;
      message?: string;
      details?: Record<string, unknown>;
    };
    if (!res.ok)
      throw new GmError(
        (body.code ?? 'GM_INTERNAL') as never,
        `${body.message ?? res.statusText}${res.status === 401 && !token ? '; pass --token <API token> or set GREENMFG_TOKEN' : ''}`,
        body.details ?? {},
      );
    return body;
  };
  return {
    addMeter: (raw) =>
      call('/api/v1/meters', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(raw),
      }),
    listMeters: async () => (await call<{ items: Meter[] }>('/api/v1/meters', { method: 'GET' })).items,
    ingestCsv: (body) =>
      call('/api/v1/readings', { method: 'POST', headers: { 'content-type': 'text/csv' }, body }),
    close: () => Promise.resolve(),
  };
}

/** Where a command goes: `--server` (with `--token` or GREENMFG_TOKEN) or the data directory in process. */
interface Target {
  readonly server?: string;
  readonly token?: string;
}

const clientFor = (to: Target) =>
  to.server ? Promise.resolve(httpClient(to.server, to.token ?? process.env.GREENMFG_TOKEN)) : localClient();

async function withClient<T>(to: Target, run: (c: MeteringClient) => Promise<T>): Promise<T> {
  const client = await clientFor(to);
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

/**
 * Reads a CSV file in batches of whole lines, each with the header line in front, as bytes: the
 * service's bulk path scans bytes, so nothing is decoded or split here. `bytes` is how far into
 * the file the batch ends (for the progress bar).
 */
async function* csvBatches(
  file: string,
  rowsPerBatch: number,
): AsyncGenerator<{ body: Uint8Array; bytes: number }> {
  let header: Buffer | undefined;
  let carry: Buffer = Buffer.alloc(0);
  let lines = 0;
  let taken: Buffer[] = [];
  let bytes = 0;
  let yielded = false;
  const batch = () => {
    yielded = true;
    const body = Buffer.concat([header as Buffer, ...taken]);
    taken = [];
    lines = 0;
    return { body, bytes };
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    bytes += (chunk as Buffer).length;
    let buf = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    if (!header) {
      const nl = buf.indexOf(10);
      if (nl < 0) {
        carry = buf;
        continue;
      }
      header = buf.subarray(0, nl + 1);
      buf = buf.subarray(nl + 1);
    }
    // Whole lines go on; the part after the last line feed waits for the next chunk.
    let from = 0;
    for (let at = buf.indexOf(10); at >= 0; at = buf.indexOf(10, at + 1)) {
      if (++lines < rowsPerBatch) continue;
      taken.push(buf.subarray(from, at + 1));
      from = at + 1;
      yield batch();
    }
    const last = buf.lastIndexOf(10);
    if (last + 1 > from) taken.push(buf.subarray(from, last + 1));
    carry = Buffer.from(buf.subarray(last + 1));
  }
  if (!header) {
    if (carry.length === 0) throw new GmError('GM_VALIDATION', `${file} is empty`, { field: 'file' });
    header = Buffer.concat([carry, Buffer.from('\n')]);
    carry = Buffer.alloc(0);
  }
  if (carry.length > 0) taken.push(carry);
  // The last lines, or the header alone (so that a file without data still has its header checked).
  if (taken.length > 0 || !yielded) yield batch();
}

/** `meter add`, `meter list` and `ingest`: metering from the command line. */
export function registerMeteringCommands(program: Command, io: CliIo): void {
  const meter = program.command('meter').description('register and list meters');
  meter
    .command('add')
    .description('register a meter bound to a factory, an energy medium and a unit')
    .requiredOption('--id <id>', 'meter id (letters, digits, ".", "_", "-"; one MQTT topic level)')
    .requiredOption('--factory <id>', 'factory id (the <factory> level of the MQTT topic)')
    .requiredOption(
      '--medium <medium>',
      'energy medium of GB/T 2589-2020, e.g. electricity, natural-gas-gas-field, raw-coal',
    )
    .requiredOption('--unit <unit>', 'unit of the readings, e.g. kWh, m3, t, GJ')
    .option('--kind <kind>', 'interval (use per interval) or counter (cumulative register)', 'interval')
    .option('--interval <seconds>', 'reporting interval in seconds (required for interval meters)')
    .option('--rollover <value>', "a counter's modulus: it wraps to 0 on reaching this")
    .option('--utc-offset <minutes>', 'the site offset from UTC in minutes', '480')
    .option('--name <text>', 'a label')
    .option('--server <url>', 'go through a running server at this URL')
    .option('--token <token>', 'API token for --server (default: env GREENMFG_TOKEN)')
    .option('--json', 'print the meter as JSON')
    .action(
      async (o: {
        id: string;
        factory: string;
        medium: string;
        unit: string;
        kind: string;
        interval?: string;
        rollover?: string;
        utcOffset: string;
        name?: string;
        server?: string;
        token?: string;
        json?: boolean;
      }) => {
        const num = (v: string | undefined) => (v === undefined ? null : Number(v));
        const created = await withClient(o, (c) =>
          c.addMeter({
            id: o.id,
            factoryId: o.factory,
            medium: o.medium,
            unit: o.unit,
            kind: o.kind,
            intervalSeconds: num(o.interval),
            rolloverAt: num(o.rollover),
            utcOffsetMinutes: Number(o.utcOffset),
            name: o.name ?? null,
          }),
        );
        io.stdout(
          o.json
            ? `${JSON.stringify(created)}\n`
            : `registered meter ${created.id} (${created.kind}, ${created.medium} in ${created.unit}) of factory ${created.factoryId}\n`,
        );
      },
    );
  meter
    .command('list')
    .description('list the registered meters')
    .option('--server <url>', 'go through a running server at this URL')
    .option('--token <token>', 'API token for --server (default: env GREENMFG_TOKEN)')
    .option('--json', 'print JSON')
    .action(async (o: { server?: string; token?: string; json?: boolean }) => {
      const all = await withClient(o, (c) => c.listMeters());
      if (o.json) io.stdout(`${JSON.stringify(all)}\n`);
      else
        for (const m of all)
          io.stdout(
            `${m.id}\t${m.factoryId}\t${m.medium}\t${m.unit}\t${m.kind}${m.intervalSeconds ? `\t${m.intervalSeconds}s` : ''}\n`,
          );
    });

  program
    .command('ingest')
    .description(
      'ingest a CSV file of readings (columns meter, ts, value and optionally unit; ts ISO 8601 or epoch ms): the valid rows are stored, the rest reported',
    )
    .argument('<file>', 'CSV file')
    .option('--batch <rows>', 'rows per batch', '200000')
    .option('--server <url>', 'go through a running server at this URL')
    .option('--token <token>', 'API token for --server (default: env GREENMFG_TOKEN)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, o: { batch: string; server?: string; token?: string; json?: boolean }) => {
      const size = statSync(file).size;
      const totals = { received: 0, stored: 0, duplicates: 0, flags: 0 };
      const rejected: Rejection[] = [];
      await withClient(o, async (c) => {
        const bar =
          io.interactive && !o.json
            ? new SingleBar({ format: 'ingesting [{bar}] {percentage}% {stored} stored', hideCursor: true })
            : null;
        bar?.start(size, 0, { stored: 0 });
        try {
          for await (const batch of csvBatches(file, Math.max(1, Number(o.batch) || 200000))) {
            const report = await c.ingestCsv(batch.body);
            for (const r of report.rejected) rejected.push({ ...r, index: r.index + totals.received });
            totals.received += report.received;
            totals.stored += report.stored;
            totals.duplicates += report.duplicates;
            totals.flags += report.flags.count;
            bar?.update(batch.bytes, { stored: totals.stored });
          }
        } finally {
          bar?.stop();
        }
      });
      if (o.json) io.stdout(`${JSON.stringify({ file, ...totals, rejected })}\n`);
      else
        io.stdout(
          `${file}: ${totals.received} rows, ${totals.stored} stored, ${totals.duplicates} already stored, ${rejected.length} rejected, ${totals.flags} flagged\n`,
        );
      if (rejected.length > 0) {
        const lines = rejected
          .slice(0, 20)
          .map(
            (r) =>
              `row ${r.index + 2}: ${r.reason}: field "${r.field}" ${r.message}${r.value === undefined ? '' : ` (${JSON.stringify(r.value)})`}`,
          );
        throw new CliExit(
          `${rejected.length} row(s) rejected; the valid rows were stored.\n${lines.join('\n')}${rejected.length > 20 ? '\n...' : ''}`,
          2,
        );
      }
    });
}
