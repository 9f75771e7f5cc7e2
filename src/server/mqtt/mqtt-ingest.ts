import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { MeteringService } from '../../services/metering/metering-service.ts';

/** The topic scheme: one topic per meter, `greenmfg/<factory>/<meter>`. */
export const readingsTopic = 'greenmfg/+/+';

/**
 * Subscribes to the readings topics with QoS 1 and a persistent session (clean: false), so that the
 * broker keeps what arrives while the server is down. Each message is ingested before it is
 * acknowledged: mqtt.js sends the PUBACK only when `handleMessage` calls back (MQTT 3.1.1 §4.3.2,
 * QoS 1: the receiver owns the message once it has sent PUBACK), and the callback runs after the
 * telemetry store's commit. A message whose commit fails is not acknowledged and is redelivered.
 * Payload: one JSON reading {ts, value, unit?} or an array of them.
 */
export async function startMqttIngest(options: {
  readonly url: string;
  readonly metering: MeteringService;
  readonly log: (line: string) => void;
  readonly clientId?: string;
}): Promise<{ readonly client: MqttClient; readonly close: () => Promise<void> }> {
  const { metering, log } = options;
  // Connect synchronously and install the handler before the CONNACK: a resumed session's queued
  // messages arrive right behind it, and the default handler would acknowledge them unstored.
  const client = mqtt.connect(options.url, {
    clientId: options.clientId ?? 'greenmfg-ingest',
    clean: false,
    reconnectPeriod: 1000,
  });
  client.handleMessage = (packet: IPublishPacket, done: (error?: Error) => void) => {
    const parts = packet.topic.split('/');
    const [, factoryId, meterId] = parts;
    if (parts.length !== 3 || !factoryId || !meterId) {
      log(`greenmfg: mqtt: ignored a message on ${packet.topic} (topics are greenmfg/<factory>/<meter>)`);
      done();
      return;
    }
    let items: unknown[];
    try {
      const text = typeof packet.payload === 'string' ? packet.payload : packet.payload.toString('utf8');
      const parsed: unknown = JSON.parse(text);
      items = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      log(`greenmfg: mqtt: ${packet.topic}: payload is not JSON; dropped`);
      done();
      return;
    }
    metering.ingestItems(items, { meterId, factoryId }).then(
      (report) => {
        if (report.rejected.length > 0)
          log(
            `greenmfg: mqtt: ${packet.topic}: ${report.rejected.length} of ${report.received} rejected (first: ${report.rejected[0]?.reason}: ${report.rejected[0]?.message})`,
          );
        done();
      },
      (error: unknown) => {
        log(`greenmfg: mqtt: ${packet.topic}: not stored, not acknowledged: ${String(error)}`);
        done(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  await client.subscribeAsync(readingsTopic, { qos: 1 });
  log(
    `greenmfg: mqtt: subscribed to ${readingsTopic} (QoS 1) at ${options.url.replace(/\/\/[^@/]*@/, '//***@')}`,
  );
  return { client, close: () => client.endAsync() };
}
