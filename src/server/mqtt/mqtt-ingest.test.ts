import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeteringService, type MeteringService } from '../../services/metering/metering-service.ts';
import { testDatabaseUrl } from '../../store/contract/test-backends.ts';
import { openStore, type Store } from '../../store/open-store.ts';
import { openDuckdbTelemetry } from '../../store/telemetry/duckdb-telemetry.ts';
import type { Telemetry } from '../../core/ports.ts';
import { startMqttIngest } from './mqtt-ingest.ts';

// The real Mosquitto broker (README: tests expect it on 127.0.0.1:1883).
const brokerUrl = process.env.GREENMFG_TEST_MQTT ?? 'mqtt://127.0.0.1:1883';
const tag = `t${process.pid}${Date.now().toString(36)}`;

describe('MQTT ingest against the real broker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'greenmfg-mqtt-'));
  let store: Store;
  let dropDatabase = () => Promise.resolve();
  let telemetry: Telemetry;
  let metering: MeteringService;
  let ingest: Awaited<ReturnType<typeof startMqttIngest>>;
  const log: string[] = [];
  let commits = 0;

  beforeAll(async () => {
    const database = await testDatabaseUrl(dir);
    dropDatabase = database.drop;
    store = await openStore(database.url);
    telemetry = await openDuckdbTelemetry(join(dir, 'telemetry.duckdb'));
    const counted: Telemetry = {
      ...telemetry,
      commit: (batch) => {
        commits++;
        return telemetry.commit(batch);
      },
    };
    metering = await createMeteringService({ meters: store.meters, telemetry: counted });
    for (const m of ['e', 'g1', 'g2', 'g3'])
      await metering.addMeter({
        id: `${tag}-${m}`,
        factoryId: `${tag}-f`,
        medium: 'electricity',
        unit: 'kWh',
        intervalSeconds: 900,
      });
    ingest = await startMqttIngest({
      url: brokerUrl,
      metering,
      log: (l) => log.push(l),
      clientId: `greenmfg-test-${tag}`,
    });
  });
  afterAll(async () => {
    await ingest.close(true);
    await telemetry.close();
    await store.close();
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a QoS 1 reading before it sends the PUBACK, and rejects bad ones without blocking', async () => {
    // Every PUBACK the ingest client sends: at that moment the reading must already be durable.
    const storedAtAck: Promise<number>[] = [];
    for (const client of ingest.clients)
      client.on('packetsend', (packet) => {
        if (packet.cmd === 'puback')
          storedAtAck.push(metering.readings(`${tag}-e`, 0, 2 ** 32 - 1).then((r) => r.length));
      });
    const publisher = await mqtt.connectAsync(brokerUrl, { clientId: `pub-${tag}` });
    try {
      const topic = `greenmfg/${tag}-f/${tag}-e`;
      const readings = Array.from({ length: 20 }, (_, i) => ({
        ts: `2024-01-01T${String(Math.floor((i + 1) / 4)).padStart(2, '0')}:${String(((i + 1) % 4) * 15).padStart(2, '0')}:00+08:00`,
        value: i + 1,
      }));
      for (const r of readings) await publisher.publishAsync(topic, JSON.stringify(r), { qos: 1 });
      const until = async (n: number) => {
        for (let i = 0; i < 200 && storedAtAck.length < n; i++) await new Promise((r) => setTimeout(r, 25));
      };
      await until(20);
      const counts = await Promise.all(storedAtAck.slice(0, 20));
      counts.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(i + 1));
      await publisher.publishAsync(topic, JSON.stringify([{ ts: 'bad', value: 1 }]), { qos: 1 });
      await publisher.publishAsync(topic, 'not json', { qos: 1 });
      await publisher.publishAsync(`greenmfg/other-factory/${tag}-e`, JSON.stringify(readings[0]), {
        qos: 1,
      });
      // An array payload, with one reading already stored (idempotent) and one new.
      await publisher.publishAsync(
        topic,
        JSON.stringify([readings[0], { ts: '2024-01-01T05:15:00+08:00', value: 7 }]),
        { qos: 1 },
      );
      await until(24);
      expect(await metering.readings(`${tag}-e`, 0, 2 ** 32 - 1)).toHaveLength(21);
      expect(log.some((l) => l.includes('timestamp'))).toBe(true);
      expect(log.some((l) => l.includes('not JSON'))).toBe(true);
      expect(log.some((l) => l.includes('unknown-meter'))).toBe(true);
      expect(metering.meterMonth(`${tag}-e`, '2024-01').sum).toBe(210 + 7);
    } finally {
      await publisher.endAsync();
    }
  });

  it('stores a burst from many meters in group commits, each message checked against its own topic', async () => {
    const publishers = await Promise.all(
      [0, 1, 2].map((i) => mqtt.connectAsync(brokerUrl, { clientId: `pub-${tag}-${i}` })),
    );
    try {
      const acked = log.length;
      const before = commits;
      const perMeter = 100;
      const ts = (k: number) => new Date(Date.UTC(2024, 1, 1) + k * 900_000).toISOString();
      // 3 meters x 100 quarter-hours, published all at once; and g1's readings on g2's factory topic
      // (a topic naming a meter under another factory) mixed into the burst.
      const sends = [1, 2, 3].flatMap((g) =>
        Array.from({ length: perMeter }, (_, k) =>
          (publishers[g - 1] as mqtt.MqttClient).publishAsync(
            `greenmfg/${tag}-f/${tag}-g${g}`,
            JSON.stringify({ ts: ts(k + 1), value: g * 1000 + k }),
            { qos: 1 },
          ),
        ),
      );
      sends.push(
        (publishers[0] as mqtt.MqttClient).publishAsync(
          `greenmfg/${tag}-other/${tag}-g1`,
          JSON.stringify({ ts: ts(perMeter + 1), value: 5 }),
          { qos: 1 },
        ),
      );
      await Promise.all(sends);
      const stored = async () =>
        (await Promise.all([1, 2, 3].map((g) => metering.readings(`${tag}-g${g}`, 0, 2 ** 32 - 1)))).map(
          (r) => r.length,
        );
      for (let i = 0; i < 400; i++) {
        if ((await stored()).every((n) => n === perMeter)) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(await stored()).toEqual([perMeter, perMeter, perMeter]);
      for (const g of [1, 2, 3]) {
        const values = (await metering.readings(`${tag}-g${g}`, 0, 2 ** 32 - 1)).map((r) => r.value);
        expect(values).toEqual(Array.from({ length: perMeter }, (_, k) => g * 1000 + k));
      }
      for (let i = 0; i < 200 && !log.slice(acked).some((l) => l.includes(`${tag}-other`)); i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(log.slice(acked).filter((l) => l.includes('unknown-meter'))).toEqual([
        expect.stringContaining(`greenmfg/${tag}-other/${tag}-g1: 1 of 1 rejected`),
      ]);
      // 301 messages arrived over 32 connections: they went in fewer commits than messages.
      expect(commits - before).toBeLessThan(301);
    } finally {
      await Promise.all(publishers.map((p) => p.endAsync()));
    }
  });
});
