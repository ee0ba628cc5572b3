// Entry of the `aisec` bin (bundled to dist/cli.js).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`aisec: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
