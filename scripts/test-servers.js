// Local stand-ins for the outside world, for the browser tests: nothing here leaves 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { ASSETS } from './assets.js';

/** `/slow/<ms>/<path>` answers `<path>` after a delay, for the loading-state tests. */
export async function slowResponses(context, next) {
  const match = /^\/slow\/(\d+)(\/.*)$/.exec(context.path);
  if (match) {
    await new Promise((resolve) => setTimeout(resolve, Number(match[1])));
    context.path = match[2];
  }
  return next();
}

const gates = new Map();
function gate(key) {
  if (!gates.has(key)) {
    let open;
    const opened = new Promise((resolve) => (open = resolve));
    gates.set(key, { opened, open });
  }
  return gates.get(key);
}
/**
 * `/held/<key>/<path>` answers `<path>` only once `/release/<key>` was requested (before or after it),
 * so that a test can do something for certain before a response arrives. Without a release it answers
 * 504 after 30 s, so that a forgotten release shows.
 */
export async function heldResponses(context, next) {
  const release = /^\/release\/([\w-]+)$/.exec(context.path);
  if (release) {
    gate(release[1]).open();
    context.status = 204;
    return;
  }
  const held = /^\/held\/([\w-]+)(\/.*)$/.exec(context.path);
  if (held) {
    let timer;
    const released = await Promise.race([
      gate(held[1]).opened.then(() => true),
      new Promise((resolve) => (timer = setTimeout(() => resolve(false), 30_000))),
    ]);
    clearTimeout(timer);
    if (!released) {
      context.status = 504;
      return;
    }
    context.path = held[2]; // the gate stays open: a request repeated after the release passes at once
  }
  return next();
}

const repaired = new Set();
/**
 * `/broken-parts/<key>/<path>` answers `<path>`, except the classic script's parts
 * (`member-map-<name>.js`), which fail with 503 until `/repair/<key>` was requested: for the tests of
 * a part that cannot be loaded, and of its retry.
 */
export async function brokenParts(context, next) {
  const repair = /^\/repair\/([\w-]+)$/.exec(context.path);
  if (repair) {
    repaired.add(repair[1]);
    context.status = 204;
    return;
  }
  const match = /^\/broken-parts\/([\w-]+)(\/.*)$/.exec(context.path);
  if (!match) return next();
  if (!repaired.has(match[1]) && /\/member-map-(search|list|contact|fullscreen)\.js$/.test(match[2])) {
    context.status = 503;
    return;
  }
  context.path = match[2];
  return next();
}

/**
 * `/no-places/<path>` answers `<path>`, except the gazetteer (`member-map-places.json`), which is
 * missing (404): for the workbench's answer to a site where the file was not uploaded.
 */
export async function noPlaces(context, next) {
  const match = /^\/no-places(\/.*)$/.exec(context.path);
  if (!match) return next();
  if (match[1].endsWith('/member-map-places.json')) {
    context.status = 404;
    return;
  }
  context.path = match[1];
  return next();
}

/**
 * `/csp/<path>` answers `<path>` with the strict Content-Security-Policy that the README documents,
 * for the workbench's CSP test (its relative requests stay under /csp/).
 */
export async function strictCsp(context, next) {
  const match = /^\/csp(\/.*)$/.exec(context.path);
  if (!match) return next();
  context.path = match[1];
  await next();
  context.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
}

/**
 * `/latin1/<path>` answers `<path>` as an older CMS would: HTML as ISO-8859-1, scripts with no
 * character set of their own (so the browser decodes them in the page's).
 */
export async function latin1(context, next) {
  const match = /^\/latin1(\/.*)$/.exec(context.path);
  if (!match) return next();
  context.path = match[1];
  await next();
  const type = String(context.response.get('Content-Type'));
  if (type.includes('html')) context.set('Content-Type', 'text/html; charset=iso-8859-1');
  else if (type.includes('javascript')) context.set('Content-Type', 'text/javascript');
}

const answered = new Set();
/**
 * `/hang/<path>` never answers (until the browser gives up, at most 60 s); `/hang-once/<key>/<path>`
 * hangs the first time per key and answers `<path>` after that, for the timeout and retry tests.
 */
export async function hanging(context, next) {
  const once = /^\/hang-once\/([\w-]+)(\/.*)$/.exec(context.path);
  if (once && answered.has(once[1])) {
    context.path = once[2];
    return next();
  }
  if (!once && !context.path.startsWith('/hang/')) return next();
  if (once) answered.add(once[1]);
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 60_000);
    context.req.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  context.status = 504;
}

