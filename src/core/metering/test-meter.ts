import type { Meter } from './meter.ts';

/** A meter for tests: a 15-minute electricity interval meter on Beijing time, with any field changed. */
export const testMeter = (over: Partial<Meter> = {}): Meter => ({
  id: 'm1',
  key: 1,
  factoryId: 'f1',
  medium: 'electricity',
  unit: 'kWh',
  kind: 'interval',
  intervalSeconds: 900,
  rolloverAt: null,
  utcOffsetMinutes: 480,
  name: null,
  ...over,
});
