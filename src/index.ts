// The class and its types; importing this registers nothing (use `member-map/define` for that).
export { MemberMap } from './member-map.js';
export type {
  MemberMapConsentDetail,
  MemberMapErrorDetail,
  MemberMapLoadDetail,
  MemberMapPickDetail,
  MemberMapSelectDetail,
  TilesMode,
  ViewMode,
} from './member-map.js';
export type { Member, SkippedFeature } from './data/members.js';
