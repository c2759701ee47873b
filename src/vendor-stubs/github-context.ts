// Stand-in for @actions/github's `context.js`, aliased in by scripts/build.mjs for dist/github.cjs.
//
// @actions/github builds its `context` when it is imported, and that reads and JSON.parses the whole
// webhook payload at GITHUB_EVENT_PATH a second time: tens of milliseconds for a large push, and a throw
// (so no lookup at all) for a payload that is not JSON. The action reads the payload once, safely
// (src/context.ts), and never uses @actions/github's `context`, so an empty one stands in.
export class Context {
  readonly payload: Record<string, unknown> = {};
}
