import type { Kysely } from 'kysely';
import type { FootprintNetworkRepository, StoredDataset } from '../../core/footprint/footprint-ports.ts';
import type {
  BackgroundDataset,
  DataSource,
  NetworkProcess,
  NetworkProduct,
  ProcessInput,
  ProcessOutput,
} from '../../core/footprint/network.ts';
import type { AllocationBasis } from '../../core/footprint/allocation.ts';
import type { Database } from '../schema.ts';

/** The stored supply network over Kysely: queries and row mapping only. */
export function createFootprintNetworkRepository(db: Kysely<Database>): FootprintNetworkRepository {
  return {
    async load() {
      const [products, processes, outputs, inputs, datasets] = await Promise.all([
        db.selectFrom('fp_products').selectAll().orderBy('id').execute(),
        db.selectFrom('fp_processes').selectAll().orderBy('id').execute(),
        db.selectFrom('fp_process_outputs').selectAll().orderBy('process_id').orderBy('product_id').execute(),
        db.selectFrom('fp_process_inputs').selectAll().orderBy('id').execute(),
        db.selectFrom('fp_datasets').selectAll().orderBy('id').execute(),
      ]);
      const outputsOf = new Map<string, ProcessOutput[]>();
      for (const o of outputs) {
        const list = outputsOf.get(o.process_id) ?? [];
        list.push({
          productId: o.product_id,
          quantity: Number(o.quantity),
          ...(o.price === null ? {} : { price: Number(o.price) }),
          ...(o.property === null ? {} : { property: Number(o.property) }),
        });
        outputsOf.set(o.process_id, list);
      }
      const inputsOf = new Map<string, ProcessInput[]>();
      for (const i of inputs) {
        const list = inputsOf.get(i.process_id) ?? [];
        list.push(
          i.product_id !== null
            ? { kind: 'product', productId: i.product_id, amount: Number(i.amount) }
            : { kind: 'dataset', datasetId: i.dataset_id ?? '', amount: Number(i.amount) },
        );
        inputsOf.set(i.process_id, list);
      }
      return {
        products: products.map((p): NetworkProduct => ({
          id: p.id,
          enterpriseId: p.enterprise_id,
          name: p.name,
          unit: p.unit,
          registryProductId: p.registry_product_id,
          classification: p.classification,
          published: Number(p.published) === 1,
        })),
        processes: processes.map((p): NetworkProcess => ({
          id: p.id,
          enterpriseId: p.enterprise_id,
          factoryId: p.factory_id,
          name: p.name,
          directEmissions: Number(p.direct_emissions),
          dataSource: p.data_source as DataSource,
          dataQuality: {
            technological: Number(p.dqr_technological),
            temporal: Number(p.dqr_temporal),
            geographical: Number(p.dqr_geographical),
          },
          geography: p.geography,
          referencePeriodStart: p.reference_period_start,
          referencePeriodEnd: p.reference_period_end,
          allocation: p.allocation as AllocationBasis,
          outputs: outputsOf.get(p.id) ?? [],
          inputs: inputsOf.get(p.id) ?? [],
        })),
        datasets: datasets.map((d): BackgroundDataset => ({
          id: d.id,
          name: d.name,
          unit: d.unit,
          factor: Number(d.factor),
          dataSource: d.data_source as DataSource,
          dataQuality: {
            technological: Number(d.dqr_technological),
            temporal: Number(d.dqr_temporal),
            geographical: Number(d.dqr_geographical),
          },
          origin: d.origin,
        })),
      };
    },

    async counts() {
      const count = async (table: 'fp_products' | 'fp_processes' | 'fp_datasets') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirst()
          )?.n ?? 0,
        );
      return {
        products: await count('fp_products'),
        processes: await count('fp_processes'),
        datasets: await count('fp_datasets'),
      };
    },

    async save(part) {
      await db.transaction().execute(async (trx) => {
        for (const d of part.datasets ?? []) {
          await trx.deleteFrom('fp_datasets').where('id', '=', d.id).execute();
          await trx.insertInto('fp_datasets').values(datasetRow(d)).execute();
        }
        for (const p of part.products ?? []) {
          await trx.deleteFrom('fp_products').where('id', '=', p.id).execute();
          await trx
            .insertInto('fp_products')
            .values({
              id: p.id,
              enterprise_id: p.enterpriseId,
              name: p.name,
              unit: p.unit,
              registry_product_id: p.registryProductId,
              classification: p.classification,
              published: p.published ? 1 : 0,
              simulated: p.simulated === true ? 1 : 0,
            })
            .execute();
        }
        for (const p of part.processes ?? []) {
          await trx.deleteFrom('fp_process_inputs').where('process_id', '=', p.id).execute();
          await trx.deleteFrom('fp_process_outputs').where('process_id', '=', p.id).execute();
          await trx.deleteFrom('fp_processes').where('id', '=', p.id).execute();
          await trx
            .insertInto('fp_processes')
            .values({
              id: p.id,
              enterprise_id: p.enterpriseId,
              factory_id: p.factoryId,
              name: p.name,
              direct_emissions: p.directEmissions,
              data_source: p.dataSource,
              dqr_technological: p.dataQuality.technological,
              dqr_temporal: p.dataQuality.temporal,
              dqr_geographical: p.dataQuality.geographical,
              geography: p.geography,
              reference_period_start: p.referencePeriodStart,
              reference_period_end: p.referencePeriodEnd,
              allocation: p.allocation,
              simulated: p.simulated === true ? 1 : 0,
            })
            .execute();
          if (p.outputs.length > 0)
            await trx
              .insertInto('fp_process_outputs')
              .values(
                p.outputs.map((o) => ({
                  process_id: p.id,
                  enterprise_id: p.enterpriseId,
                  product_id: o.productId,
                  quantity: o.quantity,
                  price: o.price ?? null,
                  property: o.property ?? null,
                })),
              )
              .execute();
          if (p.inputs.length > 0)
            await trx
              .insertInto('fp_process_inputs')
              .values(
                p.inputs.map((i, k) => ({
                  id: `${p.id}#${k}`,
                  process_id: p.id,
                  enterprise_id: p.enterpriseId,
                  product_id: i.kind === 'product' ? i.productId : null,
                  dataset_id: i.kind === 'dataset' ? i.datasetId : null,
                  amount: i.amount,
                })),
              )
              .execute();
        }
      });
    },
  };
}

function datasetRow(d: StoredDataset) {
  return {
    id: d.id,
    enterprise_id: d.enterpriseId,
    name: d.name,
    unit: d.unit,
    factor: d.factor,
    data_source: d.dataSource,
    dqr_technological: d.dataQuality.technological,
    dqr_temporal: d.dataQuality.temporal,
    dqr_geographical: d.dataQuality.geographical,
    origin: d.origin,
  };
}
