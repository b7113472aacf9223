// `npm run test:wordpress`: the WordPress plugin (dist/member-map-wordpress.zip) on a real WordPress —
// Debian's `wordpress` package with its default theme, MariaDB, PHP's own web server on 127.0.0.1 —
// driven by Chromium the way an author and a visitor use it. Needs root on Debian (it installs the
// packages when they are missing); anywhere else it says so and stops without failing.
// Everything it starts it stops again; everything it writes (a site config in /etc/wordpress, a
// database, a content folder under the system's temp folder) it removes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_ARGS, findChrome } from './chrome.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ZIP = join(ROOT, 'dist/member-map-wordpress.zip');
const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server', 'php-cli', 'php-mysql', 'unzip'];
const HOST = '127.0.0.1';
const SITE_CONFIG = `/etc/wordpress/config-${HOST}.php`;
const DB = { name: 'member_map_test', user: 'member_map_test', password: `pw${process.pid}${Date.now()}` };
const SAMPLE = join(ROOT, 'data/members.geojson');
const SAMPLE_FEATURES = JSON.parse(readFileSync(SAMPLE, 'utf8')).features;
const SAMPLE_COUNT = SAMPLE_FEATURES.length;

/**
 * What a map opened on Heidelberg should list, worked out here from the sample alone (not with the
 * element's code): the 5 members nearest to the sample's Heidelberg member, by great-circle distance.
 * The element measures from the gazetteer's point inside Heidelberg instead, a few km away, so its
 * distances may differ by that much; the 5th and 6th nearest lie 20 km apart, so the five are the same.
 */
