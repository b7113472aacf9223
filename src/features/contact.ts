// The "Mitglied werden" panel: loaded when it is first opened (src/features/load.ts).
export { contactPanel } from '../templates/contact-panel.js';
