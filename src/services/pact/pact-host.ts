import { GmError, validationError } from '../../core/errors.ts';
import { fulfilledEvent, isUuid, parsePactEvent, rejectedEvent } from '../../core/pact/events.ts';
import type { PactEvent } from '../../core/pact/events.ts';
import { formatInstant } from '../../core/pact/instant.ts';
import { matchesPactFilter } from '../../core/pact/product-footprint.ts';
import type { PactFilter, ProductFootprintV3 } from '../../core/pact/product-footprint.ts';
import type {
  Clock,
  IdSource,
  PactFootprintRepository,
  PactPartner,
  PactTransport,
} from '../../core/ports.ts';

/** One page of `GET /3/footprints`: the items and, when more match, the offset of the next page. */
export interface PactPage {
  readonly data: readonly ProductFootprintV3[];
  readonly nextOffset: number | null;
}

/** Lists published footprints matching the filter, `limit` at a time from `offset` (PACT v3 ListFootprints). */
export async function listPactFootprints(
  ports: { pactFootprints: PactFootprintRepository },
  filter: PactFilter,
  page: { readonly limit?: number; readonly offset: number },
): Promise<PactPage> {
  const all = (await ports.pactFootprints.list()).filter((pf) => matchesPactFilter(pf, filter));
  const end = page.limit === undefined ? all.length : Math.min(all.length, page.offset + page.limit);
  return { data: all.slice(page.offset, end), nextOffset: end < all.length ? end : null };
}

/** Gets one published footprint; a malformed id is a validation error, an unknown one GM_NOT_FOUND. */
export async function getPactFootprint(
  ports: { pactFootprints: PactFootprintRepository },
  id: string,
): Promise<ProductFootprintV3> {
  if (!isUuid(id))
    throw validationError([{ field: 'id', message: 'must be a UUID', value: id }], 'footprint id');
  const pf = await ports.pactFootprints.get(id);
  if (pf === undefined) throw new GmError('GM_NOT_FOUND', `No footprint with id ${id}`, { id });
  return pf;
}

/** An accepted event and the work it asks for, to run after the 200 has been sent. */
export interface AcceptedEvent {
  readonly event: PactEvent;
  /** Answers a request (fulfilled or rejected callback); resolves when done, never rejects. */
  readonly followUp: () => Promise<{ readonly sent: string | null; readonly error?: string }>;
}

/** The ports the events use case names. */
export interface PactEventPorts {
  readonly pactFootprints: PactFootprintRepository;
  readonly transport: PactTransport;
  /** Partners allowed as callback targets (their base URL must equal the event's `source`). */
  readonly partners: readonly PactPartner[];
  readonly clock: Clock;
  readonly ids: IdSource;
  /** This host's base URL, the `source` of the events it sends. */
  readonly selfUrl: string;
}

/**
 * Validates a `POST /3/events` body (PACT v3 events) and returns what to do next. A request is
 * answered asynchronously by a RequestFulfilledEvent with the matching footprints or a
 * RequestRejectedEvent, POSTed to `<source>/3/events` only when `source` is an allow-listed
 * partner (otherwise anyone could make this host call any URL).
 */
export function acceptPactEvent(ports: PactEventPorts, body: unknown): AcceptedEvent {
  const event = parsePactEvent(body);
  const followUp = async (): Promise<{ sent: string | null; error?: string }> => {
    if (event.kind !== 'requestCreated') return { sent: null };
    const partner = ports.partners.find(
      (p) => p.baseUrl.replace(/\/$/, '') === event.source.replace(/\/$/, ''),
    );
    if (partner === undefined)
      return { sent: null, error: `source ${event.source} is not an allow-listed partner` };
    const time = formatInstant(ports.clock.now().getTime());
    try {
      const pfs = (await ports.pactFootprints.list()).filter(
        (pf) => pf.status === 'Active' && matchesPactFilter(pf, event.filter),
      );
      const answer =
        pfs.length > 0
          ? fulfilledEvent(ports.ids.uuid(), ports.selfUrl, time, event.id, pfs)
          : rejectedEvent(ports.ids.uuid(), ports.selfUrl, time, event.id, {
              code: 'NotFound',
              message: 'No footprint matches the request',
            });
      await ports.transport.sendEvent(partner, answer);
      return { sent: answer.type };
    } catch (error) {
      return { sent: null, error: error instanceof Error ? error.message : String(error) };
    }
  };
  return { event, followUp };
}