/** `/chunked/<path>` streams `<path>` without a Content-Length, as some servers and proxies do. */
export async function chunked(context, next) {
  const match = /^\/chunked(\/.*)$/.exec(context.path);
  if (!match) return next();
  const body = await readFile(new URL(`..${match[1]}`, import.meta.url));
  context.type = 'application/json';
  context.body = Readable.from([body.subarray(0, body.length >> 1), body.subarray(body.length >> 1)]);
}

/**
 * `/raw/<path>` answers the bytes of `<path>` untouched (the dev server would read a text file as
 * UTF-8 and so spoil a Windows-1252 sheet).
 */
export async function raw(context, next) {
  const match = /^\/raw(\/.*)$/.exec(context.path);
  if (!match) return next();
  context.type = 'application/octet-stream';
  context.body = await readFile(new URL(`..${match[1]}`, import.meta.url));
}

const UPLOADED_TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  geojson: 'application/geo+json',
  map: 'application/json',
  txt: 'text/plain; charset=utf-8',
  zip: 'application/zip',
};
/**
 * `/uploaded-dist/<file>` is the built dist/ folder as a web editor has just uploaded it: its files
 * exactly as built, read from disk (no dev-server transform, no stand-in from `dataFiles`), and no
 * `members.geojson` (404 even if one lies in dist/ locally), for the embed generator's first visit.
 */
export async function uploadedDist(context, next) {
  const match = /^\/uploaded-dist\/([\w.-]+)$/.exec(context.path);
  if (!match) return next();
  const name = match[1];
  const type = UPLOADED_TYPES[name.split('.').pop()];
  if (name === 'members.geojson' || !type) {
    context.status = 404;
    return;
  }
  try {
    context.body = await readFile(new URL(`../dist/${name}`, import.meta.url));
    context.type = type;
  } catch {
    context.status = 404;
  }
}

/** `/generated/<n>.geojson`: n members spread over Germany, the same every time (seeded). */
export async function generated(context, next) {
  const match = /^\/generated\/(\d+)\.geojson$/.exec(context.path);
  if (!match) return next();
  let seed = 20261125;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const features = Array.from({ length: Number(match[1]) }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [6 + random() * 9, 47.5 + random() * 7] },
    properties: { id: `g${i}`, municipality: `Gemeinde ${i}`, role: 'Beauftragte für Bürgerbeteiligung' },
  }));
  context.type = 'application/geo+json';
  context.body = JSON.stringify({ type: 'FeatureCollection', features });
}

const assets = new Map();
/** Serves the offline basemap and the places file wherever the element looks for them (next to its script). */
export async function dataFiles(context, next) {
  const name = Object.keys(ASSETS).find((file) => context.path.endsWith(`/${file}`));
  if (!name) return next();
  if (!assets.has(name)) assets.set(name, ASSETS[name]());
  context.type = 'application/json';
  context.body = assets.get(name);
}

// A 1×1 PNG (#b0d8a0, a colour the basemap never uses); Leaflet stretches it to a tile.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPYcGMBAARkAilDkjTMAAAAAElFTkSuQmCC',
  'base64',
);

/**
 * A tile server on its own origin (127.0.0.1, a free port) that answers any `…/{z}/{x}/{y}.png` and
 * records each request (with its headers and the address it came from) and counts the connections
 * opened to it. The test page reaches it through `/__tiles/origin`, `/__tiles/log`,
 * `/__tiles/connections` and `/__tiles/reset` on the test server.
 */
export function tileServer() {
  const requests = [];
  let connections = 0;
  let origin = '';
  const server = createServer((request, response) => {
    requests.push({ path: request.url, referer: request.headers.referer ?? null, headers: request.headers, address: request.socket.remoteAddress });
    // Any prefix may come before /{z}/{x}/{y}.png, so that tests can avoid the browser's image cache.
    if (!/^(\/[\w-]+)*\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(TILE);
  });
  // Any connection counts, also one that never sends a request (a preconnect).
  server.on('connection', () => (connections += 1));
  const ready = new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve();
    }),
  );
  server.unref();
  return async function tiles(context, next) {
    if (!context.path.startsWith('/__tiles/')) return next();
    await ready;
    context.type = 'application/json';
    if (context.path === '/__tiles/origin') context.body = JSON.stringify({ origin });
    else if (context.path === '/__tiles/log') context.body = JSON.stringify(requests);
    else if (context.path === '/__tiles/connections') context.body = JSON.stringify({ connections });
    else if (context.path === '/__tiles/reset') {
      connections = 0;
      context.body = JSON.stringify(requests.splice(0).length);
    }
    else return next();
  };
}
