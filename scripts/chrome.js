// Finds a Chrome or Chromium for the browser tests. Order: $CHROME_PATH, then the usual install
// paths. `node scripts/chrome.js --ensure` installs Debian's chromium when none is found and we run
// as root with apt-get; otherwise it says what to install and exits non-zero.
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

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  return CANDIDATES.find(executable);
}

function canInstallWithApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  if (canInstallWithApt()) {
    console.log('No Chrome/Chromium found: installing Debian\'s "chromium" with apt-get …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    'The browser tests need Chrome or Chromium, and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium   (Ubuntu: chromium-browser)\n' +
      '  macOS:         install Google Chrome\n' +
      '  or point CHROME_PATH at a Chrome/Chromium binary.',
  );
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--ensure')) {
  console.log(`Browser for tests: ${ensureChrome()}`);
}
