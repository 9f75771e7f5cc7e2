import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { MeteringService } from '../../services/metering/metering-service.ts';

/** The topic scheme: one topic per meter, `greenmfg/<factory>/<meter>`. */
export const readingsTopic = 'greenmfg/+/+';

/** Connections that share the readings subscription (see startMqttIngest). */
const defaultConnections = 8;

interface Delivered {
  readonly topic: string;
  readonly meterId: string;
  readonly factoryId: string;
  readonly items: unknown[];
  readonly done: (error?: Error) => void;
}

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
 * of connections the same across restarts), and what they deliver while a commit runs is stored
 * in the next commit together (group commit); every message of the group is acknowledged after it.
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

  const waiting: Delivered[] = [];
  let flushing = false;
  const flush = async () => {
    flushing = true;
    while (waiting.length > 0) {
      const group = waiting.splice(0);
      try {
        const { rejected } = await metering.ingestMessages(group);
        group.forEach((d, i) => {
          const r = rejected[i] ?? [];
          if (r.length > 0)
            log(
              `greenmfg: mqtt: ${d.topic}: ${r.length} of ${d.items.length} rejected (first: ${r[0]?.reason}: ${r[0]?.message})`,
            );
          d.done();
        });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        log(`greenmfg: mqtt: ${group.length} message(s) not stored, not acknowledged: ${e.message}`);
        for (const d of group) d.done(e);
      }
    }
    flushing = false;
  };

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
    waiting.push({ topic: packet.topic, meterId, factoryId, items, done });
    if (!flushing) void flush();
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
