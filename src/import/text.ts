// Text folding shared by header matching, place lookup and id derivation.

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * Lower case, German umlauts and ß spelled out (so "Köln" and "Koeln" meet), other accents
 * dropped, everything that is not a letter or digit turned into single spaces.
 */
export function fold(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => UMLAUTS[char] ?? char)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A URL- and id-friendly form: `Halle (Saale)` → `halle-saale`, `Tübingen` → `tuebingen`. */
export function slug(value: string): string {
  return fold(value).replace(/ /g, '-');
}
