// Mocha entry point loaded by the VS Code extension host (`extensionTestsPath`): code-server's remote node
// extension host (route B, test/e2e/ext-host.ts) or VS Code desktop via @vscode/test-electron.
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.addFile(path.resolve(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      // A plain closing line that CI logs can grep, whatever the reporter printed.
      console.log(`e2e extension host: ${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} e2e tests failed.`));
      else resolve();
    });
  });
}
