import type { Plugin } from 'vite';

export function markerclusterAsModule(): Plugin;
export function leafletCssWithoutImages(): Plugin;
export function withoutImageUrls(css: string): string;
export function minifiedElementCss(): Plugin;
