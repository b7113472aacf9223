import type { Plugin } from 'vite';

export const PLACES_FILE: string;
export const SAMPLE_FILE: string;
export function readPlaces(): string;
export const ASSETS: Record<string, () => string>;
export const STYLESHEET_FILE: string;
export const STYLESHEET: string;
export function dataAssets(): Plugin;
