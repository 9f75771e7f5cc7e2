import { createHash } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import type { Meters } from '../../core/ports.ts';
import { createMeteringService, type MeteringService } from '../../services/metering/metering-service.ts';
import { loadSteelDemo } from '../../services/metering/steel-demo.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import { openTelemetry } from '../../store/telemetry/open-telemetry.ts';
import { startMqttIngest } from './mqtt-ingest.ts';

/**
 * Start-up wiring of metering: open the telemetry store (DuckDB in the data directory, or the
 * ClickHouse cluster of GREENMFG_TELEMETRY_URL), load the catalog
 * and rollups, load the steel plant demo meter on the first start, and subscribe to MQTT when
 * GREENMFG_MQTT_URL is set. `close` stops MQTT, waits for batches in flight and closes the store.
 */
export async function startMetering(
  config: Pick<Config, 'telemetryPath' | 'telemetryUrl' | 'mqttUrl' | 'datasetsDir'> &
    Partial<Pick<Config, 'mqttConnections'>>,
  store: { readonly meters: Meters },
  log: (line: string) => void,
): Promise<{ readonly service: MeteringService; readonly close: () => Promise<void> }> {
  const telemetry = await openTelemetry({ path: config.telemetryPath, url: config.telemetryUrl });
  try {
    const service = await createMeteringService({ meters: store.meters, telemetry });
    const demo = await loadSteelDemo({ metering: service, source: datasetFiles(config.datasetsDir) });
    if (demo)
      log(
        `greenmfg: first start: loaded the steel plant demo meter (${demo.stored} readings of 15-minute electricity, 2018)`,
      );
    // One persistent MQTT session per data directory: the broker queues what arrives while it is down.
    const clientId = `greenmfg-${createHash('sha256').update(config.telemetryPath).digest('hex').slice(0, 12)}`;
    const mqtt = config.mqttUrl
      ? await startMqttIngest({
          url: config.mqttUrl,
          metering: service,
          log,
          clientId,
          connections: config.mqttConnections,
        })
      : null;
    return {
      service,
      async close() {
        await mqtt?.close();
        await service.drain();
        await telemetry.close();
      },
    };
  } catch (e) {
    await telemetry.close();
    throw e;
  }
}
