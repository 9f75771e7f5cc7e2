import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GmError } from '../../core/errors.ts';

/** Where `npm run build:web` (and `npm start`) put the production build of the console. */
export const defaultWebDistDir = resolve(import.meta.dirname, '../../../web/dist');

const notBuiltPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>greenmfg</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>The web console has not been built</h1>
<p>Run <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it when needed),
then reload this page. The HTTP API is running: try <a href="/api/v1/stats">/api/v1/stats</a>.</p>
<p lang="zh-CN">网页控制台尚未构建：请运行 <code>npm run build:web</code>（或用 <code>npm start</code> 启动，它会按需构建），然后刷新本页。</p>
</body></html>`;

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

const decodePath = (raw: string): string | null => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
};

/**
 * Serves the web console's production build from the API's own server: hashed assets with a long
 * cache life (their names change with their content), any other non-/api path gets index.html (the
 * single-page app routes in the browser), and an unknown /api path stays a JSON 404. The build is
 * looked up per request, so a build finished after start-up is served without a restart.
 */
export function webStatic(opts: { readonly distDir: string }) {
  const root = resolve(opts.distDir);
  return async (app: FastifyInstance): Promise<void> => {
    // serve: false: only reply.sendFile; routing stays here. preCompressed serves the .br/.gz
    // siblings the build writes, when the browser accepts them.
    await app.register(fastifyStatic, { root, serve: false, preCompressed: true });

    const sendIndex = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });

    app.get('/*', (req, reply) => {
      const path = decodePath(req.url.split('?')[0] ?? '/');
      if (path === null) throw new GmError('GM_NOT_FOUND', 'No such path (malformed percent-encoding)', {});
      if (path === '/api' || path.startsWith('/api/')) {
        throw new GmError('GM_NOT_FOUND', `No route ${req.method} ${path}`, {});
      }
      if (!existsSync(resolve(root, 'index.html'))) {
        return reply.status(503).type('text/html; charset=utf-8').send(notBuiltPage);
      }
      const file = resolve(root, `.${path}`);
      if (file.startsWith(root + sep) && isFile(file)) {
        const rel = file.slice(root.length + 1);
        if (rel === 'index.html') return sendIndex(reply);
        const hashed = rel.startsWith(`assets${sep}`);
        return reply.sendFile(rel, hashed ? { maxAge: '365d', immutable: true } : { maxAge: '1h' });
      }
      // A missing file (it has an extension) is a 404; anything else is a route of the console.
      if (/\.[a-z0-9]+$/i.test(path)) {
        throw new GmError('GM_NOT_FOUND', `No file ${path}`, {});
      }
      return sendIndex(reply);
    });
  };
}
