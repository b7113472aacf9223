import { MemberMap } from './index.js';
import { phase } from './phase.js';

phase('evaluated');

MemberMap.define('member-map');

declare global {
  interface HTMLElementTagNameMap {
    'member-map': MemberMap;
  }
}
