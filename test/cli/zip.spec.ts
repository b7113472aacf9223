/// <reference types="node" />
// The Excel file's unpacked size, read from the ZIP directory before anything is inflated
// (src/import/zip.ts), and the data command refusing a "zip bomb" with the shared wording.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { readWorkbook } from '../../src/cli/read-workbook.js';
import { megabytes, WORKBOOK_UNPACKED_LIMIT, workbookSize, zipEntries } from '../../src/import/zip.js';
import { crc32, declareSize, storedEntry, zipArchive, type ArchiveEntry } from './fixtures/zip-archive.js';
import { cli, fixture, withTempDir } from './helpers.js';

const deflated = (name: string, data: Uint8Array): ArchiveEntry => ({ name, data: deflateRawSync(data), size: data.length, crc: crc32(data), method: 8 });

/**
 * Every entry of an archive inflated by zlib, walking the local headers one after the other (so
 * independently of the central directory); entries with a data descriptor (sizes after the data, as
 * write-excel-file writes them) end where their DEFLATE stream ends.
 */
function inflateAll(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const sizes = new Map<string, number>();
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const method = view.getUint16(at + 8, true);
    const described = (view.getUint16(at + 6, true) & 8) !== 0;
    const nameLength = view.getUint16(at + 26, true);
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    let consumed = view.getUint32(at + 18, true);
    if (method === 8) {
      const { buffer, engine } = inflateRawSync(zip.subarray(start, described ? zip.length : start + consumed), { info: true }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      sizes.set(name, buffer.length);
      consumed = engine.bytesWritten;
    } else {
      assert.ok(!described);
      sizes.set(name, consumed);
    }
    at = start + consumed;
    if (described) at += view.getUint32(at, true) === 0x08074b50 ? 16 : 12;
  }
  return sizes;
}

