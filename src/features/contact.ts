// The "Mitglied werden" panel: loaded when it is first opened (src/features/load.ts).
export { contactPanel } from '../templates/contact-panel.js';
export { contactPanelStyles as styles } from '../templates/contact-panel.styles.js';
