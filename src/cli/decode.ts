/// <reference types="node" />
// Bytes of a spreadsheet export → text. Excel and LibreOffice write UTF-8 (with or without a byte
// order mark), Windows-1252 ("CSV (Trennzeichen-getrennt)" in German Excel), or UTF-16 with a BOM
// ("Unicode-Text").

import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  return strictUtf8Or1252(bytes);
}

/**
 * Text that is valid UTF-8 is read as UTF-8; anything else as Windows-1252. A German Windows-1252
 * file is practically never valid UTF-8 ("ö" is the lone byte 0xF6), so the test is reliable.
 */
function strictUtf8Or1252(bytes: Uint8Array): Decoded {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}
