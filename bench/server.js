// A static server for the benchmark, on 127.0.0.1 only (an ephemeral port unless one is given).
//   /a/<n>                 page (a): the element, showing members-<n>.geojson
//   /b/<n>                 page (b): raw Leaflet + markercluster, same file
//   /a/one-point-<n>, /b/one-point-<n>   the same with members-one-point-<n>.geojson (--spiderfy)
//   /data/<file>           the generated member files (dataDir)
//   /dist/<file>           the bundle under test (bundleDir: a snapshot of dist/)
//   /vendor/leaflet/…      node_modules/leaflet/dist
//   /vendor/markercluster/… node_modules/leaflet.markercluster/dist
//   /__go?to=<path>&wait=<ms>  a blank page that opens <path> after `wait` ms, default 1.5 s (timing runs, see bench/run.js)
//   POST /__report         a page's report, from a browser without DevTools (onReport)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { baselinePage, elementPage } from './pages.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Resolves `rest` inside `root`, refusing anything that would leave it. */
function inside(root, rest) {
  const path = normalize(join(root, decodeURIComponent(rest)));
  return path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : undefined;
}

export function startServer({ dataDir, bundleDir, bundleName, root, port = 0, onReport = () => {} }) {
  const mounts = [
    ['/data/', dataDir],
    ['/dist/', bundleDir],
    ['/vendor/leaflet/', join(root, 'node_modules/leaflet/dist')],
    ['/vendor/markercluster/', join(root, 'node_modules/leaflet.markercluster/dist')],
  ];
  const server = createServer(async (request, response) => {
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      if (url.pathname === '/__go') {
        // A freshly started browser is still busy starting for a second or so: the timing runs
        // open this blank page first and only then navigate to the page under test.
        const target = JSON.stringify(url.searchParams.get('to') ?? '/');
        const wait = Number(url.searchParams.get('wait')) || 1500;
        return send(200, TYPES['.html'], `<!doctype html><title>…</title><script>setTimeout(() => location.replace(${target}), ${wait});</script>`);
      }
      if (request.method === 'POST' && url.pathname === '/__report') {
        let body = '';
        for await (const chunk of request) body += chunk;
        response.writeHead(204).end();
        return onReport(JSON.parse(body));
      }
      const page = /^\/([ab])\/((?:one-point-)?\d+)$/.exec(url.pathname);
      if (page) {
        const dataUrl = `/data/members-${page[2]}.geojson`;
        const html = page[1] === 'a' ? elementPage({ dataUrl, bundleUrl: `/dist/${bundleName}` }) : baselinePage({ dataUrl });
        return send(200, TYPES['.html'], html);
      }
      for (const [prefix, dir] of mounts) {
        if (!url.pathname.startsWith(prefix)) continue;
        const path = inside(dir, url.pathname.slice(prefix.length));
        if (!path) break;
        const body = await readFile(path).catch(() => undefined);
        if (!body) break;
        return send(200, TYPES[extname(path)] ?? 'application/octet-stream', body);
      }
      send(404, 'text/plain', 'not found');
    } catch (error) {
      send(500, 'text/plain', String(error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ origin: `http://127.0.0.1:${actual}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
