export const EDITOR_SCRIPT: string;
export function withLaender(source: string, laender: readonly { iso: string; name: string }[]): string;
