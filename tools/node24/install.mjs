// The root postinstall. The tests run the bundle under Node 24, the runtime action.yml declares: the
// node running the tests when it is 24 or newer, otherwise the registry's Node 24 for this platform,
// which this installs into tools/node24 (test/support/node24.ts picks one, or says what to do).
// Skipped under Node 24+, where it would download ~190 MB that nothing uses.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const args = ['ci', '--no-audit', '--no-fund', '--loglevel=error'];
  const options = { cwd: fileURLToPath(new URL('.', import.meta.url)), stdio: 'inherit' };
  // The npm running this postinstall, its flags (--os, --cpu) passed on in the environment. Run by its
  // script path, so no shell is needed (npm is npm.cmd on Windows); the plain command otherwise.
  const npmCli = process.env.npm_execpath;
  const result = npmCli && /npm-cli\.[cm]?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, ...args], options)
    : spawnSync('npm', args, { ...options, shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
