export const BASEMAP_FILE: string;
export function buildBasemap(): string;
