// dist/post.cjs is generated: built from src/entry/post.ts by `npm run package` (scripts/build.mjs, esbuild).
// Do not edit: change the source, run `npm run package`, and commit both.
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// <define:__ACTION_INPUT_DEFAULTS__>
var init_define_ACTION_INPUT_DEFAULTS = __esm({
  "<define:__ACTION_INPUT_DEFAULTS__>"() {
  }
});

// src/entry/post.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/steps/post.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/runner/state.ts
init_define_ACTION_INPUT_DEFAULTS();
var readStateFromEnv = (key) => process.env[`STATE_${key}`] ?? "";

// src/steps/post.ts
async function runPost(finishedAt, readState) {
  if (readState("track-job" /* TrackJob */) !== "true") return;
  const { runEndJob } = await import("./end-job.cjs");
  await runEndJob(finishedAt, readState);
}

// src/entry/exit.ts
init_define_ACTION_INPUT_DEFAULTS();
function exitWhenDone() {
  process.exit();
}

// src/entry/post.ts
void runPost(/* @__PURE__ */ new Date(), readStateFromEnv).finally(exitWhenDone);
