import { GmError } from '../../core/errors.ts';
import type { FootprintNetworkRepository, Registry, StoredDataset, TextSource } from '../../core/ports.ts';
import type { NetworkProcess, NetworkProduct } from '../../core/footprint/network.ts';
import { readCsv } from '../read-csv.ts';

/** The OEFDB rows the demo network uses as background data: activity id, source, year, region. */
const OEFDB_ROWS = [
  {
    id: 'oefdb-electricity-cn',
    activity: 'electricity-energy_source_grid_mix',
    source: 'CT',
    year: '2019',
    region: 'CN',
    name: 'Electricity, grid mix, China',
    perTonne: false,
  },
  {
    id: 'oefdb-pp-primary',
    activity: 'plastics_rubber-type_pp_including_forming_primary_material_production',
    source: 'BEIS',
    year: '2021',
    region: 'GB',
    name: 'Polypropylene, primary production incl. forming',
    perTonne: true,
  },
  {
    id: 'oefdb-plastics-primary',
    activity: 'plastics_rubber-type_average_plastics_primary_material_production',
    source: 'BEIS',
    year: '2021',
    region: 'GB',
    name: 'Average plastics, primary production',
    perTonne: true,
  },
] as const;

/** Real listed units the demo network is built around (names as in the MIIT lists). */
const UNITS = {
  steel: { kind: 'factory', name: '河钢股份有限公司唐山分公司' },
  aluminium: { kind: 'factory', name: '内蒙古霍煤鸿骏铝电有限责任公司' },
  copper: { kind: 'factory', name: '紫金铜业有限公司' },
  foam: { kind: 'factory', name: '万华化学（宁波）有限公司' },
  airConditioner: {
    kind: 'product',
    enterprise: '广东美的制冷设备有限公司',
    product: '变频分体挂壁式空调器',
  },
  refrigerator: { kind: 'product', enterprise: '青岛海尔股份有限公司', product: '无霜冷藏冷冻箱' },
} as const;

const SIMULATED = 'SIMULATED demo data (issue 5): figures are illustrative, not reported by the enterprise.';

/** How the demo seeding went: what it wrote, or why it wrote nothing. */
export type SeedOutcome =
  | {
      readonly seeded: true;
      readonly products: number;
      readonly processes: number;
      readonly datasets: number;
    }
  | { readonly seeded: false; readonly reason: string };

async function findUnit(
  registry: Registry,
  unit: (typeof UNITS)[keyof typeof UNITS],
): Promise<{ enterpriseId: string; factoryId: string | null; registryProductId: string | null } | undefined> {
  if (unit.kind === 'factory') {
    const page = await registry.listFactories({ q: unit.name, page: 1, pageSize: 20 });
    const f = page.items.find((x) => x.name === unit.name);
    return f && { enterpriseId: f.enterpriseId, factoryId: f.id, registryProductId: null };
  }
  const page = await registry.listProducts({ q: unit.product, page: 1, pageSize: 200 });
  const p = page.items.find((x) => x.enterpriseName === unit.enterprise);
  return p && { enterpriseId: p.enterpriseId, factoryId: null, registryProductId: p.id };
}

