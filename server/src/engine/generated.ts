// ARM templates the Bicep compiler generated (`az bicep build`): when the `.bicep` source sits beside the
// `.json`, both would report the same findings, once on code nobody edits. The compiler writes
// `metadata._generator.name: "bicep"` near the top of every template it produces.

/** How far into the file the generator stamp is looked for: the compiler writes it in the first lines. */
const HEADER_CHARS = 4096;
const BICEP_GENERATOR = /"_generator"\s*:\s*\{\s*"name"\s*:\s*"bicep"/i;

export function isBicepGenerated(text: string): boolean {
  return BICEP_GENERATOR.test(text.slice(0, HEADER_CHARS));
}

/** `file:///x/main.json` -> `file:///x/main.bicep`; undefined for other file names. */
export function bicepSourceOf(armUri: string): string | undefined {
  return /\.json$/i.test(armUri) ? armUri.replace(/\.json$/i, '.bicep') : undefined;
}
