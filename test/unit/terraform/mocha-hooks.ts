// Mocha root-hook plugin (loaded through .mocharc.json `require`): the Terraform front end needs its
// WebAssembly grammar loaded once before any test analyses a .tf file (the fixture harness included).
import { initTerraform } from '../../../server/src/parse/terraform';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await initTerraform();
  },
};
