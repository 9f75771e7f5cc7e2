import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../error-handler.ts';
import { webStatic } from './web-static.ts';

async function serve(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandler(app);
  app.get('/api/v1/stats', () => ({ factories: 1 }));
  await app.register(webStatic({ distDir }));
  return app;
}

function fakeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'greenmfg-web-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'geo'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'geo', 'china.json'), '{"type":"FeatureCollection"}');
  return dist;
}

describe('web console served by the API server', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('serves index.html for the console routes, never cached, and leaves the API alone', async () => {
    app = await serve(fakeBuild());
    for (const url of ['/', '/factories', '/factories/fac_123?q=x', '/provinces/110000']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
    expect((await app.inject('/api/v1/stats')).json()).toEqual({ factories: 1 });
  });

  it('serves hashed assets as immutable and the map geometry as a file', async () => {
    app = await serve(fakeBuild());
    const js = await app.inject('/assets/index-abc123.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    const geo = await app.inject('/geo/china.json');
    expect(geo.statusCode).toBe(200);
    expect(geo.json()).toEqual({ type: 'FeatureCollection' });
  });

  it('answers unknown API paths and missing files with the JSON 404, and refuses to leave the build', async () => {
    app = await serve(fakeBuild());
    const api = await app.inject('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'GM_NOT_FOUND', message: 'No route GET /api/v1/nothing-here' });
    const missing = await app.inject('/assets/gone-999.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'GM_NOT_FOUND' });
    const escape = await app.inject('/%2e%2e/%2e%2e/etc/passwd');
    expect(escape.body).not.toContain('root:');
    const malformed = (await app.inject('/%E0%A4%A')).statusCode;
    expect(malformed >= 400 && malformed < 500).toBe(true);
  });

  it('says plainly that the console is not built when web/dist is missing', async () => {
    app = await serve(join(tmpdir(), 'greenmfg-no-such-dist'));
    const res = await app.inject('/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    expect((await app.inject('/api/v1/stats')).statusCode).toBe(200);
  });
});
