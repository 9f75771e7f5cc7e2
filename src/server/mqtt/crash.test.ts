import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { makeTestDataDir, type TestDataDir } from '../../cli/testing/run-greenmfg.ts';
import { createOperator, issueOperatorToken } from '../testing/operator-token.ts';

const bin = resolve(import.meta.dirname, '../../../bin/greenmfg.js');
const brokerUrl = process.env.GREENMFG_TEST_MQTT ?? 'mqtt://127.0.0.1:1883';

/** Starts `greenmfg start` on a free port and resolves with its URL from the "serving on" log line. */
function startServer(place: TestDataDir): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, 'start'], {
      env: {
        ...process.env,
        ...place.env,
        PORT: '0',
        HOST: '127.0.0.1',
        GREENMFG_MQTT_URL: brokerUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) resolvePromise({ child, url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before serving:\n${out}`)));
  });
}

const iso = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace('.000Z', 'Z');

describe('acknowledged means durable', () => {
  it('keeps every reading acknowledged over HTTP and MQTT when the server is killed with SIGKILL mid-stream', async () => {
    const dir = await makeTestDataDir('greenmfg-crash-');
    const tag = `c${process.pid}${Date.now().toString(36)}`;
    try {
      // Metering is enterprise data: the stream goes in with a national administrator's API token.
      await createOperator(dir.env);
      const first = await startServer(dir);
      const token = await issueOperatorToken(first.url);
      const authorization = `Bearer ${token}`;
      const post = (path: string, body: unknown) =>
        fetch(`${first.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify(body),
        });
      for (const id of ['h', 'q'])
        expect(
          (
            await post('/api/v1/meters', {
              id: `${tag}-${id}`,
              factoryId: `${tag}-f`,
              medium: 'electricity',
              unit: 'kWh',
              intervalSeconds: 60,
              utcOffsetMinutes: 0,
            })
          ).status,
        ).toBe(201);

      const ackedHttp: number[] = [];
      const ackedMqtt: number[] = [];
      let stop = false;
      const httpStream = (async () => {
        for (let b = 0; !stop; b++) {
          const batch = Array.from({ length: 500 }, (_, k) => ({
            meter: `${tag}-h`,
            ts: iso(b * 500 + k),
            value: k,
          }));
          try {
            const res = await post('/api/v1/readings', batch);
            const report = (await res.json()) as { stored: number };
            if (res.ok && report.stored === 500) ackedHttp.push(...batch.map((_, k) => b * 500 + k));
          } catch {
            return; // the server is gone: this batch was never acknowledged
          }
        }
      })();
      const publisher = await mqtt.connectAsync(brokerUrl, { clientId: `crash-pub-${tag}` });
      const mqttStream = (async () => {
        // Mosquitto keeps at most max_queued_messages (default 1000) for a session that is behind
        // or offline and drops the rest; the stream stays under that so that every message the
        // broker took is still the broker's to redeliver after the kill, whatever the machine's load.
        for (let i = 0; !stop && i < 800; i++) {
          // The broker's PUBACK to us only says the broker has it; what the server acknowledged is
          // checked after restart from the server's own store, below.
          await publisher.publishAsync(
            `greenmfg/${tag}-f/${tag}-q`,
            JSON.stringify({ ts: iso(i), value: 1 }),
            {
              qos: 1,
            },
          );
          ackedMqtt.push(i);
        }
      })();
      await new Promise((r) => setTimeout(r, 2500));
      first.child.kill('SIGKILL');
      stop = true;
      await httpStream;
      await mqttStream;
      await publisher.endAsync();
      expect(ackedHttp.length).toBeGreaterThan(0);

      const second = await startServer(dir);
      try {
        const count = async (meter: string) =>
          (
            (await (
              await fetch(
                `${second.url}/api/v1/meters/${meter}/readings?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z`,
                { headers: { authorization } },
              )
            ).json()) as { items: { ts: string }[] }
          ).items;
        const stored = new Set((await count(`${tag}-h`)).map((r) => r.ts));
        const missing = ackedHttp.filter((i) => !stored.has(iso(i)));
        expect(missing).toEqual([]);
        // MQTT: the persistent session redelivers what the killed server never acknowledged, so
        // after the restart every reading the broker took arrives exactly once.
        let mqttStored = 0;
        for (let i = 0; i < 600 && mqttStored < ackedMqtt.length; i++) {
          mqttStored = (await count(`${tag}-q`)).length;
          if (mqttStored < ackedMqtt.length) await new Promise((r) => setTimeout(r, 100));
        }
        expect(mqttStored).toBe(ackedMqtt.length);
      } finally {
        second.child.kill('SIGTERM');
        await new Promise((r) => second.child.once('exit', r));
      }
    } finally {
      await dir.dispose();
    }
  }, 120_000);
});
