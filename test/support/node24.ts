// Which Node 24 runs the bundle in the end-to-end tests: action.yml declares `runs.using: node24`, so
// that is the runtime whose behaviour the tests must see. Resolved once per test run (global-setup.ts),
// by the same rule that picks the Node every npm script runs under (tools/node24/resolve.mjs).
export { packagedNodePath, REQUIRED_MAJOR, resolveNode24, type Host, type Resolution } from '../../tools/node24/resolve.mjs';
