// What an Excel file (.xlsx, a ZIP archive) would unpack to, read from the archive's central directory
// before anything is inflated: a small file whose sheet would unpack to a gigabyte (a "zip bomb") is
// refused at once instead of freezing the page or the data command. Pure: bytes in, sizes out, so
// that the data command and the workbench apply the same limit.
//
// The central directory is the archive's table of contents at its end (APPNOTE.TXT, 4.3.12–4.3.16):
// per entry its name and its compressed and uncompressed sizes, with ZIP64 records for sizes of
// 4 GiB and more. The reader (read-excel-file, through fflate) sizes its output buffers by these very
// numbers, so an entry cannot unpack to more than it declares.

export interface ZipEntry {
  name: string;
  /** Bytes in the archive. */
  compressedSize: number;
  /** Bytes once unpacked, as the central directory declares them. */
  size: number;
}

/** The most an Excel file may unpack to (all its parts together): 50 MB, about 100,000 rows of members. */
export const WORKBOOK_UNPACKED_LIMIT = 50 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 0xffff;

/**
 * The entries of a ZIP archive as its central directory lists them, or undefined when the bytes are
 * no ZIP archive with a readable directory (a damaged or cut-off file).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const fits = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

  // The end record is the last 22 bytes, unless the archive has a comment (up to 64 KiB) after it.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - MAX_COMMENT; at--) {
    if (u32(at) === END_OF_DIRECTORY && at + 22 + u16(at + 20) <= bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = u16(end + 10);
  let directorySize = u32(end + 12);
  let offset = u32(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (!fits(locator, 20) || u32(locator) !== ZIP64_LOCATOR) return undefined;
    const record = u64(locator + 8);
    if (!fits(record, 56) || u32(record) !== ZIP64_END_OF_DIRECTORY) return undefined;
    count = u64(record + 32);
    directorySize = u64(record + 40);
    offset = u64(record + 48);
  }
  if (!fits(offset, directorySize)) return undefined;

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (!fits(at, 46) || u32(at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!fits(at + 46, nameLength + extraLength + commentLength)) return undefined;
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    if (size === 0xffffffff || compressedSize === 0xffffffff) {
      // ZIP64: the real sizes are in the extra field, uncompressed first, each only if its field above is full.
      const sizes = zip64Sizes(view, at + 46 + nameLength, extraLength, size === 0xffffffff, compressedSize === 0xffffffff);
      if (!sizes) return undefined;
      if (sizes.size !== undefined) size = sizes.size;
      if (sizes.compressedSize !== undefined) compressedSize = sizes.compressedSize;
    }
    entries.push({ name, compressedSize, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zip64Sizes(view: DataView, start: number, length: number, hasSize: boolean, hasCompressed: boolean): { size?: number; compressedSize?: number } | undefined {
  const u64 = (at: number) => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== ZIP64_EXTRA) continue;
    const sizes: { size?: number; compressedSize?: number } = {};
    let field = at + 4;
    const fieldEnd = at + 4 + view.getUint16(at + 2, true);
    if (hasSize) {
      if (field + 8 > fieldEnd) return undefined;
      sizes.size = u64(field);
      field += 8;
    }
    if (hasCompressed) {
      if (field + 8 > fieldEnd) return undefined;
      sizes.compressedSize = u64(field);
    }
    return sizes;
  }
  return undefined;
}

export type WorkbookSize =
  | { verdict: 'ok'; unpacked: number }
  | { verdict: 'too-large'; unpacked: number; limit: number }
  /** Not a ZIP archive with a readable directory: not a readable .xlsx file. */
  | { verdict: 'damaged' };

/** Whether an Excel file's parts together stay within `limit` bytes once unpacked (judged by the directory alone). */
export function workbookSize(bytes: Uint8Array, limit = WORKBOOK_UNPACKED_LIMIT): WorkbookSize {
  const entries = zipEntries(bytes);
  if (!entries) return { verdict: 'damaged' };
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  return unpacked > limit ? { verdict: 'too-large', unpacked, limit } : { verdict: 'ok', unpacked };
}

/** Bytes as whole megabytes, rounded up (the limit's unit in every message). */
export const megabytes = (bytes: number): number => Math.ceil(bytes / (1024 * 1024));