describe('the unpacked size of an Excel file, from its ZIP directory', () => {
  it('lists the entries of a real workbook with the sizes they really unpack to', async () => {
    const bytes = new Uint8Array(await readFile(fixture('members.xlsx')));
    const entries = zipEntries(bytes);
    assert.ok(entries);
    assert.ok(entries.some((entry) => entry.name === 'xl/worksheets/sheet1.xml'));
    assert.deepEqual(new Map(entries.map((entry) => [entry.name, entry.size])), inflateAll(bytes));
    const total = entries.reduce((sum, entry) => sum + entry.size, 0);
    assert.deepEqual(workbookSize(bytes), { verdict: 'ok', unpacked: total });
  });

  it('finds the directory behind an archive comment, and reads ZIP64 sizes', () => {
    const plain = zipArchive([storedEntry('a.xml', new TextEncoder().encode('<a/>'))]);
    const commented = new Uint8Array(plain.length + 5);
    commented.set(plain);
    commented.set(new TextEncoder().encode('hallo'), plain.length);
    new DataView(commented.buffer).setUint16(plain.length - 2, 5, true);
    assert.deepEqual(zipEntries(commented), [{ name: 'a.xml', compressedSize: 4, size: 4 }]);

    // The same entry with its unpacked size in a ZIP64 extra field (6 GiB: past what 32 bits hold).
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const central = new DataView(new ArrayBuffer(46 + name.length + 12));
    central.setUint32(0, 0x02014b50, true);
    central.setUint32(20, 100, true);
    central.setUint32(24, 0xffffffff, true);
    central.setUint16(28, name.length, true);
    central.setUint16(30, 12, true);
    new Uint8Array(central.buffer).set(name, 46);
    central.setUint16(46 + name.length, 0x0001, true);
    central.setUint16(48 + name.length, 8, true);
    central.setUint32(50 + name.length, 2 ** 31, true); // low 32 bits
    central.setUint32(54 + name.length, 1, true); // high 32 bits: 4 GiB + 2 GiB
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, 1, true);
    end.setUint16(10, 1, true);
    end.setUint32(12, central.byteLength, true);
    end.setUint32(16, 0, true);
    const zip64 = new Uint8Array([...new Uint8Array(central.buffer), ...new Uint8Array(end.buffer)]);
    assert.deepEqual(zipEntries(zip64), [{ name: 'xl/worksheets/sheet1.xml', compressedSize: 100, size: 6 * 2 ** 30 }]);
    assert.equal(workbookSize(zip64).verdict, 'too-large');
  });

  it('refuses a sheet that declares a huge size, and one that really unpacks past the limit', async () => {
    const real = new Uint8Array(await readFile(fixture('members.xlsx')));
    const declared = declareSize(real, 'xl/worksheets/sheet1.xml', 1_100_000_000);
    const verdict = workbookSize(declared);
    assert.equal(verdict.verdict, 'too-large');
    assert.ok(verdict.verdict === 'too-large' && verdict.unpacked > 1_100_000_000 && verdict.limit === WORKBOOK_UNPACKED_LIMIT);

    const row = new TextEncoder().encode('<row><c t="inlineStr"><is><t>Neustadt</t></is></c></row>');
    const huge = new Uint8Array(WORKBOOK_UNPACKED_LIMIT + row.length * 10);
    for (let at = 0; at + row.length <= huge.length; at += row.length) huge.set(row, at);
    const bomb = zipArchive([deflated('xl/worksheets/sheet1.xml', huge)]);
    assert.ok(bomb.length < huge.length / 100, `a bomb: ${bomb.length} bytes unpack to ${huge.length}`);
    assert.equal(inflateAll(bomb).get('xl/worksheets/sheet1.xml'), huge.length);
    assert.deepEqual(workbookSize(bomb), { verdict: 'too-large', unpacked: huge.length, limit: WORKBOOK_UNPACKED_LIMIT });
    // One byte under the limit is fine.
    assert.equal(workbookSize(bomb, huge.length).verdict, 'ok');
    assert.equal(megabytes(1_100_000_000), 1050);
  });

  it('calls a cut-off or foreign file damaged', async () => {
    const real = new Uint8Array(await readFile(fixture('members.xlsx')));
    assert.deepEqual(workbookSize(real.subarray(0, real.length - 30)), { verdict: 'damaged' });
    assert.deepEqual(workbookSize(real.subarray(0, 1000)), { verdict: 'damaged' });
    assert.deepEqual(workbookSize(new TextEncoder().encode('Kommune;Bundesland\r\nKöln;NRW\r\n')), { verdict: 'damaged' });
    assert.deepEqual(workbookSize(new Uint8Array(0)), { verdict: 'damaged' });
    // A directory that points past the end of the file.
    const broken = real.slice();
    const view = new DataView(broken.buffer);
    view.setUint32(broken.length - 22 + 16, broken.length, true);
    assert.equal(zipEntries(broken), undefined);
  });

  it('the data command refuses a zip bomb before reading it, in the shared words, and writes nothing', () =>
    withTempDir(async (dir) => {
      const real = new Uint8Array(await readFile(fixture('members.xlsx')));
      const bomb = join(dir, 'bombe.xlsx');
      await writeFile(bomb, declareSize(real, 'xl/worksheets/sheet1.xml', 1_100_000_000));
      const refused = await readWorkbook(declareSize(real, 'xl/worksheets/sheet1.xml', 1_100_000_000));
      assert.ok('error' in refused && refused.error === 'too-large' && refused.unpacked > 1_100_000_000, JSON.stringify(refused));
      const run = await cli('import', bomb, '-o', join(dir, 'members.geojson'));
      assert.equal(run.code, 2);
      assert.match(run.err, /^.*bombe\.xlsx wird nicht gelesen: Entpackt wäre die Excel-Datei 1\.05\d MB groß, erlaubt sind höchstens 50 MB\. Bitte in Excel oder LibreOffice öffnen/);
      const english = await cli('import', bomb, '-o', join(dir, 'members.geojson'), '--lang', 'en');
      assert.match(english.err, /Not reading .*bombe\.xlsx: unpacked, the Excel file would take 1,05\d MB; at most 50 MB are allowed\./);
      // A workbook within the limit is read as before.
      assert.equal((await cli('import', fixture('members.xlsx'), '-o', join(dir, 'members.geojson'))).code, 0);
    }),
  );
});
