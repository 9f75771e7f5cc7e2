import type { NetworkProcess, NetworkProduct, ProductFootprintResult } from '../footprint/network.ts';
import type { ProductFootprintV3 } from './product-footprint.ts';

/** What a published footprint needs besides the solver's result. */
export interface PactPublication {
  readonly id: string;
  /** RFC 3339 time of publication. */
  readonly created: string;
  readonly companyName: string;
  readonly product: NetworkProduct;
  readonly producer: NetworkProcess;
  readonly result: ProductFootprintResult;
  /** Background sources used upstream, for `secondaryEmissionFactorSources`. */
  readonly secondarySources: readonly { readonly name: string; readonly version: string }[];
  readonly comment?: string;
}

/** The URN greenmfg uses for an enterprise in PACT `companyIds`. */
export function companyUrn(enterpriseId: string): string {
  return `urn:greenmfg:enterprise:${enterpriseId}`;
}

/** The URN greenmfg uses for a product in PACT `productIds`. */
export function productUrn(productId: string): string {
  return `urn:greenmfg:product:${productId}`;
}

/** Decimal text for PACT's number strings: finite, no exponent, at most 6 significant decimals. */
function decimal(v: number): string {
  if (!Number.isFinite(v)) return '0';
  const text = v.toFixed(6).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * Presents a solved product footprint as a PACT v3 ProductFootprint: kgCO2e per declared unit,
 * primary data share in percent, the three propagated DQRs, the producing process's geography and
 * reference period; fossil emissions only (the demo network records no biogenic flows).
 */
export function toPactFootprint(p: PactPublication): ProductFootprintV3 {
  const geography = p.producer.geography;
  const country = geography.split('-')[0] ?? geography;
  const value = decimal(p.result.footprint);
  return {
    id: p.id,
    specVersion: '3.0.0',
    created: p.created,
    status: 'Active',
    companyName: p.companyName,
    companyIds: [companyUrn(p.product.enterpriseId)],
    productDescription: `${p.product.name} (${p.producer.name})`,
    productIds: [productUrn(p.product.id)],
    productClassifications: p.product.classification === null ? [] : [p.product.classification],
    productNameCompany: p.product.name,
    ...(p.comment === undefined ? {} : { comment: p.comment }),
    pcf: {
      declaredUnitOfMeasurement: p.product.unit,
      declaredUnitAmount: '1',
      productMassPerDeclaredUnit: '0',
      referencePeriodStart: p.producer.referencePeriodStart,
      referencePeriodEnd: p.producer.referencePeriodEnd,
      geographyCountry: country,
      ...(geography.includes('-') ? { geographyCountrySubdivision: geography } : {}),
      pcfExcludingBiogenicUptake: value,
      pcfIncludingBiogenicUptake: value,
      fossilGhgEmissions: value,
      fossilCarbonContent: '0',
      biogenicCarbonContent: '0',
      landUseChangeGhgEmissions: '0',
      packagingEmissionsIncluded: false,
      ipccCharacterizationFactors: ['AR5'],
      crossSectoralStandards: ['ISO14067', 'GHGP-Product', 'PACT-3.0'],
      productOrSectorSpecificRules: [],
      exemptedEmissionsPercent: '0',
      exemptedEmissionsDescription: 'No emissions exempted',
      allocationRulesDescription: `Co-products allocated on a ${p.producer.allocation} basis (ISO 14044:2006, 4.3.4.2).`,
      ...(p.secondarySources.length > 0 ? { secondaryEmissionFactorSources: p.secondarySources } : {}),
      primaryDataShare: decimal(p.result.primaryShare * 100),
      dqi: {
        technologicalDQR: decimal(p.result.dataQuality.technological),
        temporalDQR: decimal(p.result.dataQuality.temporal),
        geographicalDQR: decimal(p.result.dataQuality.geographical),
      },
    },
  };
}
