import { ReadingColumns } from '../../core/metering/reading-input.ts';
import { steelFeedReadings } from '../../core/metering/steel-feed.ts';
import type { TextSource } from '../../core/ports.ts';
import { readCsv } from '../read-csv.ts';
import type { IngestReport, MeteringService } from './metering-service.ts';

/** The shipped steel plant feed: a real plant's 15-minute electricity use in 2018 (README, datasets). */
export const steelDemo = {
  path: 'steel-industry-energy/Steel_industry_data.csv',
  meterId: 'demo-steel-electricity',
  factoryId: 'demo-daewoo-steel-gwangyang',
  // The plant is in Gwangyang, South Korea: Korea Standard Time, UTC+9.
  utcOffsetMinutes: 540,
} as const;

/**
 * Registers the demo meter and loads the steel plant feed into it, unless the meter exists already
 * (first start only). Returns the ingest report, or undefined when nothing was done.
 */
export async function loadSteelDemo(deps: {
  readonly metering: MeteringService;
  readonly source: TextSource;
}): Promise<IngestReport | undefined> {
  const { metering, source } = deps;
  if (metering.listMeters().some((m) => m.id === steelDemo.meterId)) return undefined;
  const table = readCsv(await source.readText(steelDemo.path));
  const { readings, issues } = steelFeedReadings(table.rows, steelDemo.utcOffsetMinutes);
  if (table.issues.length + issues.length > 0) {
    const first = [...table.issues, ...issues][0];
    throw new Error(`${source.describe(steelDemo.path)}: row ${first?.row ?? '?'}: ${first?.message ?? ''}`);
  }
  const meter = await metering.addMeter({
    id: steelDemo.meterId,
    factoryId: steelDemo.factoryId,
    medium: 'electricity',
    unit: 'kWh',
    kind: 'interval',
    intervalSeconds: 900,
    utcOffsetMinutes: steelDemo.utcOffsetMinutes,
    name: 'DAEWOO Steel, Gwangyang: plant electricity (UCI steel industry energy data, 2018; demo)',
  });
  const columns = new ReadingColumns(readings.length);
  readings.forEach((r, i) => columns.push(i, meter, r.ts, r.value));
  return metering.ingestValid(columns);
}
