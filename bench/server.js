// A static server for the benchmark, on 127.0.0.1 only (an ephemeral port unless one is given).
//   /a/<n>                 page (a): the element, showing members-<n>.geojson
//   /b/<n>                 page (b): raw Leaflet + markercluster, same file
//   /a/one-point-<n>, /b/one-point-<n>   the same with members-one-point-<n>.geojson (--spiderfy)
//   /data/<file>           the generated member files (dataDir)
//   /dist/<file>           the bundle under test (bundleDir: a snapshot of dist/)
//   /vendor/leaflet/…      node_modules/leaflet/dist
//   /vendor/markercluster/… node_modules/leaflet.markercluster/dist
//   /__go?to=<path>&wait=<ms>  a blank page that opens <path> after `wait` ms, default 1.5 s; with wait=hold it
//                          waits to be told (the timing runs tell it over the DevTools pipe, see bench/run.js)
//   POST /__report         a page's report, from a browser without playwright (onReport)
// With `mounts`, more folders under their own prefixes (--lighthouse: /demo/ for demo/plain.html).
// With `gzip`, text is sent gzip-compressed to a browser that accepts it, as a web server would
// (--lighthouse: transfer sizes, and so Lighthouse's simulated load, depend on it).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
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
/** What web servers compress by default (nginx's gzip_types and Apache's mod_deflate setups): text, not images. */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json)|image\/svg)/;
/**
 * zlib's default level, which Apache's mod_deflate uses and which is common in nginx setups
 * (nginx itself defaults to 1). `npm run size` reports level 9, a little smaller.
 */
const GZIP_LEVEL = 6;

/** Resolves `rest` inside `root`, refusing anything that would leave it. */
function inside(root, rest) {
  const path = normalize(join(root, decodeURIComponent(rest)));
  return path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : undefined;
}

export function startServer({ dataDir, bundleDir, bundleName, root, port = 0, onReport = () => {}, mounts: more = [], gzip = false }) {
  const mounts = [
    ['/data/', dataDir],
    ['/dist/', bundleDir],
    ['/vendor/leaflet/', join(root, 'node_modules/leaflet/dist')],
    ['/vendor/markercluster/', join(root, 'node_modules/leaflet.markercluster/dist')],
    ...more,
  ];
  // Compressed files, kept while the file is unchanged: a real server compresses once (or serves
  // a .gz made beforehand), so compressing must not add to every response's time.
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    const send = (status, type, body, file) => {
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (gzip && COMPRESSIBLE.test(type)) {
        headers.vary = 'accept-encoding';
        if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
          const cached = file && compressed.get(file.path);
          if (cached && cached.mtimeMs === file.mtimeMs) body = cached.body;
          else {
            body = gzipSync(body, { level: GZIP_LEVEL });
            if (file) compressed.set(file.path, { mtimeMs: file.mtimeMs, body });
          }
          headers['content-encoding'] = 'gzip';
        }
      }
      response.writeHead(status, headers);
      response.end(body);
    };
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      if (url.pathname === '/__go') {
        // A freshly started browser is still busy starting for a second or so: the timing runs
        // open this blank page first and only then navigate to the page under test.
        const target = JSON.stringify(url.searchParams.get('to') ?? '/');
        if (url.searchParams.get('wait') === 'hold') return send(200, TYPES['.html'], '<!doctype html><title>…</title>');
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
        const { mtimeMs } = await stat(path);
        return send(200, TYPES[extname(path)] ?? 'application/octet-stream', body, { path, mtimeMs });
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