/** Reads the demo's emission factors from the shipped Open Emission Factors Database (CC BY-SA 4.0). */
async function loadOefdbDatasets(source: TextSource): Promise<StoredDataset[]> {
  const table = readCsv(await source.readText('oefdb/OpenEmissionFactorsDB.csv'));
  return OEFDB_ROWS.map((want) => {
    const row = table.rows.find(
      (r) =>
        r.cells['activity_id'] === want.activity &&
        r.cells['source'] === want.source &&
        r.cells['year_released'] === want.year &&
        r.cells['region'] === want.region,
    );
    // AR5 where supplied, else AR4 (many OEFDB rows say "not-supplied" for one of them).
    const factor =
      [row?.cells['kgCO2e-AR5'], row?.cells['kgCO2e-AR4']]
        .map((v) => (v === undefined || v.trim() === '' ? Number.NaN : Number(v)))
        .find((v) => Number.isFinite(v)) ?? Number.NaN;
    if (row === undefined || !Number.isFinite(factor)) {
      throw new GmError(
        'GM_COEFFICIENT_NOT_FOUND',
        `OEFDB has no usable factor for ${want.activity} (${want.source} ${want.year} ${want.region})`,
        {
          activity: want.activity,
        },
      );
    }
    return {
      id: want.id,
      enterpriseId: null,
      name: want.name,
      unit: want.perTonne ? 't' : 'kWh',
      factor,
      dataSource: 'secondary' as const,
      // Generic data: good technology fit, older and (for the BEIS rows) another country.
      dataQuality: { technological: 2, temporal: 2, geographical: want.region === 'CN' ? 1.5 : 3 },
      origin: `OEFDB (CC BY-SA 4.0): ${want.source} ${want.year}, ${want.activity}, ${want.region}`,
    };
  });
}

/**
 * Seeds a small demo supply network on first start, around real listed enterprises (a steel works
 * with its captive power plant, in a cycle; aluminium, copper, insulation foam; an air conditioner
 * and a refrigerator), with OEFDB background data. Every row is marked simulated. Does nothing
 * when a network exists or when the listed enterprises are missing (a registry with other lists).
 */