const NEAR_HEIDELBERG = (() => {
  const radians = (degrees) => (degrees * Math.PI) / 180;
  const km = ([lng1, lat1], [lng2, lat2]) => {
    const h = Math.sin(radians(lat2 - lat1) / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lng2 - lng1) / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  };
  const home = SAMPLE_FEATURES.find((feature) => feature.properties.municipality === 'Heidelberg').geometry.coordinates;
  return SAMPLE_FEATURES.map((feature) => ({ place: feature.properties.municipality, km: km(home, feature.geometry.coordinates) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, 5);
})();
/** How far the element's distances may lie from NEAR_HEIDELBERG's (other starting point, rounding). */
const NEAR_TOLERANCE_KM = 5;

const log = (message) => console.log(`test:wordpress: ${message}`);
const cleanups = [];
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${what}`);
  if (!ok) failures += 1;
}

function canRun() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'it needs root on Linux (Debian), as CI has';
  if (spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return 'it needs apt-get (Debian) to install WordPress and MariaDB';
  if (!existsSync(ZIP)) return `${ZIP} is missing: run \`npm run build\` first`;
  return undefined;
}

function ensurePackages() {
  const missing = PACKAGES.filter((name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  log(`installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitFor(what, test, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const mysql = (sql) => execFileSync('mysql', ['-u', 'root', '-e', sql], { encoding: 'utf8' });

async function startMariaDb() {
  if (spawnSync('mysqladmin', ['-u', 'root', 'ping'], { stdio: 'ignore' }).status === 0) return;
  log('starting MariaDB …');
  mkdirSync('/run/mysqld', { recursive: true });
  execFileSync('chown', ['mysql:mysql', '/run/mysqld']);
  const server = spawn('mysqld_safe', [], { stdio: 'ignore', detached: true });
  server.unref();
  cleanups.push(() => spawnSync('mysqladmin', ['-u', 'root', 'shutdown'], { stdio: 'ignore' }));
  await waitFor('MariaDB', () => spawnSync('mysqladmin', ['-u', 'root', 'ping'], { stdio: 'ignore' }).status === 0);
}

/** Runs PHP with WordPress loaded as on a request to the test site; `code` ends with its answer on stdout. */
function wp(code, { installing = false } = {}) {
  const script = `<?php
$_SERVER['HTTP_HOST'] = '${HOST}';
$_SERVER['REQUEST_URI'] = '/';
${installing ? "define('WP_INSTALLING', true);" : ''}
require '/usr/share/wordpress/wp-load.php';
${code}
`;
  const run = spawnSync('php', ['-d', 'display_errors=stderr'], { input: script, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`PHP failed (${run.status}): ${run.stderr || run.stdout}`);
  return run.stdout.trim();
}

async function main() {
  const reason = canRun();
  if (reason) {
    console.log(`test:wordpress skipped: ${reason}.`);
    return;
  }
  ensurePackages();
  const work = mkdtempSync(join(tmpdir(), 'member-map-wp-'));
  chmodSync(work, 0o755);
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const content = join(work, 'wp-content');
  for (const folder of ['plugins', 'uploads', 'themes']) mkdirSync(join(content, folder), { recursive: true });
  symlinkSync('/usr/share/wordpress/wp-content/themes/twentytwentythree', join(content, 'themes/twentytwentythree'));

  await startMariaDb();
  mysql(`DROP DATABASE IF EXISTS ${DB.name}; CREATE DATABASE ${DB.name};
    CREATE OR REPLACE USER '${DB.user}'@'localhost' IDENTIFIED BY '${DB.password}';
    GRANT ALL ON ${DB.name}.* TO '${DB.user}'@'localhost';`);
  cleanups.push(() => mysql(`DROP DATABASE IF EXISTS ${DB.name}; DROP USER IF EXISTS '${DB.user}'@'localhost';`));

  const port = await freePort();
  const site = `http://${HOST}:${port}`;
  if (existsSync(SITE_CONFIG)) throw new Error(`${SITE_CONFIG} exists already: not touching another site's configuration`);
  writeFileSync(
    SITE_CONFIG,
    `<?php
define('DB_NAME', '${DB.name}');
define('DB_USER', '${DB.user}');
define('DB_PASSWORD', '${DB.password}');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${site}/wp-content');
define('WP_HOME', '${site}');
define('WP_SITEURL', '${site}');
define('FS_METHOD', 'direct');
// The test machine may have no internet: WordPress's own calls to other hosts (its cron's update
// checks and pings) fail at once instead of waiting for DNS. The plugin itself calls no one.
define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
`,
  );
  cleanups.push(() => rmSync(SITE_CONFIG, { force: true }));

  // PHP's own web server: WordPress from Debian's folder, /wp-content from the test's folder.
  const router = join(work, 'router.php');
  writeFileSync(
    router,
    `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$types = ['js' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json', 'geojson' => 'application/geo+json', 'svg' => 'image/svg+xml', 'png' => 'image/png'];
if (str_starts_with($path, '/wp-content/')) {
  $file = realpath('${content}' . substr($path, strlen('/wp-content')));
  if ($file && is_file($file) && !str_ends_with($file, '.php')) {
    header('Content-Type: ' . ($types[pathinfo($file, PATHINFO_EXTENSION)] ?? 'application/octet-stream'));
    readfile($file);
    return true;
  }
  http_response_code(404);
  return true;
}
if ($path !== '/' && is_file('/usr/share/wordpress' . $path) && !str_ends_with($path, '.php')) return false;
if (is_file('/usr/share/wordpress' . $path)) { require '/usr/share/wordpress' . $path; return true; }
require '/usr/share/wordpress/index.php';
`,
  );
  // Several workers, as a real web server has: WordPress's cron, run by a visit after a post is
  // published, requests the site itself (a HEAD for each address in the post, looking for enclosures),
  // and a one-request-at-a-time server would wait for itself until that request times out. The workers
  // share the server's process group, which is stopped as a whole.
  const server = spawn('php', ['-S', `${HOST}:${port}`, '-t', '/usr/share/wordpress', router], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
  });
  cleanups.push(() => process.kill(-server.pid, 'SIGTERM'));
  await waitFor('the web server', async () => fetch(`${site}/readme.html`).then((r) => r.ok, () => false));

  log(`installing WordPress at ${site} …`);
  wp(
    `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    wp_install('Mitgliederkarte Test', 'admin', 'admin@example.org', true, '', 'admin-password');
    switch_theme('twentytwentythree');
    echo 'installed';`,
    { installing: true },
  );
  // The zip goes in the way "Plugins → Installieren → Plugin hochladen" puts it: WordPress's own installer.
  const activated = wp(`wp_set_current_user(1);
    require_once ABSPATH . 'wp-admin/includes/file.php';
    require_once ABSPATH . 'wp-admin/includes/misc.php';
    require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
    require_once ABSPATH . 'wp-admin/includes/plugin.php';
    $upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
    $installed = $upgrader->install('${ZIP}');
    if ($installed !== true) { echo is_wp_error($installed) ? $installed->get_error_message() : 'not installed'; exit; }
    $result = activate_plugin($upgrader->plugin_info());
    echo is_wp_error($result) ? $result->get_error_message() : $upgrader->plugin_info();`);
  check(activated === 'member-map/member-map.php', `WordPress's plugin installer installs and activates the zip (${activated})`);

  // As an author (no unfiltered_html): upload the member file, then save three posts and one without the map.
  const posts = JSON.parse(
    wp(`$author = wp_insert_user(['user_login' => 'autorin', 'user_pass' => 'autorin-password', 'user_email' => 'autorin@example.org', 'role' => 'author']);
    wp_set_current_user($author);
    kses_init();
    require_once ABSPATH . 'wp-admin/includes/file.php';
    require_once ABSPATH . 'wp-admin/includes/media.php';
    require_once ABSPATH . 'wp-admin/includes/image.php';
    $tmp = wp_tempnam('members.geojson');
    copy('${SAMPLE}', $tmp);
    $upload = media_handle_sideload(['name' => 'members.geojson', 'tmp_name' => $tmp], 0);
    if (is_wp_error($upload)) { echo json_encode(['upload' => $upload->get_error_message()]); exit; }
    $src = wp_get_attachment_url($upload);
    $publish = fn($title, $content) => wp_insert_post(['post_title' => $title, 'post_status' => 'publish', 'post_content' => $content], true);
    $ids = [
      'upload' => $src,
      'unfiltered' => current_user_can('unfiltered_html'),
      'shortcode' => $publish('Shortcode', '[member-map src="' . $src . '"]'),
      'block' => $publish('Block', '<!-- wp:member-map/map {"src":"' . $src . '"} /-->'),
      'nearShortcode' => $publish('Heidelberg', '[member-map src="' . $src . '" near="Heidelberg"]'),
      'nearShortcodeAgs' => $publish('AGS im Shortcode', '[member-map src="' . $src . '" near="08221000"]'),
      'nearBlock' => $publish('AGS im Block', '<!-- wp:member-map/map {"src":"' . $src . '","near":"08221000"} /-->'),
      'tag' => $publish('Tag', '<!-- wp:html --><member-map src="' . $src . '" region="" onclick="alert(1)" onmouseover="alert(2)" style="position:fixed"></member-map><!-- /wp:html -->'),
      'links' => $publish('Links', '<!-- wp:html --><member-map src="javascript:alert(3)" teaser href="javascript:alert(4)"></member-map><!-- /wp:html -->'),
      'plain' => $publish('Ohne Karte', '<p>Eine Seite ohne Karte.</p>'),
      'tiles' => $publish('Kacheln', '[member-map src="' . $src . '" tiles="on" tile-url="https://tiles.example.org/{z}/{x}/{y}.png"]<!-- wp:html --><member-map src="' . $src . '" tiles="on" tile-url="https://tiles.example.org/{z}/{x}/{y}.png"></member-map><!-- /wp:html -->'),
    ];
    $ids['tagContent'] = get_post($ids['tag'])->post_content;
    $ids['linksContent'] = get_post($ids['links'])->post_content;
    echo json_encode($ids);`),
  );
  check(typeof posts.upload === 'string' && posts.upload.endsWith('.geojson'), `an author uploads members.geojson to the media library (${posts.upload})`);
  check(posts.unfiltered === false, 'the author has no unfiltered_html (kses filters what she saves)');
  check(/<member-map /.test(posts.tagContent), 'the bare tag saved by the author survives kses');
  check(!/onclick|onmouseover|style=/i.test(posts.tagContent), `event handlers and style do not survive (${posts.tagContent.replace(/\s+/g, ' ').slice(0, 200)})`);
  check(/<member-map /.test(posts.linksContent) && !/javascript:/i.test(posts.linksContent), `javascript: addresses do not survive (${posts.linksContent.replace(/\s+/g, ' ').slice(0, 200)})`);

  // The settings page's default data address: then `[member-map]` alone is enough.
  const bare = wp(`update_option('member_map_data_url', '${posts.upload}');
    wp_set_current_user(get_user_by('login', 'autorin')->ID);
    kses_init();
    echo wp_insert_post(['post_title' => 'Nur Shortcode', 'post_status' => 'publish', 'post_content' => '[member-map]']);`);

  // The settings' sanitize callbacks: an invalid value is refused with a message, the saved one stays.
  const refused = JSON.parse(
    wp(`require_once ABSPATH . 'wp-admin/includes/template.php';
    member_map_register_settings();
    update_option('member_map_data_url', 'javascript:alert(1)');
    $url = get_option('member_map_data_url');
    update_option('member_map_contact_email', 'stock(at)example.org');
    $mail = get_option('member_map_contact_email');
    update_option('member_map_contact_email', 'nobody');
    $kept = get_option('member_map_contact_email');
    update_option('member_map_contact_email', ' ');
    $cleared = get_option('member_map_contact_email');
    delete_option('member_map_contact_email');
    echo json_encode([$url, count(get_settings_errors('member_map_data_url')), $mail, $kept, count(get_settings_errors('member_map_contact_email')), $cleared]);`),
  );
  check(
    JSON.stringify(refused) === JSON.stringify([posts.upload, 1, 'stock(at)example.org', 'stock(at)example.org', 1, '']),
    `the settings refuse a javascript: data address and a contact address that is none, keep the saved ones and say why; an empty field clears (${JSON.stringify(refused)})`,
  );

  // As an administrator: the README's Custom HTML snippet, script and stylesheet from the plugin's folder.
  const pluginUrl = `${site}/wp-content/plugins/member-map`;
  const admin = wp(`wp_set_current_user(1);
    echo wp_insert_post(['post_title' => 'Admin', 'post_status' => 'publish', 'post_content' => '<!-- wp:html --><link rel="stylesheet" href="${pluginUrl}/member-map.css"><script src="${pluginUrl}/member-map.iife.js" defer></script><member-map src="${posts.upload}"></member-map><!-- /wp:html -->']);`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  cleanups.unshift(() => browser.close());
  /**
   * A map opened with `near`, read as a visitor sees it: the place marker on the map, then, after a
   * click on "Liste" ("List" on an English site) in the map's toolbar, the list's title, places and
   * distances.
   */
  const readNearView = async (page) => {
    await page.waitForFunction(() => document.querySelector('member-map')?.shadowRoot?.querySelector('.place-marker'), null, { timeout: 15000 });
    const marker = await page.evaluate(() => document.querySelector('member-map').shadowRoot.querySelector('.place-marker').textContent.trim());
    await page.locator('member-map .view-toggle button', { hasText: /^\s*(Liste|List)\s*$/ }).click();
    await page.waitForFunction(() => document.querySelector('member-map').shadowRoot.querySelector('.list-member__distance'), null, { timeout: 15000 });
    return {
      marker,
      ...(await page.evaluate(() => {
        const list = document.querySelector('member-map').shadowRoot.querySelector('.list');
        const texts = (selector) => [...list.querySelectorAll(selector)].map((node) => node.textContent.trim());
        return { title: list.querySelector('h3')?.textContent?.trim(), places: texts('.list-member__place'), distances: texts('.list-member__distance') };
      })),
    };
  };

  const visit = async (id, what, { near = false } = {}) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const html = await (await fetch(`${site}/?p=${id}`)).text();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site}/?p=${id}`, { waitUntil: 'load' });
    let shown = 0;
    try {
      await page.waitForFunction(
        () => document.querySelector('member-map')?.shadowRoot?.querySelector('.member-cluster, .member-marker'),
        null,
        { timeout: 15000 },
      );
      // Every member of the sample, in clusters or on their own.
      shown = await page.evaluate(() => {
        const root = document.querySelector('member-map').shadowRoot;
        const markers = root.querySelectorAll('.member-marker').length;
        const clusters = [...root.querySelectorAll('.member-cluster [aria-hidden]')].reduce((sum, node) => sum + Number(node.textContent), 0);
        return markers + clusters;
      });
    } catch {
      // counted as 0 below
    }
    const scripts = requests.filter((url) => url.includes('/plugins/member-map/member-map.iife.js')).length;
    const foreign = requests.filter((url) => !url.startsWith(site));
    const attributes = await page.evaluate(() => [...(document.querySelector('member-map')?.attributes ?? [])].map((a) => a.name));
    const status = await page.evaluate(() => document.querySelector('member-map')?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim());
    const nearView = near ? await readNearView(page).catch((error) => ({ error: error.message })) : undefined;
    // The list view's part comes from the plugin's folder too: counted after it.
    const foreignAfter = requests.filter((url) => !url.startsWith(site));
    await page.close();
    log(`${what}: ${shown} members shown, script loaded ${scripts}×, other hosts: ${foreign.length}`);
    // The plugin's script tag: deferred, and in the footer (after the page's content).
    const tag = html.match(/<script[^>]*plugins\/member-map\/member-map\.iife\.js[^>]*>/)?.[0] ?? '';
    const footer = tag !== '' && html.indexOf(tag) > html.lastIndexOf('<member-map');
    return { shown, scripts, foreign: foreignAfter, attributes, status, nearView, deferred: /\sdefer\b/.test(tag), footer };
  };

  for (const [key, what] of [['shortcode', 'shortcode [member-map]'], ['block', 'block member-map/map'], ['tag', 'bare tag in Custom HTML']]) {
    const result = await visit(posts[key], `author's post with the ${what}`);
    check(result.shown === SAMPLE_COUNT, `the ${what} shows all ${SAMPLE_COUNT} members with clusters (${result.shown})`);
    check(result.scripts === 1, `the ${what} page loads the plugin's script once (${result.scripts})`);
    check(result.deferred && result.footer, `the ${what} page has the script deferred, in the footer`);
    check(result.foreign.length === 0, `the ${what} page asks no other host (${result.foreign.join(', ')})`);
    if (key === 'tag') check(!result.attributes.some((name) => name.startsWith('on') || name === 'style'), `no handler or style on the rendered tag (${result.attributes})`);
  }
  // A municipality's own view: by name and by AGS in the shortcode, by AGS in the block (and by name in
  // the block editor's field, below).
  const checkNear = (result, what) => {
    check(
      // The element speaks the page's language: WordPress's default site is English.
      result.shown === 5 && /^5 (Mitglieder in der Nähe von|members near) Heidelberg$/.test(result.status ?? ''),
      `the ${what} opens on Heidelberg with its 5 nearest members (${result.shown}, "${result.status}")`,
    );
    const view = result.nearView ?? {};
    check(/Heidelberg/.test(view.marker ?? ''), `the ${what} marks Heidelberg on the map (${view.error ?? `"${view.marker}"`})`);
    const places = view.places ?? [];
    const km = (view.distances ?? []).map((text) => {
      const german = / km entfernt$/.test(text);
      const number = /^([\d.,]+) km (entfernt|away)$/.exec(text)?.[1];
      return number === undefined ? NaN : Number(german ? number.replace(/\./g, '').replace(',', '.') : number.replace(/,/g, ''));
    });
    const expected = new Map(NEAR_HEIDELBERG.map(({ place, km }) => [place, km]));
    check(
      /^(Die nächsten Mitglieder zu|The members nearest to) Heidelberg$/.test(view.title ?? '') &&
        places.length === 5 &&
        places[0] === 'Heidelberg' &&
        [...places].sort().join('|') === [...expected.keys()].sort().join('|') &&
        km.length === 5 &&
        km.every((distance, index) => Number.isFinite(distance) && Math.abs(distance - expected.get(places[index])) <= NEAR_TOLERANCE_KM) &&
        km.every((distance, index) => index === 0 || distance >= km[index - 1]),
      `the ${what} lists Heidelberg's 5 nearest members with their distances, nearest first ` +
        `(${view.error ?? `"${view.title}": ${places.map((place, index) => `${place} ${view.distances[index]}`).join(', ')}`}; ` +
        `from the sample: ${NEAR_HEIDELBERG.map(({ place, km }) => `${place} ${km.toFixed(1)} km`).join(', ')})`,
    );
    check(result.foreign.length === 0, `the ${what} page asks no other host (${result.foreign.join(', ')})`);
  };
  for (const [key, what] of [
    ['nearShortcode', 'shortcode with near="Heidelberg"'],
    ['nearShortcodeAgs', 'shortcode with near="08221000"'],
    ['nearBlock', 'block with near 08221000'],
  ]) {
    checkNear(await visit(posts[key], `author's post with the ${what}`, { near: true }), what);
  }
  // Which server gets visitors' addresses is the site's decision: an author cannot switch tiles on.
  const tilesHtml = await (await fetch(`${site}/?p=${posts.tiles}`)).text();
  const tags = tilesHtml.match(/<member-map[^>]*>/g) ?? [];
  check(
    tags.length === 2 && tags.every((tag) => !/tiles="on"|tile-url|tiles\.example/.test(tag)),
    `an author's tiles="on" and tile-url are dropped, in the shortcode and the bare tag (${tags.join(' ')})`,
  );
  const alone = await visit(bare, 'a post with just [member-map] (the data address from the settings)');
  check(alone.shown === SAMPLE_COUNT, `[member-map] alone shows all ${SAMPLE_COUNT} members (${alone.shown})`);
  const plain = await visit(posts.plain, 'a post without the map');
  check(plain.scripts === 0, 'a page without the map loads no plugin script');
  const adminResult = await visit(admin, "the administrator's Custom HTML snippet from the README");
  check(adminResult.shown === SAMPLE_COUNT, `the README's snippet still works for an administrator (${adminResult.shown})`);

  // The block in the editor: the author logs in, inserts "Mitgliederkarte" and sees its box and panel.
  let editorNearPost;
  const editor = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  editor.on('pageerror', (error) => errors.push(error.message));
  await editor.goto(`${site}/wp-login.php`);
  await editor.fill('#user_login', 'autorin');
  await editor.fill('#user_pass', 'autorin-password');
  await Promise.all([editor.waitForNavigation(), editor.click('#wp-submit')]);
  await editor.goto(`${site}/wp-admin/post-new.php`);
  const registered = await editor
    .waitForFunction(() => window.wp?.blocks?.getBlockType?.('member-map/map')?.title, null, { timeout: 30000 })
    .then((handle) => handle.jsonValue(), () => undefined);
  check(registered === 'Mitgliederkarte', `the block editor knows the block "Mitgliederkarte" (${registered})`);
  if (registered) {
    await editor.evaluate((src) => {
      const block = window.wp.blocks.createBlock('member-map/map', { src });
      window.wp.data.dispatch('core/block-editor').insertBlocks(block);
      window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
    }, posts.upload);
    const box = await editor
      .waitForFunction(() => document.querySelector('.wp-block-member-map-map')?.textContent, null, { timeout: 15000 })
      .then((handle) => handle.jsonValue(), () => '');
    check(/Mitgliederkarte/.test(box), `the inserted block shows its box in the editor (${box.replace(/\s+/g, ' ').slice(0, 80)})`);
    const panel = await editor.locator('.interface-complementary-area').textContent().catch(() => '');
    check(/Region|Bundesland/.test(panel) && /Sprache/.test(panel), 'its settings panel offers region and language');
    // The author types her municipality into "Eigene Gemeinde (near)", as a person does, and publishes.
    const nearField = editor.locator('.interface-complementary-area').getByLabel('Eigene Gemeinde (near)');
    const typed = await nearField
      .pressSequentially('Heidelberg', { timeout: 15000 })
      .then(() => editor.waitForFunction(() => /Gemeinde: Heidelberg/.test(document.querySelector('.wp-block-member-map-map')?.textContent ?? ''), null, { timeout: 15000 }))
      .then(() => true, (error) => error.message.split('\n')[0]);
    check(typed === true, `its field "Eigene Gemeinde (near)" takes "Heidelberg" and the box says "Gemeinde: Heidelberg" (${typed})`);
    const saved = await editor
      .evaluate(async () => {
        const { dispatch, select } = window.wp.data;
        dispatch('core/editor').editPost({ title: 'Im Editor: Heidelberg', status: 'publish' });
        await dispatch('core/editor').savePost();
        const editorStore = select('core/editor');
        return { id: editorStore.getCurrentPostId(), status: editorStore.getCurrentPostAttribute('status'), dirty: editorStore.isEditedPostDirty() };
      })
      .catch((error) => ({ error: error.message }));
    const content = saved.id ? wp(`echo get_post(${Number(saved.id)})->post_content;`) : '';
    check(
      saved.status === 'publish' && /<!-- wp:member-map\/map \{[^}]*"near":"Heidelberg"[^}]*\} \/-->/.test(content),
      `the author publishes the post with the block's near saved in it (${saved.error ?? `${saved.status}${saved.dirty ? ', still unsaved changes' : ''}: ${content.slice(0, 200)}`})`,
    );
    if (saved.id) editorNearPost = saved.id;
  }
  check(errors.length === 0, `the editor runs without script errors (${errors.join('; ')})`);
  // The settings are for administrators only.
  const settings = await editor.goto(`${site}/wp-admin/options-general.php?page=member-map`);
  const denied = (await editor.content()).includes('member_map_data_url') === false;
  check(denied, `an author cannot open Einstellungen → Mitgliederkarte (HTTP ${settings?.status()})`);
  await editor.close();
  if (editorNearPost) checkNear(await visit(editorNearPost, "the post made in the block editor with near typed into the sidebar", { near: true }), 'block with near typed in the editor');
  else check(false, 'the post made in the block editor with near could not be visited: it was not saved');

  // Deleting the plugin deletes its settings.
  const left = wp(`wp_set_current_user(1);
    require_once ABSPATH . 'wp-admin/includes/plugin.php';
    deactivate_plugins('member-map/member-map.php');
    uninstall_plugin('member-map/member-map.php');
    echo json_encode([get_option('member_map_data_url', 'gone'), get_option('member_map_tiles', 'gone'), get_option('member_map_contact_email', 'gone')]);`);
  check(left === '["gone","gone","gone"]', `uninstalling removes the plugin's options (${left})`);
}

try {
  await main();
} catch (error) {
  console.error(`test:wordpress: ${error.stack ?? error}`);
  failures += 1;
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`test:wordpress: cleanup: ${error.message}`);
    }
  }
}
if (failures > 0) {
  console.error(`test:wordpress: ${failures} check(s) failed.`);
  process.exit(1);
}
console.log('test:wordpress: every check passed.');
