// Local stand-ins for the outside world, for the browser tests: nothing here leaves 127.0.0.1.
import { createServer } from 'node:http';
import { BASEMAP_FILE, buildBasemap } from './basemap.js';

/** `/slow/<ms>/<path>` answers `<path>` after a delay, for the loading-state tests. */
export async function slowResponses(context, next) {
  const match = /^\/slow\/(\d+)(\/.*)$/.exec(context.path);
  if (match) {
    await new Promise((resolve) => setTimeout(resolve, Number(match[1])));
    context.path = match[2];
  }
  return next();
}

let basemapJson;
/** Serves the offline basemap wherever the element looks for it (next to its script). */
export async function basemap(context, next) {
  if (!context.path.endsWith(`/${BASEMAP_FILE}`)) return next();
  basemapJson ??= buildBasemap();
  context.type = 'application/json';
  context.body = basemapJson;
}

// A 1×1 PNG (#b0d8a0, a colour the basemap never uses); Leaflet stretches it to a tile.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPYcGMBAARkAilDkjTMAAAAAElFTkSuQmCC',
  'base64',
);

/**
 * A tile server on its own origin (127.0.0.1, a free port) that answers any `…/{z}/{x}/{y}.png` and
 * records each request. The test page reaches it through `/__tiles/origin`, `/__tiles/log` and
 * `/__tiles/reset` on the test server.
 */
export function tileServer() {
  const requests = [];
  let origin = '';
  const server = createServer((request, response) => {
    requests.push({ path: request.url, referer: request.headers.referer ?? null });
    // Any prefix may come before /{z}/{x}/{y}.png, so that tests can avoid the browser's image cache.
    if (!/^(\/[\w-]+)*\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(TILE);
  });
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
    else if (context.path === '/__tiles/reset') context.body = JSON.stringify(requests.splice(0).length);
    else return next();
  };
}
