import type { Member, SkippedFeature } from './data/members.js';

export interface MemberMapLoadDetail {
  count: number;
  skipped: Pick<SkippedFeature, 'index' | 'reason'>[];
}
export interface MemberMapErrorDetail {
  message: string;
  cause: unknown;
}
export interface MemberMapSelectDetail {
  id: string;
  member: Member;
}
export interface MemberMapConsentDetail {
  granted: boolean;
}

export interface MemberMapPickDetail {
  lat: number;
  lng: number;
}

interface MemberMapEvents {
  'member-map-load': MemberMapLoadDetail;
  'member-map-error': MemberMapErrorDetail;
  'member-map-select': MemberMapSelectDetail;
  'member-map-consent': MemberMapConsentDetail;
  'member-map-pick': MemberMapPickDetail;
}

/** Fires one of the element's events: prefixed, typed, bubbling and crossing shadow roots. */
export function emit<K extends keyof MemberMapEvents>(target: EventTarget, type: K, detail: MemberMapEvents[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'member-map-load': CustomEvent<MemberMapLoadDetail>;
    'member-map-error': CustomEvent<MemberMapErrorDetail>;
    'member-map-select': CustomEvent<MemberMapSelectDetail>;
    'member-map-consent': CustomEvent<MemberMapConsentDetail>;
    'member-map-pick': CustomEvent<MemberMapPickDetail>;
  }
}
