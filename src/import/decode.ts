// Bytes of a spreadsheet export → text. Excel and LibreOffice write UTF-8 (with or without a byte
// order mark), Windows-1252 ("CSV (Trennzeichen-getrennt)" in German Excel), or UTF-16 with a BOM
// ("Unicode-Text").

// Platform-neutral: TextDecoder for UTF-8 and UTF-16; Windows-1252 by the table below, because
// Node's TextDecoder reads the label "windows-1252" as Latin-1 (0x80 becomes U+0080, not €).
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
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
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
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (WHATWG Encoding, index-windows-1252); the five
 * unassigned bytes stay as the control characters Latin-1 has there.
 */
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? C1.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}
