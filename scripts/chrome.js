// Finds the browsers for the browser tests: Chrome or Chromium (every suite) and Firefox (the
// visitor-facing suites, see web-test-runner.config.js).
// Chrome order: $CHROME_PATH, then the usual install paths. Firefox order: $FIREFOX_PATH, then
// /usr/bin/firefox-esr, /usr/bin/firefox and the other usual install paths.
// `node scripts/chrome.js --ensure` installs Debian's `chromium` and/or `firefox-esr` when one is
// missing and we run as root with apt-get; otherwise it says what to install and exits non-zero.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Headless flags for this sandbox: no first-run UI, no calls home (the network is closed). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/opt/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function find(envName, candidates) {
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`${envName}=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  return candidates.find(executable);
}

/** Chrome or Chromium: $CHROME_PATH, then the usual install paths; undefined when there is none. */
export function findChrome() {
  return find('CHROME_PATH', CHROME_CANDIDATES);
}

/** Firefox (ESR or release): $FIREFOX_PATH, then the usual install paths; undefined when there is none. */
export function findFirefox() {
  return find('FIREFOX_PATH', FIREFOX_CANDIDATES);
}

const BROWSERS = [
  {
    name: 'Chrome/Chromium',
    find: findChrome,
    debian: 'chromium',
    help:
      '  Debian/Ubuntu: sudo apt-get install chromium   (Ubuntu: chromium-browser)\n' +
      '  macOS:         install Google Chrome\n' +
      '  or point CHROME_PATH at a Chrome/Chromium binary.',
  },
  {
    name: 'Firefox',
    find: findFirefox,
    debian: 'firefox-esr',
    help:
      '  Debian:        sudo apt-get install firefox-esr   (Ubuntu: firefox)\n' +
      '  macOS:         install Firefox\n' +
      '  or point FIREFOX_PATH at a Firefox binary.',
  },
];

function canInstallWithApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Finds every browser, installs the missing ones with apt-get where it can, or exits non-zero. */
function ensureBrowsers() {
  const missing = BROWSERS.filter((browser) => !browser.find());
  if (missing.length && canInstallWithApt()) {
    const packages = missing.map((browser) => browser.debian);
    console.log(`Browsers for tests missing: installing Debian's ${packages.map((p) => `"${p}"`).join(' and ')} with apt-get …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  }
  const stillMissing = BROWSERS.filter((browser) => !browser.find());
  if (stillMissing.length) {
    for (const browser of stillMissing) {
      console.error(`The browser tests need ${browser.name}, and none was found.\n${browser.help}`);
    }
    process.exit(1);
  }
  return BROWSERS.map((browser) => `${browser.name}: ${browser.find()}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--ensure')) {
  console.log(`Browsers for tests: ${ensureBrowsers().join(', ')}`);
}
