import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CloudEventBody } from '../../../core/pact/events.ts';
import type { ProductFootprintV3 } from '../../../core/pact/product-footprint.ts';
import type { PactPartner, PactTransport } from '../../../core/ports.ts';

interface HttpResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Options of the outbound PACT transport. */
export interface PactTransportOptions {
  /** Extra trusted CA certificates (PEM), e.g. a partner's development CA. */
  readonly ca?: string | readonly string[];
  readonly timeoutMs?: number;
  /** Attempts per call, with doubling back-off from `backoffMs`; bounded so a dead partner never spins. */
  readonly attempts?: number;
  readonly backoffMs?: number;
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  options: PactTransportOptions,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const make = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = make(
      target,
      {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
        },
        timeout: options.timeoutMs ?? 5000,
        ...(target.protocol === 'https:' && options.ca !== undefined
          ? { ca: options.ca as string | string[] }
          : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`timeout after ${options.timeoutMs ?? 5000} ms: ${method} ${url}`)),
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function withRetries<T>(run: () => Promise<T>, options: PactTransportOptions): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  let delay = options.backoffMs ?? 250;
  for (let k = 1; ; k++) {
    try {
      return await run();
    } catch (error) {
      if (k >= attempts) throw error;
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }
}

async function tokenFor(partner: PactPartner, options: PactTransportOptions): Promise<string> {
  const basic = Buffer.from(`${partner.clientId}:${partner.clientSecret}`).toString('base64');
  const res = await send(
    `${partner.baseUrl.replace(/\/$/, '')}/auth/token`,
    'POST',
    {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    'grant_type=client_credentials',
    options,
  );
  if (res.status !== 200)
    throw new Error(`token request to ${partner.baseUrl} failed with HTTP ${res.status}`);
  const token = (JSON.parse(res.body) as { access_token?: unknown }).access_token;
  if (typeof token !== 'string') throw new Error(`token response of ${partner.baseUrl} has no access_token`);
  return token;
}

/** The `rel="next"` target of a Link header, if any. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(', ') : header;
  if (text === undefined) return undefined;
  for (const part of text.split(/,\s*(?=<)/)) {
    const m = /^\s*<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

/** The PACT transport over HTTP(S): tokens by client credentials, paging by Link headers, bounded retries. */
export function createPactHttpTransport(options: PactTransportOptions = {}): PactTransport {
  return {
    async fetchFootprints(partner, query = {}) {
      const token = await withRetries(() => tokenFor(partner, options), options);
      const params = new URLSearchParams(query).toString();
      let url: string | undefined =
        `${partner.baseUrl.replace(/\/$/, '')}/3/footprints${params ? `?${params}` : ''}`;
      const out: ProductFootprintV3[] = [];
      for (let pages = 0; url !== undefined && pages < 1000; pages++) {
        const current: string = url;
        const res = await withRetries(
          () =>
            send(
              current,
              'GET',
              { authorization: `Bearer ${token}`, accept: 'application/json' },
              undefined,
              options,
            ),
          options,
        );
        if (res.status !== 200 && res.status !== 202)
          throw new Error(`GET ${current} failed with HTTP ${res.status}`);
        out.push(...((JSON.parse(res.body) as { data: ProductFootprintV3[] }).data ?? []));
        url = nextLink(res.headers['link']);
      }
      return out;
    },
    async sendEvent(partner, event: CloudEventBody) {
      await withRetries(async () => {
        const token = await tokenFor(partner, options);
        const res = await send(
          `${partner.baseUrl.replace(/\/$/, '')}/3/events`,
          'POST',
          { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents+json; charset=UTF-8' },
          JSON.stringify(event),
          options,
        );
        if (res.status < 200 || res.status >= 300)
          throw new Error(`POST /3/events at ${partner.baseUrl} failed with HTTP ${res.status}`);
      }, options);
    },
  };
}
