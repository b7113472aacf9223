import type { Plugin } from 'vite';

export const NOTICES_FILE: string;
export const SBOM_FILE: string;
export const BANNER: string;
export function licenseNotices(build: string): Plugin[];
export function writeNotices(): { name: string; version: string; license: string; builds: string[] }[];