export async function seedDemoNetwork(ports: {
  footprintNetwork: FootprintNetworkRepository;
  registry: Registry;
  source: TextSource;
}): Promise<SeedOutcome> {
  if ((await ports.footprintNetwork.counts()).products > 0)
    return { seeded: false, reason: 'a network exists' };
  const found: Record<
    string,
    { enterpriseId: string; factoryId: string | null; registryProductId: string | null }
  > = {};
  for (const [key, unit] of Object.entries(UNITS)) {
    const hit = await findUnit(ports.registry, unit);
    if (hit === undefined)
      return {
        seeded: false,
        reason: `listed unit not found: ${unit.kind === 'factory' ? unit.name : unit.enterprise}`,
      };
    found[key] = hit;
  }
  const at = (key: keyof typeof UNITS) => found[key]!;
  const datasets = await loadOefdbDatasets(ports.source);
  const product = (
    id: string,
    key: keyof typeof UNITS,
    name: string,
    unit: string,
    classification: string,
    published: boolean,
  ): NetworkProduct & { simulated: true } => ({
    id,
    enterpriseId: at(key).enterpriseId,
    name,
    unit,
    registryProductId: at(key).registryProductId,
    classification,
    published,
    simulated: true,
  });
  const products = [
    product('demo-steel-hrc', 'steel', 'Hot-rolled steel coil', 't', 'urn:pact:cpc:4121', true),
    product('demo-bf-slag', 'steel', 'Granulated blast-furnace slag', 't', 'urn:pact:cpc:3442', false),
    product(
      'demo-captive-power',
      'steel',
      'Electricity, captive power plant',
      'kWh',
      'urn:pact:cpc:1710',
      false,
    ),
    product('demo-aluminium-ingot', 'aluminium', 'Primary aluminium ingot', 't', 'urn:pact:cpc:4153', true),
    product('demo-copper-tube', 'copper', 'Copper tube', 't', 'urn:pact:cpc:4154', false),
    product('demo-pu-foam', 'foam', 'Polyurethane insulation foam', 't', 'urn:pact:cpc:3470', true),
    product(
      'demo-air-conditioner',
      'airConditioner',
      'Split inverter wall-mounted air conditioner',
      'unit',
      'urn:pact:cpc:4482',
      true,
    ),
    product(
      'demo-refrigerator',
      'refrigerator',
      'Frost-free refrigerator-freezer',
      'unit',
      'urn:pact:cpc:4481',
      true,
    ),
  ];
  const base = {
    dataQuality: { technological: 1.2, temporal: 1.1, geographical: 1 },
    referencePeriodStart: '2024-01-01T00:00:00Z',
    referencePeriodEnd: '2025-01-01T00:00:00Z',
    allocation: 'economic' as const,
    simulated: true as const,
  };
  const proc = (
    id: string,
    key: keyof typeof UNITS,
    name: string,
    geography: string,
    directEmissions: number,
    outputs: NetworkProcess['outputs'],
    inputs: NetworkProcess['inputs'],
    dataSource: NetworkProcess['dataSource'] = 'primary',
  ) => ({
    ...base,
    id,
    enterpriseId: at(key).enterpriseId,
    factoryId: at(key).factoryId,
    name: `${name} [${SIMULATED}]`,
    directEmissions,
    dataSource,
    ...(dataSource === 'secondary'
      ? { dataQuality: { technological: 2.5, temporal: 2, geographical: 2 } }
      : {}),
    geography,
    outputs,
    inputs,
  });
  const p = (productId: string, amount: number) => ({ kind: 'product' as const, productId, amount });
  const d = (datasetId: string, amount: number) => ({ kind: 'dataset' as const, datasetId, amount });
  const processes = [
    // Steel and slag are co-products of the blast furnace route, allocated by value (4,000 vs 100 CNY/t).
    proc(
      'demo-proc-steel',
      'steel',
      'BF-BOF steelmaking and hot rolling',
      'CN-HE',
      1650,
      [
        { productId: 'demo-steel-hrc', quantity: 1, price: 4000 },
        { productId: 'demo-bf-slag', quantity: 0.3, price: 100 },
      ],
      [p('demo-captive-power', 450), d('oefdb-electricity-cn', 60)],
    ),
    // The captive plant burns works gases and consumes steel for upkeep: a steel-electricity cycle.
    proc(
      'demo-proc-captive-power',
      'steel',
      'Captive power plant',
      'CN-HE',
      0.82,
      [{ productId: 'demo-captive-power', quantity: 1 }],
      [p('demo-steel-hrc', 0.00002)],
    ),
    proc(
      'demo-proc-aluminium',
      'aluminium',
      'Hall-Heroult electrolysis and casting',
      'CN-NM',
      1600,
      [{ productId: 'demo-aluminium-ingot', quantity: 1 }],
      [d('oefdb-electricity-cn', 13500)],
    ),
    proc(
      'demo-proc-copper',
      'copper',
      'Copper tube drawing',
      'CN-FJ',
      500,
      [{ productId: 'demo-copper-tube', quantity: 1 }],
      [d('oefdb-electricity-cn', 3000)],
      'secondary',
    ),
    proc(
      'demo-proc-foam',
      'foam',
      'Polyurethane foam production',
      'CN-ZJ',
      800,
      [{ productId: 'demo-pu-foam', quantity: 1 }],
      [d('oefdb-plastics-primary', 0.7), d('oefdb-electricity-cn', 1200)],
    ),
    proc(
      'demo-proc-air-conditioner',
      'airConditioner',
      'Air conditioner assembly',
      'CN-GD',
      15,
      [{ productId: 'demo-air-conditioner', quantity: 1 }],
      [
        p('demo-steel-hrc', 0.035),
        p('demo-aluminium-ingot', 0.008),
        p('demo-copper-tube', 0.006),
        d('oefdb-pp-primary', 0.01),
        d('oefdb-electricity-cn', 120),
      ],
    ),
    proc(
      'demo-proc-refrigerator',
      'refrigerator',
      'Refrigerator assembly',
      'CN-SD',
      12,
      [{ productId: 'demo-refrigerator', quantity: 1 }],
      [
        p('demo-steel-hrc', 0.04),
        p('demo-aluminium-ingot', 0.003),
        p('demo-copper-tube', 0.002),
        p('demo-pu-foam', 0.008),
        d('oefdb-pp-primary', 0.015),
        d('oefdb-electricity-cn', 95),
      ],
    ),
  ];
  await ports.footprintNetwork.save({ datasets, products, processes });
  return { seeded: true, products: products.length, processes: processes.length, datasets: datasets.length };
}
