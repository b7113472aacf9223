/// <reference types="node" />
// The CLI end to end, as its own process: exit codes, what is written and what is not.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { writeFileAtomic } from '../../src/cli/write-atomic.js';
import { cli, elementFixture, fixture, ROOT, spawnCli, spawnNode, withTempDir } from './helpers.js';

/**
 * Builds the bin with the very command of `npm run build:cli`, but into a private folder, so that a
 * `vite build` emptying dist/ at the same time cannot pull it away. The folder is inside
 * node_modules so that the bin finds its dependencies as it does when installed.
 */
async function buildBin(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const script: string = pkg.scripts['build:cli'];
  const outfile = `--outfile=${pkg.bin['member-map-data']}`;
  assert.ok(script.includes(outfile), `build:cli writes the bin (${outfile})`);
  const bin = join(ROOT, 'node_modules/.cache/member-map-cli-test/member-map-data.js');
  // Split as a shell would: the banner is one argument in double quotes, with \" inside.
  const words = script.replace(outfile, `--outfile=${bin}`).match(/(?:[^\s"]+|"(?:\\.|[^"\\])*")+/g) ?? [];
  const [tool, ...args] = words.map((word) => word.replace(/"((?:\\.|[^"\\])*)"/g, (_, inner: string) => inner.replace(/\\(.)/g, '$1')));
  assert.equal(tool, 'esbuild');
  await new Promise<void>((done, fail) => {
    execFile(join(ROOT, 'node_modules/.bin/esbuild'), args, { cwd: ROOT, timeout: 60_000 }, (error, _out, stderr) =>
      error ? fail(new Error(stderr)) : done(),
    );
  });
  return bin;
}

describe('member-map-data as a process', () => {
  let bin = '';
  /** The built plain-JavaScript bin, as `npx member-map-data` runs it after install. */
  const spawnBin = (args: string[]) => spawnNode([bin, ...args]);
  before(async () => {
    bin = await buildBin();
  });

  it('is a plain-JavaScript file with a shebang, built by the build:cli command', async () => {
    assert.ok((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n'));
    const { code, stdout } = await spawnBin(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Aufruf:/m);
  });

  it('import writes the member file and exits 0 when every row is placed', () =>
    withTempDir(async (dir) => {
      const output = join(dir, 'members.geojson');
      const { code, stdout } = await spawnCli(['import', fixture('semicolon-bom.csv'), '-o', output]);
      assert.equal(code, 0, stdout);
      assert.match(stdout, /5 Zeilen gelesen: 1 mit Koordinaten platziert, 4 über das Ortsverzeichnis platziert, 0 übersprungen\./);
      assert.match(stdout, /5 Mitglieder nach .*members\.geojson geschrieben\./);
      const written = JSON.parse(await readFile(output, 'utf8'));
      assert.equal(written.type, 'FeatureCollection');
      assert.equal(written.features.length, 5);
      assert.deepEqual(await readdir(dir), ['members.geojson']);
    }));

  it('import writes nothing and exits 1 when a row cannot be placed; the old file stays as it was', () =>
    withTempDir(async (dir) => {
      const output = join(dir, 'members.geojson');
      await writeFile(output, 'the previous file');
      const { code, stdout } = await spawnBin(['import', fixture('problems.csv'), '-o', output, '--lang', 'en']);
      assert.equal(code, 1);
      assert.match(stdout, /^Error: line 2, column "Kommune": "Neustadt" is ambiguous/m);
      assert.match(stdout, /^Error: line 3, column "Kommune": "Nirgendwo am See" in Bayern is not in the gazetteer/m);
      assert.match(stdout, /^Nothing written: 6 rows could not be imported\./m);
      assert.equal(await readFile(output, 'utf8'), 'the previous file');
      assert.deepEqual(await readdir(dir), ['members.geojson'], 'no temporary file left behind');
    }));

  it('import --allow-partial writes the placed rows, lists the others and exits 0', () =>
    withTempDir(async (dir) => {
      const output = join(dir, 'members.geojson');
      const { code, stdout } = await spawnBin(['import', fixture('problems.csv'), '-o', output, '--allow-partial']);
      assert.equal(code, 0);
      assert.match(stdout, /^Fehler: Zeile 6, Spalte „Breitengrad“: .*vertauscht/m);
      assert.match(stdout, /^2 Mitglieder nach .* geschrieben\.$/m);
      assert.match(stdout, /^6 Zeilen fehlen in der Ausgabe \(--allow-partial\)\.$/m);
      const written = JSON.parse(await readFile(output, 'utf8'));
      assert.deepEqual(written.features.map((feature: { properties: { id: string } }) => feature.properties.id), ['c', 'f']);
    }));

  it('import of an empty or header-only file exits 1 and creates no file, even with --allow-partial', () =>
    withTempDir(async (dir) => {
      for (const name of ['empty.csv', 'header-only.csv']) {
        const output = join(dir, `${name}.geojson`);
        const { code, out } = await cli('import', fixture(name), '-o', output, '--allow-partial');
        assert.equal(code, 1, name);
        assert.match(out, /Nichts geschrieben\./, name);
      }
      assert.deepEqual(await readdir(dir), []);
    }));

  it('import of a CSV with broken quoting says where and what to fix, in the report language, exits 1 and writes nothing', () =>
    withTempDir(async (dir) => {
      const input = join(dir, 'offen.csv');
      // The broken cell opens on line 4; its row starts on line 3.
      await writeFile(input, 'Kommune;Funktion;Organisation\r\nKöln;x;y\r\nBonn;"Beauftragte für\r\nBürgerbeteiligung";"Stadt Bonn\r\nJena;x;y\r\n');
      const output = join(dir, 'members.geojson');
      const de = await cli('import', input, '-o', output);
      assert.equal(de.code, 1);
      assert.deepEqual(de.out.split('\n').slice(1), [
        'Fehler: Zeile 4: Ein Anführungszeichen (") in dieser Zeile wird nicht geschlossen, deshalb ist die Datei ab hier nicht lesbar. ' +
          'Bitte das fehlende schließende Anführungszeichen ergänzen oder das überzählige löschen.',
        'Nichts geschrieben.',
      ]);
      const en = await cli('import', input, '-o', output, '--lang', 'en');
      assert.equal(en.code, 1);
      assert.deepEqual(en.out.split('\n').slice(1), [
        'Error: line 4: A quote (") on this line is never closed, so the file cannot be read from here on. Add the missing closing quote or delete the extra one.',
        'Nothing written.',
      ]);
      await writeFile(input, 'Kommune;Funktion\r\nBonn;"Büro "Bürgerbeteiligung" im Rathaus"\r\n');
      const lone = await cli('import', input, '-o', output);
      assert.equal(lone.code, 1);
      assert.equal(
        lone.out.split('\n')[1],
        'Fehler: Zeile 2: In dieser Zeile steht ein einzelnes Anführungszeichen (") im Text einer Zelle, die selbst in Anführungszeichen steht; ' +
          'deshalb ist die Datei ab hier nicht lesbar. Ein Anführungszeichen im Text muss doppelt geschrieben werden (""): ' +
          'Bitte das Anführungszeichen verdoppeln oder löschen.',
      );
      // Not a word of the CSV parser's own (English) reasons.
      for (const { out, err } of [de, en, lone]) assert.doesNotMatch(out + err, /Quoted field|unterminated|malformed|Trailing quote/i);
      assert.deepEqual(await readdir(dir), ['offen.csv']);
    }));

  it('validate exits 1 on a file with skipped features and 0 on a clean one', async () => {
    const broken = await spawnBin(['validate', elementFixture('mixed.geojson'), '--lang', 'en']);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /^ {2}features\[2\]: coordinates must be \[longitude, latitude\]/m);
    const clean = await spawnBin(['validate', join(ROOT, 'data/members.geojson')]);
    assert.equal(clean.code, 0);
  });

  it('export writes semicolon-separated UTF-8 with BOM that imports again', () =>
    withTempDir(async (dir) => {
      const csv = join(dir, 'members.csv');
      const exported = await cli('export', join(ROOT, 'data/members.geojson'), '-o', csv);
      assert.equal(exported.code, 0);
      const bytes = await readFile(csv);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.startsWith('ID;Name;Funktion;Organisation;Kommune;Bundesland;E-Mail;Telefon;Website;Breitengrad;Längengrad;PLZ;AGS\r\n'));
      assert.match(text, /\r\nheidelberg;;Leitung Koordinierungsstelle Bürgerbeteiligung;"?Stadt Heidelberg, Koordinierungsstelle Bürgerbeteiligung"?;Heidelberg;Baden-Württemberg;beteiligung\.heidelberg@example\.org;;https:\/\/www\.heidelberg\.de\/;49,3988;8,6724;;\r\n/);
      const back = await cli('import', csv, '-o', join(dir, 'again.geojson'));
      assert.equal(back.code, 0, back.out);
      assert.match(back.out, /63 mit Koordinaten platziert/);
    }));

  it('export of a file with skipped features writes nothing unless --allow-partial', () =>
    withTempDir(async (dir) => {
      const csv = join(dir, 'mixed.csv');
      const refused = await cli('export', elementFixture('mixed.geojson'), '-o', csv);
      assert.equal(refused.code, 1);
      assert.deepEqual(await readdir(dir), []);
      const partial = await cli('export', elementFixture('mixed.geojson'), '-o', csv, '--allow-partial');
      assert.equal(partial.code, 0);
      const rows = (await readFile(csv, 'utf8')).trim().split('\r\n');
      assert.equal(rows.length, 4, 'header and the three valid members');
    }));

  it('exits 2 on wrong usage or an unreadable file, with a message on stderr', async () => {
    const missingOutput = await spawnBin(['import', fixture('semicolon-bom.csv')]);
    assert.equal(missingOutput.code, 2);
    assert.match(missingOutput.stderr, /-o FILE/);
    assert.equal((await spawnBin(['frobnicate', 'x'])).code, 2);
    assert.equal((await spawnBin(['validate', 'x.geojson', '--lang', 'fr'])).code, 2);
    const missingFile = await spawnBin(['validate', join(ROOT, 'does-not-exist.geojson')]);
    assert.equal(missingFile.code, 2);
    assert.match(missingFile.stderr, /ENOENT/);
    const help = await spawnBin(['--help', '--lang', 'en']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage:/m);
  });

  it('import reads the first sheet of an Excel workbook (.xlsx) and exits 2 on a broken one', () =>
    withTempDir(async (dir) => {
      const output = join(dir, 'members.geojson');
      const { code, stdout, stderr } = await spawnBin(['import', fixture('members.xlsx'), '-o', output]);
      assert.equal(code, 0, stdout + stderr);
      assert.match(stdout, /\(Excel-Tabelle, erstes Blatt\)/);
      assert.match(stdout, /^5 Mitglieder nach .* geschrieben\.$/m);
      const written = JSON.parse(await readFile(output, 'utf8'));
      assert.deepEqual(
        written.features.map((feature: { properties: { id: string } }) => feature.properties.id),
        ['heidelberg', 'weyarn', 'halle-saale', 'berlin-lichtenberg', 'flensburg'],
      );
      const broken = join(dir, 'broken.xlsx');
      await writeFile(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 0x2a)]));
      const failed = await spawnBin(['import', broken, '-o', join(dir, 'never.geojson'), '--lang', 'en']);
      assert.equal(failed.code, 2);
      assert.match(failed.stderr, /^Cannot read .*broken\.xlsx: not a readable Excel file/);
      assert.doesNotMatch(failed.stderr, /^\s+at /m);
      assert.deepEqual((await readdir(dir)).sort(), ['broken.xlsx', 'members.geojson']);
    }));

  it('export protects cells that a spreadsheet would run as formulas, and import takes the protection off', () =>
    withTempDir(async (dir) => {
      const members = join(dir, 'members.geojson');
      const properties = { id: 'hd', municipality: 'Heidelberg', state: 'Baden-Württemberg', role: '- Leitung -', phone: '+49 6221 58-0', name: '=HYPERLINK("http://x","Klick")', organisation: '@SUM(1+1)' };
      const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [8.6724, 49.3988] }, properties };
      await writeFile(members, `{"type": "FeatureCollection", "features": [\n${JSON.stringify(feature)}\n]}\n`);
      const csv = join(dir, 'members.csv');
      const exported = await spawnBin(['export', members, '-o', csv]);
      assert.equal(exported.code, 0, exported.stdout);
      const text = (await readFile(csv, 'utf8')).slice(1);
      assert.equal(text.split('\r\n')[1], `hd;"'=HYPERLINK(""http://x"",""Klick"")";'- Leitung -;'@SUM(1+1);Heidelberg;Baden-Württemberg;;'+49 6221 58-0;;49,3988;8,6724;;`);
      const again = join(dir, 'again.geojson');
      const imported = await spawnBin(['import', csv, '-o', again]);
      assert.equal(imported.code, 0, imported.stdout);
      assert.deepEqual(JSON.parse(await readFile(again, 'utf8')).features, [feature]);
    }));

  it('converts Windows-1252 end to end', () =>
    withTempDir(async (dir) => {
      const output = join(dir, 'members.geojson');
      const { code, stdout } = await spawnBin(['import', fixture('windows-1252.csv'), '-o', output, '--lang', 'en']);
      assert.equal(code, 0, stdout);
      assert.match(stdout, /encoding Windows-1252, separator semicolon/);
      assert.match(await readFile(output, 'utf8'), /"municipality":"Köln"/);
    }));
});

describe('atomic write', () => {
  it('replaces the file in one step and leaves no temporary file', () =>
    withTempDir(async (dir) => {
      const target = join(dir, 'out.json');
      await writeFileAtomic(target, 'one');
      await writeFileAtomic(target, 'two');
      assert.equal(await readFile(target, 'utf8'), 'two');
      assert.deepEqual(await readdir(dir), ['out.json']);
    }));

  it('fails without touching the target or leaving debris when the rename cannot happen', () =>
    withTempDir(async (dir) => {
      const target = join(dir, 'taken');
      await mkdir(target);
      await writeFile(join(target, 'inside'), 'keep');
      await assert.rejects(writeFileAtomic(target, 'data'));
      assert.deepEqual(await readdir(dir), ['taken']);
      assert.equal(await readFile(join(target, 'inside'), 'utf8'), 'keep');
    }));
});
