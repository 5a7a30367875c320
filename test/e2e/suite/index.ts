/** Entry point VS Code's test harness calls (`extensionTestsPath`): run the mocha suite, resolve when it passes. */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension.e2e.ts', mocha);
  // Loaded after pre-require so that describe/it are defined for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./extension.e2e');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
