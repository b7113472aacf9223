import { MemberMap } from './index.js';

MemberMap.define('member-map');

declare global {
  interface HTMLElementTagNameMap {
    'member-map': MemberMap;
  }
}
