// The list view: loaded when the visitor first switches to it (src/features/load.ts).
export { memberList } from '../templates/member-list.js';
export { memberListStyles as styles } from '../templates/member-list.styles.js';
