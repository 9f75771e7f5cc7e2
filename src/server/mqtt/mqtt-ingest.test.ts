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

  beforeAll(async () => {
    const database = await testDatabaseUrl(dir);
    dropDatabase = database.drop;
    store = await openStore(database.url);
    telemetry = await openDuckdbTelemetry(join(dir, 'telemetry.duckdb'));
    metering = await createMeteringService({ meters: store.meters, telemetry });
    await metering.addMeter({
      id: `${tag}-e`,
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
    await ingest.close();
    await telemetry.close();
    await store.close();
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a QoS 1 reading before it sends the PUBACK, and rejects bad ones without blocking', async () => {
    // Every PUBACK the ingest client sends: at that moment the reading must already be durable.
    const storedAtAck: Promise<number>[] = [];
    ingest.client.on('packetsend', (packet) => {
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
});
