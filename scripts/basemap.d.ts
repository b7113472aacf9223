import type { Plugin } from 'vite';

export const BASEMAP_FILE: string;
export function buildBasemap(): string;
export function basemapAsset(): Plugin;
