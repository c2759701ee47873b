// The root postinstall. The tooling and the tests run under Node 24, the runtime action.yml declares:
// the node running npm when it is 24 or newer, otherwise the registry's Node 24 for this platform, which
// this installs into tools/node24 (resolve.mjs picks one, or says what to do; run.mjs runs every npm
// script under it). Skipped under Node 24+, where it would download ~190 MB that nothing uses.
//
// Under an older Node, npm has just printed EBADENGINE warnings for this project and for dependencies
// that ask for Node 22 or 24: they are about the Node that ran `npm ci`, not the one that will run the
// code. One line says so, since npm offers no setting that silences only them.
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
  if (result.status === 0) {
    console.log(
      `Node 24 installed in tools/node24. npm warned about engines (EBADENGINE) because it runs on Node ${process.versions.node}: ` +
        'every npm script runs the tooling, the tests and the bundle under Node 24 (tools/node24/run.mjs), so those warnings do not apply.',
    );
  }
  process.exit(result.status ?? 1);
}
