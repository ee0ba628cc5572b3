// `.aisec.json` (DESIGN §6). Placeholder types only; the loader is built with the engine.
export type RuleSeverity = 'error' | 'warning' | 'info' | 'off';
