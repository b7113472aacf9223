// Steps of a load on the page's performance timeline, for `npm run bench -- --phases`
// (docs/performance.md, "Where the time goes"). Only a build made with MEMBER_MAP_PHASES=1 keeps the
// marks: every other build replaces the flag with `false` and drops the calls, so the shipped element
// sets none. Tests and the dev server run without the flag.

declare const __MEMBER_MAP_PHASES__: boolean | undefined;

/** The steps, in the order a load passes them. */
export type Phase = 'evaluated' | 'fetch' | 'text' | 'checked' | 'markers' | 'clustered';

export function phase(name: Phase): void {
  if (typeof __MEMBER_MAP_PHASES__ !== 'undefined' && __MEMBER_MAP_PHASES__) performance.mark(`member-map:${name}`);
}
