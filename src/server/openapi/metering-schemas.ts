import { int, itemsOf, nullable, num, objectOf, str } from './schemas.ts';

const meter = objectOf({
  id: str,
  key: int,
  factoryId: str,
  medium: str,
  unit: str,
  kind: { type: 'string', enum: ['interval', 'counter'] },
  intervalSeconds: nullable('integer'),
  rolloverAt: nullable('number'),
  utcOffsetMinutes: int,
  name: nullable('string'),
});

const bucket = objectOf({ bucket: str, sum: num, readings: int });

const ingestReport = objectOf({
  received: int,
  stored: int,
  duplicates: int,
  rejected: {
    type: 'array',
    items: objectOf({ index: int, reason: str, field: str, message: str, value: {}, stored: num }, [
      'value',
      'stored',
    ]),
  },
  flags: objectOf({
    count: int,
    items: { type: 'array', items: objectOf({ index: int, meter: str, ts: str, kind: str, detail: str }) },
  }),
});

const ofMeter = (item: object) => objectOf({ meter: str, items: { type: 'array', items: item } });

/** Response bodies of the metering routes. */
export const meteringResponses = {
  meter,
  items: (item: object) => itemsOf(item),
  ingestReport,
  rollups: objectOf({ meter: str, grain: str, items: { type: 'array', items: bucket } }),
  series: {
    readings: ofMeter(objectOf({ ts: str, value: num })),
    gaps: ofMeter(objectOf({ from: str, to: str, missing: int })),
    flags: ofMeter(objectOf({ ts: str, kind: str, detail: str })),
  },
  daily: objectOf({
    day: str,
    items: { type: 'array', items: objectOf({ meter: str, unit: str, sum: num, readings: int }) },
  }),
  factoryMonth: objectOf({
    factoryId: str,
    month: str,
    tce: nullable('number'),
    tco2: nullable('number'),
    byMedium: {
      type: 'array',
      items: objectOf({ medium: str, unit: str, quantity: num, tce: nullable('number') }),
    },
    coefficientSet: nullable('string'),
    notes: { type: 'array', items: str },
  }),
} as const;
