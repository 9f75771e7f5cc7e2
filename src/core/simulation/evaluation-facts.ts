// Facts for the factory indicator systems (GB/T 36132-2025, and the 2016/2018 scheme) made from a
// simulated operating year and its energy and carbon accounts. Every fact made here is simulated:
// results built on them say so (see services/evaluation).
import type { OperatingYearAccounts } from '../accounting/operating-year-accounts.ts';
import type { Facts } from '../evaluation/evaluate.ts';
import type { Subject } from '../evaluation/subject.ts';
import type { QuotaRow } from '../standards/quota-standard.ts';
import type { FactoryOperatingYear } from './operating-data.ts';

/** The subject a simulated factory year is evaluated as: a factory, with its quota row when one applies. */
export function subjectOfOperatingYear(
  year: FactoryOperatingYear,
  quotaRow: (rowKey: string) => QuotaRow,
): Subject {
  return year.quota
    ? { kind: 'factory', energyQuota: { row: quotaRow(year.quota.rowKey) } }
    : { kind: 'factory' };
}

/**
 * The unit-product energy of the quota-covered product or process, in the row's unit: the plant's
 * accounted energy per unit of production when the whole plant is covered, else the simulated
 * process energy per unit of process output; null when no quota row applies.
 */
export function quotaFigureOf(year: FactoryOperatingYear, accounts: OperatingYearAccounts): number | null {
  if (!year.quota) return null;
  return year.quota.scope === 'plant'
    ? accounts.unitProductEnergy
    : year.quota.energyKgce / year.quota.quantity;
}

/** The facts GB/T 36132-2025 and the 2016/2018 scheme ask for, from one simulated year and its accounts. */
export function factsOfOperatingYear(year: FactoryOperatingYear, accounts: OperatingYearAccounts): Facts {
  const energyKgce = accounts.energyTce * 1000;
  const quota = year.quota;
  const productEnergy = quota ? (quota.scope === 'plant' ? energyKgce : quota.energyKgce) : energyKgce;
  const productQuantity = quota ? quota.quantity : year.production;
  const b = year.basicRequirements;
  const l = year.legacy;
  return {
    // GB/T 36132-2025 4.2 basic requirements and Annex C indicators.
    'gate.compliance': b.compliance,
    'gate.management': b.management,
    'gate.qms': b.qms,
    'gate.enms': b.enms,
    'gate.ems': b.ems,
    'gate.ohsms': b.ohsms,
    'energy.product': productEnergy,
    'output.productQuantity': productQuantity,
    'energy.comprehensive': energyKgce,
    'carbon.emissions': (accounts.scope1TCo2 + accounts.scope2TCo2) * 1000,
    'output.value': year.outputValue10kYuan,
    'energy.renewable': year.renewableKgce,
    'platform.functionCount': year.energyPlatformFunctions,
    'material.consumption': year.rawMaterialT,
    'water.withdrawal': year.freshWaterM3,
    'water.reused': year.reusedWaterM3,
    'waste.utilised': year.solidWasteUsedT,
    'waste.generated': year.solidWasteT,
    // The simulation has no earlier-year stock for factories (B.11's Z_w term is 0).
    'waste.stockUtilised': 0,
    'assess.CP1': year.assessed.advancedEquipment,
    'investment.retrofit3y': year.retrofitInvestment3y10kYuan,
    'output.value3y': year.outputValue3y10kYuan,
    'pollutant.main': year.mainPollutantKg,
    'assess.PG1': year.assessed.greenDesign,
    'product.categoriesWithFootprint': year.productCategoriesWithFootprint,
    'product.categories': year.productCategories,
    'land.area': year.landAreaM2,
    // The 2016/2018 scheme (one veto gate, six assessed categories, reported performance figures).
    'gate.basic': Object.values(b).every(Boolean),
    'assess.INF': l.assessed.INF,
    'assess.MS': l.assessed.MS,
    'assess.ERI': l.assessed.ERI,
    'assess.PRD': l.assessed.PRD,
    'assess.ENV': l.assessed.ENV,
    'assess.PERF': l.assessed.PERF,
    'building.floorArea': year.floorAreaM2,
    'building.floorAreaTallStoreys': l.floorAreaTallStoreysM2,
    'land.buildingDensityPct': (year.buildingFootprintM2 / year.landAreaM2) * 100,
    'material.greenSharePct': l.greenMaterialSharePct,
    'output.equivalentQuantity': year.production,
    'output.quantity': year.production,
    'pollutant.wasteGas': l.wasteGasM3,
    'pollutant.wastewater': l.wastewaterM3,
    'water.wastewaterReusePct': l.wastewaterReusePct,
  };
}
