import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { MeteringService } from '../../services/metering/metering-service.ts';

/** The topic scheme: one topic per meter, `greenmfg/<factory>/<meter>`. */
export const readingsTopic = 'greenmfg/+/+';

/** Connections that share the readings subscription (see startMqttIngest). */
const defaultConnections = 32;

/**
 * Subscribes to the readings topics with QoS 1 and persistent sessions (clean: false), so that the
 * broker keeps what arrives while the server is down. Each message is ingested before it is
 * acknowledged: mqtt.js sends the PUBACK only when `handleMessage` calls back (MQTT 3.1.1 §4.3.2,
 * QoS 1: the receiver owns the message once it has sent PUBACK), and the callback runs after the
 * telemetry store's commit. A message whose commit fails is not acknowledged and is redelivered.
 * Payload: one JSON reading {ts, value, unit?} or an array of them.
 *
 * mqtt.js hands a connection's next message over only after the PUBACK of the one before, so one
 * connection stores one message per commit (about 23 messages a second here under load). So
 * `connections` clients (ids clientId-0, -1, ...) share the subscription ($share/<clientId>/..., the
 * broker deals each message to one of them, to a disconnected one's session too: keep the number
 * of connections the same across restarts). The metering service commits what arrives while a
 * commit runs in the next one together (group commit), and each PUBACK follows its message's commit.
 */
export async function startMqttIngest(options: {
  readonly url: string;
  readonly metering: MeteringService;
  readonly log: (line: string) => void;
  readonly clientId?: string;
  readonly connections?: number | undefined;
}): Promise<{
  readonly clients: readonly MqttClient[];
  readonly close: (forget?: boolean) => Promise<void>;
}> {
  const { metering, log } = options;
  const count = Math.max(1, options.connections ?? defaultConnections);
  const base = options.clientId ?? 'greenmfg-ingest';

  const handle = (packet: IPublishPacket, done: (error?: Error) => void) => {
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

  // The share group is the client id: each deployment (data directory) has its own group, so two
  // greenmfg servers on one broker each get every message, and nothing is dealt to another's sessions.
  const topic = count > 1 ? `$share/${base}/${readingsTopic}` : readingsTopic;
  const clients = Array.from({ length: count }, (_, i) => {
    // Connect synchronously and install the handler before the CONNACK: a resumed session's
    // queued messages arrive right behind it, and the default handler would acknowledge them unstored.
    const client = mqtt.connect(options.url, {
      clientId: count > 1 ? `${base}-${i}` : base,
      clean: false,
      reconnectPeriod: 1000,
    });
    client.handleMessage = handle;
    return client;
  });
  await Promise.all(
    clients.map(async (client) => {
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', reject);
      });
      await client.subscribeAsync(topic, { qos: 1 });
    }),
  );
  log(
    `greenmfg: mqtt: subscribed to ${topic} (QoS 1, ${count} connection${count > 1 ? 's' : ''}) at ${options.url.replace(/\/\/[^@/]*@/, '//***@')}`,
  );
  return {
    clients,
    /** Disconnects; `forget` also ends the subscription, so the broker queues nothing more for it (tests). */
    close: async (forget = false) => {
      if (forget) await Promise.all(clients.map((c) => c.unsubscribeAsync(topic)));
      await Promise.all(clients.map((c) => c.endAsync()));
    },
  };
}
