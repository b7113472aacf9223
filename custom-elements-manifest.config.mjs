// custom-elements.json comes from the JSDoc block above the element's class; `npm run docs` writes it
// (with the README's API tables) through scripts/api-docs.js.
export default {
  globs: ['src/member-map.ts'],
  litelement: true,
  packagejson: false, // package.json names the manifest itself
};
