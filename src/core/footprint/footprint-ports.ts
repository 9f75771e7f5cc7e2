/**
 * Ports of the footprint and PACT use cases (re-exported by src/core/ports.ts): the stored
 * supply network, published PACT footprints, and the outbound PACT transport.
 */
import type { ProductFootprintV3 } from '../pact/product-footprint.ts';
import type { CloudEventBody } from '../pact/events.ts';
import type { BackgroundDataset, NetworkProcess, NetworkProduct, SupplyNetwork } from './network.ts';

/** A background dataset as stored: public (enterpriseId null) or owned by the enterprise that pulled it. */
export interface StoredDataset extends BackgroundDataset {
  readonly enterpriseId: string | null;
}

/** The stored supply network (products, processes with inputs and outputs, background datasets). */
export interface FootprintNetworkRepository {
  /** The whole network, products and processes in id order. */
  readonly load: () => Promise<SupplyNetwork>;
  readonly counts: () => Promise<{ products: number; processes: number; datasets: number }>;
  /** Inserts or replaces products, processes (with their inputs and outputs) and datasets in one transaction. */
  readonly save: (part: {
    readonly products?: readonly (NetworkProduct & { readonly simulated?: boolean })[];
    readonly processes?: readonly (NetworkProcess & { readonly simulated?: boolean })[];
    readonly datasets?: readonly StoredDataset[];
  }) => Promise<void>;
}

/** A PACT footprint as published by greenmfg, with the product and enterprise it belongs to. */
export interface PublishedFootprint {
  readonly productId: string;
  readonly enterpriseId: string;
  readonly footprint: ProductFootprintV3;
}

/** Published PACT footprints, as the PACT host API serves them. */
export interface PactFootprintRepository {
  /** Every published footprint (Active and Deprecated), in publication order. */
  readonly list: () => Promise<ProductFootprintV3[]>;
  readonly get: (id: string) => Promise<ProductFootprintV3 | undefined>;
  /** The latest Active footprint of each product, by product id. */
  readonly activeByProduct: () => Promise<Map<string, ProductFootprintV3>>;
  /** Stores new footprints and marks the listed ids Deprecated, in one transaction. */
  readonly publish: (added: readonly PublishedFootprint[], deprecated: readonly string[]) => Promise<void>;
}

/** A partner's PACT host: where to pull footprints from, and the credentials to use there. */
export interface PactPartner {
  /** Base URL of the partner's PACT API (its /3/footprints, /auth/token), e.g. "https://supplier.example:8443". */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Outbound PACT calls: the transport adapter implements them (HTTPS, tokens, retries). */
export interface PactTransport {
  /** Gets a token from the partner and lists all its footprints matching the query (following rel="next"). */
  readonly fetchFootprints: (
    partner: PactPartner,
    query?: Readonly<Record<string, string>>,
  ) => Promise<ProductFootprintV3[]>;
  /** Gets a token from the partner and POSTs one event to its /3/events. */
  readonly sendEvent: (partner: PactPartner, event: CloudEventBody) => Promise<void>;
}

/** Fresh identifiers (UUID v4 for PACT). */
export interface IdSource {
  readonly uuid: () => string;
}
