// Coordinates as spreadsheets write them, and the check that they are in Germany.

/** `49.3988` or, as German spreadsheets write it, `49,3988`; undefined for anything else. */
export function parseCoordinate(value: string): number | undefined {
  const text = value.trim();
  if (!/^[+-]?\d{1,3}(?:[.,]\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

/** Germany's extreme points (55.06° N on Sylt, 47.27° N, 5.87° E, 15.04° E), with a small margin. */
export const GERMANY = { south: 47.2, north: 55.1, west: 5.8, east: 15.1 } as const;

export function inGermany(lat: number, lng: number): boolean {
  return lat >= GERMANY.south && lat <= GERMANY.north && lng >= GERMANY.west && lng <= GERMANY.east;
}

/** Coordinates are rounded to 6 decimals (about 10 cm) when written. */
export const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
