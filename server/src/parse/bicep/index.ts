// The Bicep front end: our own lexer and recursive-descent parser (parseBicep) and the adapter from its
// concrete syntax tree to the shared resource model (analyzeBicep, analyzeBicepParams).
export { parseBicep, MAX_NESTING_DEPTH } from './parser';
export { analyzeBicep, analyzeBicepParams, bypassBicepTreeCache } from './toModel';
export { BicepEvaluator } from './evaluate';
export type { Token, TokenKind } from './lexer';
export type * from './syntax';
export { plainString } from './syntax';
