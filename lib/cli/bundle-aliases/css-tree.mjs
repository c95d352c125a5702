// What lib/widgets/html-assets.ts uses of css-tree: the parser and the walker. css-tree's index
// also builds its CSS lexer from the whole mdn-data set when it loads, which the asset scan never
// uses, and which its sources load through createRequire (a bundle cannot follow that). Used by
// scripts/build-cli.mjs.
export { default as parse } from 'css-tree/parser';
export { default as walk } from 'css-tree/walker';
