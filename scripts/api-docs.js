// Keeps the public API documentation in one place: the JSDoc block on the element's class.
//   node scripts/api-docs.js          regenerates custom-elements.json and README.md's API tables
//   node scripts/api-docs.js --check  fails when either is out of date with the code (run by npm test)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = join(root, 'custom-elements.json');
const README = join(root, 'README.md');

function analyze() {
  // The analyzer resolves --outdir against the working directory, so stay inside the project.
  const outdir = mkdtempSync(join(root, 'node_modules/.cache-member-map-cem-'));
  try {
    const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    execFileSync(process.execPath, [cli, 'analyze', '--outdir', relative(root, outdir), '--quiet'], { cwd: root, stdio: 'pipe' });
    return readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
function code(text) {
  if (text === undefined || text === 'undefined') return '—';
  const plain = String(text).replace(/^'(.*)'$/, '$1');
  return plain === '' ? "`''`" : `\`${plain}\``;
}
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

function tables(manifest) {
  const element = JSON.parse(manifest).modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement);
  const attributes = element.attributes ?? [];
  const fieldOnly = (element.members ?? []).filter(
    (m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static && !attributes.some((a) => a.fieldName === m.name),
  );
  return {
    attributes: table(
      ['attribute', 'property', 'type', 'default', 'meaning'],
      [
        ...attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), a.description]),
        ...fieldOnly.map((m) => ['—', code(m.name), code(m.type?.text), code(m.default), m.description]),
      ],
    ),
    events: table(['event', 'when, and its `detail`'], (element.events ?? []).map((e) => [code(e.name), e.description])),
    slots: table(['slot', 'what'], (element.slots ?? []).map((s) => [code(s.name), s.description])),
    parts: table(['`::part()`', 'element'], (element.cssParts ?? []).map((p) => [code(p.name), p.description])),
    cssProperties: table(
      ['custom property', 'default', 'what'],
      (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), p.description]),
    ),
  };
}

function withTables(readme, generated) {
  let result = readme;
  for (const [name, content] of Object.entries(generated)) {
    const pattern = new RegExp(`(<!-- api:${name} -->\\n)[\\s\\S]*?(<!-- /api:${name} -->)`);
    if (!pattern.test(result)) throw new Error(`README.md has no <!-- api:${name} --> … <!-- /api:${name} --> block`);
    result = result.replace(pattern, (_match, start, end) => `${start}${content}\n${end}`);
  }
  return result;
}

const manifest = analyze();
const readme = readFileSync(README, 'utf8');
const expected = withTables(readme, tables(manifest));

if (process.argv.includes('--check')) {
  const stale = [];
  if (readFileSync(MANIFEST, 'utf8') !== manifest) stale.push('custom-elements.json');
  if (readme !== expected) stale.push("README.md's API tables");
  if (stale.length > 0) {
    console.error(`Out of date with src/member-map.ts: ${stale.join(' and ')}. Run \`npm run docs\` and commit.`);
    process.exit(1);
  }
  console.log('custom-elements.json and the README API tables match the code.');
} else {
  writeFileSync(MANIFEST, manifest);
  writeFileSync(README, expected);
  console.log('Wrote custom-elements.json and the README API tables.');
}
