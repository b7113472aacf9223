/// <reference types="node" />
// The workbench's screenshots in the README (docs/images/editor-*.png), taken from the built page:
//
//   npm run build   (or: npx vite build --mode editor)
//   npx tsx test/editor-screenshots.ts [folder]   (default docs/images; with a folder, also the
//                                                   report with problems at 1024 and 1280 px)
//
// It serves the checkout itself on 127.0.0.1 and drives Debian's Chromium with playwright-core.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(ROOT, 'docs/images');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(ROOT, path));
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };
const page_url = `http://127.0.0.1:${port}/dist/editor.html`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

async function opened(width: number, height: number, file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(page_url);
  await page.waitForSelector('#file');
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.querySelector('.status')?.textContent?.includes('geöffnet'));
  await page.waitForSelector('member-map');
  await page.waitForTimeout(1500); // the preview's basemap and markers
  return page;
}

const sheet = join(ROOT, 'test/fixtures/editor/members-1252.csv');

// 1. After opening: the status, the report below the file step, the map on the right.
let page = await opened(1200, 900, sheet);
await page.evaluate(() => document.querySelector('.status')!.scrollIntoView({ block: 'start' }));
await page.evaluate(() => window.scrollBy(0, -16));
await page.waitForTimeout(500);
await page.screenshot({ path: join(out, 'editor-1-open.png') });

// 2. Editing a member.
await page.click('.members button[data-row="0"]');
await page.waitForSelector('.member-form');
await page.evaluate(() => document.querySelector('.member-form')!.scrollIntoView({ block: 'start' }));
await page.waitForTimeout(500);
await page.setViewportSize({ width: 1200, height: 750 });
await page.screenshot({ path: join(out, 'editor-2-edit.png') });

// 3. Saving, with one row left to fix.
await page.click('.member-form button.secondary:text("Abbrechen")');
await page.selectOption('.report select', { index: [...(await page.$$eval('.report select option', (options) => options.map((option) => option.textContent!)))].findIndex((text) => text.startsWith('Neustadt an der Weinstraße')) });
await page.click('.report-action button:text("Übernehmen")');
await page.waitForFunction(() => document.querySelectorAll('.report .report-item').length === 1);
await page.setViewportSize({ width: 1200, height: 900 });
const save = await page.$('section[aria-labelledby="step-save"]');
await save!.scrollIntoViewIfNeeded();
await page.waitForTimeout(500);
const box = (await save!.boundingBox())!;
await page.screenshot({ path: join(out, 'editor-3-save.png'), clip: { x: 0, y: Math.max(0, box.y - 10), width: 1200, height: box.height + 20 } });
await page.close();

// The report with problems at 1024 and 1280 px (only when a folder is given: for looking at).
if (process.argv[2]) {
  for (const width of [1024, 1280]) {
    page = await opened(width, 900, process.argv[3] ?? sheet);
    await page.evaluate(() => document.querySelector('#step-report')!.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, `editor-report-${width}.png`) });
    await page.close();
  }
}
await browser.close();
server.close();
