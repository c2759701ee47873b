// dist/end-job.cjs is generated: built from src/steps/end-job.ts by `npm run package` (scripts/build.mjs, esbuild).
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
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// <define:__ACTION_INPUT_DEFAULTS__>
var define_ACTION_INPUT_DEFAULTS_default;
var init_define_ACTION_INPUT_DEFAULTS = __esm({
  "<define:__ACTION_INPUT_DEFAULTS__>"() {
    define_ACTION_INPUT_DEFAULTS_default = { type: "deployment", "on-error": "auto", retries: "3", timeout: "30", "dry-run": "false", "track-job": "false", "include-context": "true", "detect-rollback": "true", "lookup-timeout": "5", "observe-forks": "false" };
  }
});

// node_modules/tunnel/lib/tunnel.js
var require_tunnel = __commonJS({
  "node_modules/tunnel/lib/tunnel.js"(exports2) {
    "use strict";
    init_define_ACTION_INPUT_DEFAULTS();
    var net = require("net");
    var tls = require("tls");
    var http3 = require("http");
    var https3 = require("https");
    var events = require("events");
    var assert = require("assert");
    var util = require("util");
    exports2.httpOverHttp = httpOverHttp2;
    exports2.httpsOverHttp = httpsOverHttp2;
    exports2.httpOverHttps = httpOverHttps2;
    exports2.httpsOverHttps = httpsOverHttps2;
    function httpOverHttp2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = http3.request;
      return agent;
    }
    function httpsOverHttp2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = http3.request;
      agent.createSocket = createSecureSocket;
      agent.defaultPort = 443;
      return agent;
    }
    function httpOverHttps2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = https3.request;
      return agent;
    }
    function httpsOverHttps2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = https3.request;
      agent.createSocket = createSecureSocket;
      agent.defaultPort = 443;
      return agent;
    }
    function TunnelingAgent(options) {
      var self = this;
      self.options = options || {};
      self.proxyOptions = self.options.proxy || {};
      self.maxSockets = self.options.maxSockets || http3.Agent.defaultMaxSockets;
      self.requests = [];
      self.sockets = [];
      self.on("free", function onFree(socket, host, port, localAddress) {
        var options2 = toOptions(host, port, localAddress);
        for (var i = 0, len = self.requests.length; i < len; ++i) {
          var pending = self.requests[i];
          if (pending.host === options2.host && pending.port === options2.port) {
            self.requests.splice(i, 1);
            pending.request.onSocket(socket);
            return;
          }
        }
        socket.destroy();
        self.removeSocket(socket);
      });
    }
    util.inherits(TunnelingAgent, events.EventEmitter);
    TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
      var self = this;
      var options = mergeOptions({ request: req }, self.options, toOptions(host, port, localAddress));
      if (self.sockets.length >= this.maxSockets) {
        self.requests.push(options);
        return;
      }
      self.createSocket(options, function(socket) {
        socket.on("free", onFree);
        socket.on("close", onCloseOrRemove);
        socket.on("agentRemove", onCloseOrRemove);
        req.onSocket(socket);
        function onFree() {
          self.emit("free", socket, options);
        }
        function onCloseOrRemove(err) {
          self.removeSocket(socket);
          socket.removeListener("free", onFree);
          socket.removeListener("close", onCloseOrRemove);
          socket.removeListener("agentRemove", onCloseOrRemove);
        }
      });
    };
    TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
      var self = this;
      var placeholder = {};
      self.sockets.push(placeholder);
      var connectOptions = mergeOptions({}, self.proxyOptions, {
        method: "CONNECT",
        path: options.host + ":" + options.port,
        agent: false,
        headers: {
          host: options.host + ":" + options.port
        }
      });
      if (options.localAddress) {
        connectOptions.localAddress = options.localAddress;
      }
      if (connectOptions.proxyAuth) {
        connectOptions.headers = connectOptions.headers || {};
        connectOptions.headers["Proxy-Authorization"] = "Basic " + new Buffer(connectOptions.proxyAuth).toString("base64");
      }
      debug2("making CONNECT request");
      var connectReq = self.request(connectOptions);
      connectReq.useChunkedEncodingByDefault = false;
      connectReq.once("response", onResponse);
      connectReq.once("upgrade", onUpgrade);
      connectReq.once("connect", onConnect);
      connectReq.once("error", onError);
      connectReq.end();
      function onResponse(res) {
        res.upgrade = true;
      }
      function onUpgrade(res, socket, head) {
        process.nextTick(function() {
          onConnect(res, socket, head);
        });
      }
      function onConnect(res, socket, head) {
        connectReq.removeAllListeners();
        socket.removeAllListeners();
        if (res.statusCode !== 200) {
          debug2(
            "tunneling socket could not be established, statusCode=%d",
            res.statusCode
          );
          socket.destroy();
          var error2 = new Error("tunneling socket could not be established, statusCode=" + res.statusCode);
          error2.code = "ECONNRESET";
          options.request.emit("error", error2);
          self.removeSocket(placeholder);
          return;
        }
        if (head.length > 0) {
          debug2("got illegal response body from proxy");
          socket.destroy();
          var error2 = new Error("got illegal response body from proxy");
          error2.code = "ECONNRESET";
          options.request.emit("error", error2);
          self.removeSocket(placeholder);
          return;
        }
        debug2("tunneling connection has established");
        self.sockets[self.sockets.indexOf(placeholder)] = socket;
        return cb(socket);
      }
      function onError(cause) {
        connectReq.removeAllListeners();
        debug2(
          "tunneling socket could not be established, cause=%s\n",
          cause.message,
          cause.stack
        );
        var error2 = new Error("tunneling socket could not be established, cause=" + cause.message);
        error2.code = "ECONNRESET";
        options.request.emit("error", error2);
        self.removeSocket(placeholder);
      }
    };
    TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
      var pos = this.sockets.indexOf(socket);
      if (pos === -1) {
        return;
      }
      this.sockets.splice(pos, 1);
      var pending = this.requests.shift();
      if (pending) {
        this.createSocket(pending, function(socket2) {
          pending.request.onSocket(socket2);
        });
      }
    };
    function createSecureSocket(options, cb) {
      var self = this;
      TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
        var hostHeader = options.request.getHeader("host");
        var tlsOptions = mergeOptions({}, self.options, {
          socket,
          servername: hostHeader ? hostHeader.replace(/:.*$/, "") : options.host
        });
        var secureSocket = tls.connect(0, tlsOptions);
        self.sockets[self.sockets.indexOf(socket)] = secureSocket;
        cb(secureSocket);
      });
    }
    function toOptions(host, port, localAddress) {
      if (typeof host === "string") {
        return {
          host,
          port,
          localAddress
        };
      }
      return host;
    }
    function mergeOptions(target) {
      for (var i = 1, len = arguments.length; i < len; ++i) {
        var overrides = arguments[i];
        if (typeof overrides === "object") {
          var keys = Object.keys(overrides);
          for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
            var k = keys[j];
            if (overrides[k] !== void 0) {
              target[k] = overrides[k];
            }
          }
        }
      }
      return target;
    }
    var debug2;
    if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
      debug2 = function() {
        var args = Array.prototype.slice.call(arguments);
        if (typeof args[0] === "string") {
          args[0] = "TUNNEL: " + args[0];
        } else {
          args.unshift("TUNNEL:");
        }
        console.error.apply(console, args);
      };
    } else {
      debug2 = function() {
      };
    }
    exports2.debug = debug2;
  }
});

// node_modules/tunnel/index.js
var require_tunnel2 = __commonJS({
  "node_modules/tunnel/index.js"(exports2, module2) {
    init_define_ACTION_INPUT_DEFAULTS();
    module2.exports = require_tunnel();
  }
});

// src/steps/end-job.ts
var end_job_exports = {};
__export(end_job_exports, {
  runEndJob: () => runEndJob
});
module.exports = __toCommonJS(end_job_exports);
init_define_ACTION_INPUT_DEFAULTS();

// src/context/workflow-context.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/common/json.ts
init_define_ACTION_INPUT_DEFAULTS();
function isRecord(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
function record(value) {
  return isRecord(value) ? value : void 0;
}
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function compact(entries) {
  const kept = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== void 0));
  return Object.keys(kept).length > 0 ? kept : void 0;
}
function parseJson(textValue) {
  try {
    return JSON.parse(textValue);
  } catch {
    return void 0;
  }
}

// src/context/observed-run.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/common/log-text.ts
init_define_ACTION_INPUT_DEFAULTS();
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
function defuseCommands(line2) {
  return line2.replace(/##\[/g, "#\u200B#[").replace(/^(\s*):/, "$1\u200B:");
}
function shorten(value, max) {
  if (value.length <= max) return value;
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 55296 && code <= 56319) end -= 1;
  return `${value.slice(0, end)}\u2026`;
}
function oneLine(textValue, max = 200) {
  return defuseCommands(shorten(textValue, max).replace(/\r?\n/g, " ").replace(UNSAFE, escape).trim());
}
function quote(value, max = 60) {
  return defuseCommands(JSON.stringify(shorten(value, max)).replace(UNSAFE, escape));
}
function isPrintableLine(text2) {
  return !new RegExp(UNSAFE.source).test(text2);
}
function duration(ms) {
  if (ms > 0 && ms < 100) return `${Math.round(ms)} ms`;
  if (ms <= 6e5) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 36e5) return `${Math.round(ms / 6e4)} min`;
  if (ms < 24 * 36e5) return `${Math.round(ms / 36e4) / 10} h`;
  return "a day or more";
}
function span(seconds) {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return plural(Math.floor(hours / 24), "day");
}
function plural(count2, one, many = `${one}s`) {
  return `${count2} ${count2 === 1 ? one : many}`;
}

// src/context/github-user.ts
init_define_ACTION_INPUT_DEFAULTS();
var userLogin = (user) => text(record(user)?.login);

// src/context/observed-run.ts
function count(value) {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
  return typeof value === "string" && /^\d{1,20}$/.test(value) ? value : void 0;
}
function readObservedRun(payload) {
  const run = record(payload.workflow_run);
  const id = count(run?.id);
  if (!run || !id) return void 0;
  return {
    action: text(payload.action),
    id,
    attempt: count(run.run_attempt) ?? "1",
    name: text(run.name),
    event: text(run.event),
    headBranch: text(run.head_branch),
    headSha: text(run.head_sha),
    headCommit: run.head_commit,
    conclusion: text(run.conclusion),
    workflowPath: text(run.path),
    runStartedAt: text(run.run_started_at),
    createdAt: text(run.created_at),
    updatedAt: text(run.updated_at),
    actor: userLogin(run.actor),
    triggeringActor: userLogin(run.triggering_actor),
    pullRequests: list(run.pull_requests),
    headRepository: text(record(run.head_repository)?.full_name),
    repository: text(record(payload.repository)?.full_name)
  };
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function foreignCode(run, ownRepository) {
  const own2 = run.repository ?? ownRepository;
  if (!run.headRepository) return "its payload names no head repository";
  if (!own2 || run.headRepository.toLowerCase() !== own2.toLowerCase()) return `it ran code from ${quote(run.headRepository)}, not ${own2 ? quote(own2) : "this repository"}`;
  if (run.event && PULL_REQUEST_EVENTS.has(run.event) && run.pullRequests.length === 0) {
    return `it is a ${run.event} run that names no pull request of this repository, as GitHub sends for forks`;
  }
  return void 0;
}
function observedRunUrl(serverUrl, repository, run) {
  return repository ? `${serverUrl}/${repository}/actions/runs/${run.id}/attempts/${run.attempt}` : void 0;
}

// src/context/trigger.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/context/deployment-status.ts
init_define_ACTION_INPUT_DEFAULTS();
var MAX_STATUS_DESCRIPTION = 200;
function readDeployment(payload) {
  const deployment = record(payload.deployment);
  const rawId = deployment?.id;
  const id = typeof rawId === "number" && Number.isSafeInteger(rawId) && rawId > 0 ? String(rawId) : void 0;
  if (!deployment || !id) return void 0;
  const status = record(payload.deployment_status);
  const statusDescription = text(status?.description);
  return {
    id,
    sha: text(deployment.sha),
    ref: text(deployment.ref),
    environment: text(deployment.environment),
    description: text(deployment.description),
    creator: userLogin(deployment.creator),
    createdAt: text(deployment.created_at),
    status: status && {
      state: text(status.state)?.toLowerCase(),
      environmentUrl: text(status.environment_url),
      targetUrl: text(status.target_url) ?? text(status.log_url),
      description: statusDescription && shorten(statusDescription, MAX_STATUS_DESCRIPTION),
      creator: userLogin(status.creator),
      createdAt: text(status.created_at) ?? text(status.updated_at)
    }
  };
}

// src/context/dispatch-inputs.ts
init_define_ACTION_INPUT_DEFAULTS();
var MAX_INPUTS = 25;
var MAX_INPUT_VALUE = 200;
var MAX_INPUT_NAME = 100;
var DESCRIBING_INPUTS = ["description", "reason", "message"];
function valueText(value) {
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "number" && Number.isFinite(value)) return String(value);
  return void 0;
}
function readDispatchInputs(payload) {
  const entries = Object.entries(record(payload.inputs) ?? {}).flatMap(([name, value]) => {
    const textValue = valueText(value);
    return textValue === void 0 ? [] : [[name, textValue]];
  }).slice(0, MAX_INPUTS);
  const byName = new Map(entries.map(([name, value]) => [name.toLowerCase(), value]));
  const description = DESCRIBING_INPUTS.map((name) => byName.get(name)).find((value) => value !== void 0 && value.trim() !== "");
  return {
    inputs: entries.length > 0 ? Object.fromEntries(entries.map(([name, value]) => [shorten(name, MAX_INPUT_NAME), shorten(value, MAX_INPUT_VALUE)])) : void 0,
    ticketTexts: entries.map(([, value]) => value),
    description
  };
}

// src/context/pull-request.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/common/subject-line.ts
init_define_ACTION_INPUT_DEFAULTS();
var MAX_LINE = 200;
function subjectOf(message) {
  const end = message.search(/[\r\n]/);
  return (end === -1 ? message : message.slice(0, end)).trim();
}
function firstLine(message) {
  if (message === void 0) return void 0;
  const line2 = subjectOf(message);
  return line2 === "" ? void 0 : shorten(line2, MAX_LINE);
}

// src/context/pull-request.ts
function readPullRequest(value) {
  const pr = record(value);
  const number2 = pr?.number;
  if (!pr || typeof number2 !== "number" || !Number.isSafeInteger(number2)) return void 0;
  const ref = (side) => text(record(side)?.ref);
  const state = text(pr.state);
  return {
    number: number2,
    title: firstLine(text(pr.title)),
    url: text(pr.html_url),
    author: userLogin(pr.user),
    base: ref(pr.base),
    head: ref(pr.head),
    body: text(pr.body),
    mergeCommitSha: text(pr.merge_commit_sha),
    merged: pr.merged === true || text(pr.merged_at) !== void 0,
    state: state && shorten(state, 20),
    headSha: text(record(pr.head)?.sha)
  };
}

// src/context/trigger.ts
function readPushedCommit(value) {
  const commit = record(value);
  if (!commit) return void 0;
  const author = record(commit.author);
  return { sha: text(commit.id), message: text(commit.message), author: text(author?.username) ?? text(author?.name) };
}
function readTrigger(eventName, ref, payload) {
  switch (eventName) {
    case "push":
      return {
        kind: (ref ?? text(payload.ref))?.startsWith("refs/tags/") ? "tag-push" : "push",
        headCommit: readPushedCommit(payload.head_commit),
        commits: list(payload.commits).flatMap((item) => readPushedCommit(item) ?? []),
        compareUrl: text(payload.compare),
        before: text(payload.before),
        deleted: payload.deleted === true
      };
    case "release": {
      const release = record(payload.release);
      return { kind: "release", name: text(release?.name), tagName: text(release?.tag_name), url: text(release?.html_url) };
    }
    case "workflow_dispatch":
      return { kind: "dispatch", inputs: readDispatchInputs(payload) };
    case "pull_request":
    case "pull_request_target":
      return { kind: "pull-request", pullRequest: readPullRequest(payload.pull_request) };
    case "workflow_run": {
      const run = readObservedRun(payload);
      return run ? { kind: "observed-run", run, headCommit: readPushedCommit(run.headCommit) } : { kind: "other" };
    }
    case "deployment":
    case "deployment_status": {
      const deployment = readDeployment(payload);
      return deployment ? { kind: "deployment", deployment } : { kind: "other" };
    }
    default:
      return { kind: "other" };
  }
}

// src/context/workflow-context.ts
var nonEmpty = (value) => value && value.trim() !== "" ? value : void 0;
function buildWorkflowContext(env, payload) {
  const serverUrl = (nonEmpty(env.GITHUB_SERVER_URL) ?? "https://github.com").replace(/\/+$/, "");
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME);
  const own2 = {
    serverUrl,
    apiUrl: (nonEmpty(env.GITHUB_API_URL) ?? "https://api.github.com").replace(/\/+$/, ""),
    repository: nonEmpty(env.GITHUB_REPOSITORY),
    sha: nonEmpty(env.GITHUB_SHA),
    ref: nonEmpty(env.GITHUB_REF),
    refName: nonEmpty(env.GITHUB_REF_NAME),
    refType: nonEmpty(env.GITHUB_REF_TYPE),
    actor: nonEmpty(env.GITHUB_ACTOR),
    triggeringActor: nonEmpty(env.GITHUB_TRIGGERING_ACTOR),
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    job: nonEmpty(env.GITHUB_JOB),
    runId: nonEmpty(env.GITHUB_RUN_ID),
    runAttempt: nonEmpty(env.GITHUB_RUN_ATTEMPT),
    eventName,
    runEvent: eventName,
    observedRunUrl: void 0,
    trigger: readTrigger(eventName, nonEmpty(env.GITHUB_REF), payload)
  };
  if (own2.trigger.kind === "observed-run") return observedRunContext(own2, own2.trigger.run);
  if (own2.trigger.kind === "deployment") return deploymentContext(own2, own2.trigger.deployment);
  return own2;
}
var VERSION_NAME = /^v?\d+(\.\d+)+([-+][0-9A-Za-z.-]+)?$/;
function observedRef(run, foreign) {
  const name = run.headBranch;
  if (name === void 0 || foreign) return { ref: void 0, refType: void 0 };
  if (run.event === "release") return { ref: `refs/tags/${name}`, refType: "tag" };
  if (VERSION_NAME.test(name)) return { ref: void 0, refType: void 0 };
  return { ref: `refs/heads/${name}`, refType: "branch" };
}
function observedRunContext(base, run) {
  return {
    ...base,
    sha: run.headSha,
    ...observedRef(run, foreignCode(run, base.repository) !== void 0),
    refName: run.headBranch,
    actor: run.actor,
    triggeringActor: run.triggeringActor,
    workflow: run.name,
    // The observer's own job id would only mislead: the event is not about it.
    job: void 0,
    runEvent: run.event,
    observedRunUrl: observedRunUrl(base.serverUrl, base.repository, run)
  };
}
function deploymentContext(base, deployment) {
  const refMatches = deployment.ref !== void 0 && (base.ref === deployment.ref || base.ref?.endsWith(`/${deployment.ref}`) === true);
  const statusReporter = deployment.status?.creator;
  return {
    ...base,
    sha: deployment.sha ?? base.sha,
    ref: refMatches || deployment.ref === void 0 ? base.ref : deployment.ref,
    refName: deployment.ref ?? base.refName,
    actor: deployment.creator ?? base.actor,
    triggeringActor: statusReporter ?? base.triggeringActor
  };
}
function runUrl(context) {
  if (context.observedRunUrl) return context.observedRunUrl;
  if (!context.repository || !context.runId) return void 0;
  const base = `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
  return context.runAttempt ? `${base}/attempts/${context.runAttempt}` : base;
}
function jobUrl(context, checkRunId) {
  if (!context.repository || !context.runId || !checkRunId || !/^\d+$/.test(checkRunId)) return void 0;
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}/job/${checkRunId}`;
}
var MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

// src/common/errors.ts
init_define_ACTION_INPUT_DEFAULTS();
var ConfigError = class extends Error {
  name = "ConfigError";
  /** One line per problem, each naming the input and the fix. */
  problems;
  constructor(problems) {
    const list2 = typeof problems === "string" ? [problems] : problems;
    super(list2.join("\n"));
    this.problems = list2;
  }
};
var DeliveryError = class extends Error {
  constructor(kind, message, attempts) {
    super(message);
    this.kind = kind;
    this.attempts = attempts;
  }
  kind;
  attempts;
  name = "DeliveryError";
};

// src/event/cloud-event.ts
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/zod/v4/core/core.js
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/zod/v4/core/util.js
init_define_ACTION_INPUT_DEFAULTS();
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a2;
    (_a2 = iss).path ?? (_a2.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++) {
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a2;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a2 = iss).schema ?? (_a2.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count2 = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count2--;
      i++;
    }
  }
  return count2;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/parse.js
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/zod/v4/core/errors.js
init_define_ACTION_INPUT_DEFAULTS();
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/schemas.js
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/zod/v4/core/checks.js
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/zod/v4/core/regexes.js
init_define_ACTION_INPUT_DEFAULTS();
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a2;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a2 = inst._zod).onattach ?? (_a2.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});

// node_modules/zod/v4/core/versions.js
init_define_ACTION_INPUT_DEFAULTS();
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a2;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (values.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input,
      inst
    });
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});

// node_modules/zod/v4/core/api.js
init_define_ACTION_INPUT_DEFAULTS();
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}

// node_modules/zod/v4/mini/parse.js
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/zod/v4/mini/schemas.js
init_define_ACTION_INPUT_DEFAULTS();
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record2(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}

// node_modules/zod/v4/mini/checks.js
init_define_ACTION_INPUT_DEFAULTS();

// src/common/contract.ts
init_define_ACTION_INPUT_DEFAULTS();
var SEVERITIES = ["LOW", "MINOR", "MAJOR", "CRITICAL"];
var LIMITS = {
  type: 100,
  source: 500,
  subject: 50,
  version: 50,
  id: 200,
  description: 1e3,
  /** The whole event as JSON, in bytes of UTF-8. */
  payloadBytes: 10240
};

// src/common/safe-url.ts
init_define_ACTION_INPUT_DEFAULTS();
var MAX_URL_LENGTH = 2e3;
var WEB_SCHEMES = /* @__PURE__ */ new Set(["https:", "http:"]);
function safeUrl(value) {
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    return { dropped: "not a URL" };
  }
  if (!WEB_SCHEMES.has(parsed.protocol)) return { dropped: `the scheme ${parsed.protocol} is not https or http` };
  parsed.username = "";
  parsed.password = "";
  const url = parsed.href === value || parsed.href === `${value}/` ? value : parsed.href;
  if (url.length > MAX_URL_LENGTH) return { dropped: `it is ${url.length} characters, over ${MAX_URL_LENGTH}` };
  return { url };
}

// src/runner/output.ts
init_define_ACTION_INPUT_DEFAULTS();
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
var import_node_os2 = require("node:os");

// node_modules/@actions/core/lib/core.js
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/@actions/core/lib/command.js
init_define_ACTION_INPUT_DEFAULTS();
var os = __toESM(require("os"), 1);

// node_modules/@actions/core/lib/utils.js
init_define_ACTION_INPUT_DEFAULTS();
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
init_define_ACTION_INPUT_DEFAULTS();
var crypto = __toESM(require("crypto"), 1);
var fs = __toESM(require("fs"), 1);
var os2 = __toESM(require("os"), 1);
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
var os4 = __toESM(require("os"), 1);

// node_modules/@actions/core/lib/oidc-utils.js
init_define_ACTION_INPUT_DEFAULTS();

// node_modules/@actions/http-client/lib/index.js
init_define_ACTION_INPUT_DEFAULTS();
var http = __toESM(require("http"), 1);
var https = __toESM(require("https"), 1);

// node_modules/@actions/http-client/lib/proxy.js
init_define_ACTION_INPUT_DEFAULTS();
function getProxyUrl(reqUrl) {
  const usingSsl = reqUrl.protocol === "https:";
  if (checkBypass(reqUrl)) {
    return void 0;
  }
  const proxyVar = (() => {
    if (usingSsl) {
      return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
    } else {
      return process.env["http_proxy"] || process.env["HTTP_PROXY"];
    }
  })();
  if (proxyVar) {
    try {
      return new DecodedURL(proxyVar);
    } catch (_a2) {
      if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
        return new DecodedURL(`http://${proxyVar}`);
    }
  } else {
    return void 0;
  }
}
function checkBypass(reqUrl) {
  if (!reqUrl.hostname) {
    return false;
  }
  const reqHost = reqUrl.hostname;
  if (isLoopbackAddress(reqHost)) {
    return true;
  }
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}
var DecodedURL = class extends URL {
  constructor(url, base) {
    super(url, base);
    this._decodedUsername = decodeURIComponent(super.username);
    this._decodedPassword = decodeURIComponent(super.password);
  }
  get username() {
    return this._decodedUsername;
  }
  get password() {
    return this._decodedPassword;
  }
};

// src/vendor-stubs/tunnel.ts
init_define_ACTION_INPUT_DEFAULTS();
var tunnel;
function real() {
  tunnel ??= require_tunnel2();
  return tunnel;
}
var httpOverHttp = (options) => real().httpOverHttp(options);
var httpsOverHttp = (options) => real().httpsOverHttp(options);
var httpOverHttps = (options) => real().httpOverHttps(options);
var httpsOverHttps = (options) => real().httpsOverHttps(options);

// src/vendor-stubs/undici.ts
init_define_ACTION_INPUT_DEFAULTS();
var ProxyAgent = class {
  constructor() {
    throw new Error("undici is not bundled with this action: use HttpClient.getAgent() instead");
  }
};

// node_modules/@actions/http-client/lib/index.js
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
function getProxyUrl2(serverUrl) {
  const proxyUrl = getProxyUrl(new URL(serverUrl));
  return proxyUrl ? proxyUrl.href : "";
}
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];
var RetryableHttpVerbs = ["OPTIONS", "GET", "DELETE", "HEAD"];
var ExponentialBackoffCeiling = 10;
var ExponentialBackoffTimeSlice = 5;
var HttpClientError = class _HttpClientError extends Error {
  constructor(message, statusCode) {
    super(message);
    this.name = "HttpClientError";
    this.statusCode = statusCode;
    Object.setPrototypeOf(this, _HttpClientError.prototype);
  }
};
var HttpClientResponse = class {
  constructor(message) {
    this.message = message;
  }
  readBody() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
        let output = Buffer.alloc(0);
        this.message.on("data", (chunk) => {
          output = Buffer.concat([output, chunk]);
        });
        this.message.on("end", () => {
          resolve(output.toString());
        });
      }));
    });
  }
  readBodyBuffer() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
        const chunks = [];
        this.message.on("data", (chunk) => {
          chunks.push(chunk);
        });
        this.message.on("end", () => {
          resolve(Buffer.concat(chunks));
        });
      }));
    });
  }
};
var HttpClient = class {
  constructor(userAgent, handlers, requestOptions) {
    this._ignoreSslError = false;
    this._allowRedirects = true;
    this._allowRedirectDowngrade = false;
    this._maxRedirects = 50;
    this._allowRetries = false;
    this._maxRetries = 1;
    this._keepAlive = false;
    this._disposed = false;
    this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
    this.handlers = handlers || [];
    this.requestOptions = requestOptions;
    if (requestOptions) {
      if (requestOptions.ignoreSslError != null) {
        this._ignoreSslError = requestOptions.ignoreSslError;
      }
      this._socketTimeout = requestOptions.socketTimeout;
      if (requestOptions.allowRedirects != null) {
        this._allowRedirects = requestOptions.allowRedirects;
      }
      if (requestOptions.allowRedirectDowngrade != null) {
        this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
      }
      if (requestOptions.maxRedirects != null) {
        this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
      }
      if (requestOptions.keepAlive != null) {
        this._keepAlive = requestOptions.keepAlive;
      }
      if (requestOptions.allowRetries != null) {
        this._allowRetries = requestOptions.allowRetries;
      }
      if (requestOptions.maxRetries != null) {
        this._maxRetries = requestOptions.maxRetries;
      }
    }
  }
  options(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("OPTIONS", requestUrl, null, additionalHeaders || {});
    });
  }
  get(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("GET", requestUrl, null, additionalHeaders || {});
    });
  }
  del(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("DELETE", requestUrl, null, additionalHeaders || {});
    });
  }
  post(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("POST", requestUrl, data, additionalHeaders || {});
    });
  }
  patch(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PATCH", requestUrl, data, additionalHeaders || {});
    });
  }
  put(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PUT", requestUrl, data, additionalHeaders || {});
    });
  }
  head(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("HEAD", requestUrl, null, additionalHeaders || {});
    });
  }
  sendStream(verb, requestUrl, stream, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request(verb, requestUrl, stream, additionalHeaders);
    });
  }
  /**
   * Gets a typed object from an endpoint
   * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
   */
  getJson(requestUrl_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      const res = yield this.get(requestUrl, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  postJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.post(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  putJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.put(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  patchJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.patch(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  /**
   * Makes a raw http request.
   * All other methods such as get, post, patch, and request ultimately call this.
   * Prefer get, del, post and patch
   */
  request(verb, requestUrl, data, headers) {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._disposed) {
        throw new Error("Client has already been disposed.");
      }
      const parsedUrl = new URL(requestUrl);
      let info2 = this._prepareRequest(verb, parsedUrl, headers);
      const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb) ? this._maxRetries + 1 : 1;
      let numTries = 0;
      let response;
      do {
        response = yield this.requestRaw(info2, data);
        if (response && response.message && response.message.statusCode === HttpCodes.Unauthorized) {
          let authenticationHandler;
          for (const handler of this.handlers) {
            if (handler.canHandleAuthentication(response)) {
              authenticationHandler = handler;
              break;
            }
          }
          if (authenticationHandler) {
            return authenticationHandler.handleAuthentication(this, info2, data);
          } else {
            return response;
          }
        }
        let redirectsRemaining = this._maxRedirects;
        while (response.message.statusCode && HttpRedirectCodes.includes(response.message.statusCode) && this._allowRedirects && redirectsRemaining > 0) {
          const redirectUrl = response.message.headers["location"];
          if (!redirectUrl) {
            break;
          }
          const parsedRedirectUrl = new URL(redirectUrl);
          if (parsedUrl.protocol === "https:" && parsedUrl.protocol !== parsedRedirectUrl.protocol && !this._allowRedirectDowngrade) {
            throw new Error("Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.");
          }
          yield response.readBody();
          if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
            for (const header in headers) {
              if (header.toLowerCase() === "authorization") {
                delete headers[header];
              }
            }
          }
          info2 = this._prepareRequest(verb, parsedRedirectUrl, headers);
          response = yield this.requestRaw(info2, data);
          redirectsRemaining--;
        }
        if (!response.message.statusCode || !HttpResponseRetryCodes.includes(response.message.statusCode)) {
          return response;
        }
        numTries += 1;
        if (numTries < maxTries) {
          yield response.readBody();
          yield this._performExponentialBackoff(numTries);
        }
      } while (numTries < maxTries);
      return response;
    });
  }
  /**
   * Needs to be called if keepAlive is set to true in request options.
   */
  dispose() {
    if (this._agent) {
      this._agent.destroy();
    }
    this._disposed = true;
  }
  /**
   * Raw request.
   * @param info
   * @param data
   */
  requestRaw(info2, data) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve, reject) => {
        function callbackForResult(err, res) {
          if (err) {
            reject(err);
          } else if (!res) {
            reject(new Error("Unknown error"));
          } else {
            resolve(res);
          }
        }
        this.requestRawWithCallback(info2, data, callbackForResult);
      });
    });
  }
  /**
   * Raw request with callback.
   * @param info
   * @param data
   * @param onResult
   */
  requestRawWithCallback(info2, data, onResult) {
    if (typeof data === "string") {
      if (!info2.options.headers) {
        info2.options.headers = {};
      }
      info2.options.headers["Content-Length"] = Buffer.byteLength(data, "utf8");
    }
    let callbackCalled = false;
    function handleResult(err, res) {
      if (!callbackCalled) {
        callbackCalled = true;
        onResult(err, res);
      }
    }
    const req = info2.httpModule.request(info2.options, (msg) => {
      const res = new HttpClientResponse(msg);
      handleResult(void 0, res);
    });
    let socket;
    req.on("socket", (sock) => {
      socket = sock;
    });
    req.setTimeout(this._socketTimeout || 3 * 6e4, () => {
      if (socket) {
        socket.end();
      }
      handleResult(new Error(`Request timeout: ${info2.options.path}`));
    });
    req.on("error", function(err) {
      handleResult(err);
    });
    if (data && typeof data === "string") {
      req.write(data, "utf8");
    }
    if (data && typeof data !== "string") {
      data.on("close", function() {
        req.end();
      });
      data.pipe(req);
    } else {
      req.end();
    }
  }
  /**
   * Gets an http agent. This function is useful when you need an http agent that handles
   * routing through a proxy server - depending upon the url and proxy environment variables.
   * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
   */
  getAgent(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    return this._getAgent(parsedUrl);
  }
  getAgentDispatcher(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (!useProxy) {
      return;
    }
    return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
  }
  _prepareRequest(method, requestUrl, headers) {
    const info2 = {};
    info2.parsedUrl = requestUrl;
    const usingSsl = info2.parsedUrl.protocol === "https:";
    info2.httpModule = usingSsl ? https : http;
    const defaultPort = usingSsl ? 443 : 80;
    info2.options = {};
    info2.options.host = info2.parsedUrl.hostname;
    info2.options.port = info2.parsedUrl.port ? parseInt(info2.parsedUrl.port) : defaultPort;
    info2.options.path = (info2.parsedUrl.pathname || "") + (info2.parsedUrl.search || "");
    info2.options.method = method;
    info2.options.headers = this._mergeHeaders(headers);
    if (this.userAgent != null) {
      info2.options.headers["user-agent"] = this.userAgent;
    }
    info2.options.agent = this._getAgent(info2.parsedUrl);
    if (this.handlers) {
      for (const handler of this.handlers) {
        handler.prepareRequest(info2.options);
      }
    }
    return info2;
  }
  _mergeHeaders(headers) {
    if (this.requestOptions && this.requestOptions.headers) {
      return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
    }
    return lowercaseKeys(headers || {});
  }
  /**
   * Gets an existing header value or returns a default.
   * Handles converting number header values to strings since HTTP headers must be strings.
   * Note: This returns string | string[] since some headers can have multiple values.
   * For headers that must always be a single string (like Content-Type), use the
   * specialized _getExistingOrDefaultContentTypeHeader method instead.
   */
  _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
      if (headerValue) {
        clientHeader = typeof headerValue === "number" ? headerValue.toString() : headerValue;
      }
    }
    const additionalValue = additionalHeaders[header];
    if (additionalValue !== void 0) {
      return typeof additionalValue === "number" ? additionalValue.toString() : additionalValue;
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  /**
   * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
   * Always returns a single string (not an array) since Content-Type should be a single value.
   * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
   * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
   * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
   */
  _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
      if (headerValue) {
        if (typeof headerValue === "number") {
          clientHeader = String(headerValue);
        } else if (Array.isArray(headerValue)) {
          clientHeader = headerValue.join(", ");
        } else {
          clientHeader = headerValue;
        }
      }
    }
    const additionalValue = additionalHeaders[Headers.ContentType];
    if (additionalValue !== void 0) {
      if (typeof additionalValue === "number") {
        return String(additionalValue);
      } else if (Array.isArray(additionalValue)) {
        return additionalValue.join(", ");
      } else {
        return additionalValue;
      }
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  _getAgent(parsedUrl) {
    let agent;
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (this._keepAlive && useProxy) {
      agent = this._proxyAgent;
    }
    if (!useProxy) {
      agent = this._agent;
    }
    if (agent) {
      return agent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    let maxSockets = 100;
    if (this.requestOptions) {
      maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
    }
    if (proxyUrl && proxyUrl.hostname) {
      const agentOptions = {
        maxSockets,
        keepAlive: this._keepAlive,
        proxy: Object.assign(Object.assign({}, (proxyUrl.username || proxyUrl.password) && {
          proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
        }), { host: proxyUrl.hostname, port: proxyUrl.port })
      };
      let tunnelAgent;
      const overHttps = proxyUrl.protocol === "https:";
      if (usingSsl) {
        tunnelAgent = overHttps ? httpsOverHttps : httpsOverHttp;
      } else {
        tunnelAgent = overHttps ? httpOverHttps : httpOverHttp;
      }
      agent = tunnelAgent(agentOptions);
      this._proxyAgent = agent;
    }
    if (!agent) {
      const options = { keepAlive: this._keepAlive, maxSockets };
      agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
      this._agent = agent;
    }
    if (usingSsl && this._ignoreSslError) {
      agent.options = Object.assign(agent.options || {}, {
        rejectUnauthorized: false
      });
    }
    return agent;
  }
  _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
    let proxyAgent;
    if (this._keepAlive) {
      proxyAgent = this._proxyAgentDispatcher;
    }
    if (proxyAgent) {
      return proxyAgent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, (proxyUrl.username || proxyUrl.password) && {
      token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString("base64")}`
    }));
    this._proxyAgentDispatcher = proxyAgent;
    if (usingSsl && this._ignoreSslError) {
      proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
        rejectUnauthorized: false
      });
    }
    return proxyAgent;
  }
  _getUserAgentWithOrchestrationId(userAgent) {
    const baseUserAgent = userAgent || "actions/http-client";
    const orchId = process.env["ACTIONS_ORCHESTRATION_ID"];
    if (orchId) {
      const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, "_");
      return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
    }
    return baseUserAgent;
  }
  _performExponentialBackoff(retryNumber) {
    return __awaiter(this, void 0, void 0, function* () {
      retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
      const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
      return new Promise((resolve) => setTimeout(() => resolve(), ms));
    });
  }
  _processResponse(res, options) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
        const statusCode = res.message.statusCode || 0;
        const response = {
          statusCode,
          result: null,
          headers: {}
        };
        if (statusCode === HttpCodes.NotFound) {
          resolve(response);
        }
        function dateTimeDeserializer(key, value) {
          if (typeof value === "string") {
            const a = new Date(value);
            if (!isNaN(a.valueOf())) {
              return a;
            }
          }
          return value;
        }
        let obj;
        let contents;
        try {
          contents = yield res.readBody();
          if (contents && contents.length > 0) {
            if (options && options.deserializeDates) {
              obj = JSON.parse(contents, dateTimeDeserializer);
            } else {
              obj = JSON.parse(contents);
            }
            response.result = obj;
          }
          response.headers = res.message.headers;
        } catch (err) {
        }
        if (statusCode > 299) {
          let msg;
          if (obj && obj.message) {
            msg = obj.message;
          } else if (contents && contents.length > 0) {
            msg = contents;
          } else {
            msg = `Failed request: (${statusCode})`;
          }
          const err = new HttpClientError(msg, statusCode);
          err.result = response.result;
          reject(err);
        } else {
          resolve(response);
        }
      }));
    });
  }
};
var lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => (c[k.toLowerCase()] = obj[k], c), {});

// node_modules/@actions/http-client/lib/auth.js
init_define_ACTION_INPUT_DEFAULTS();

// src/vendor-stubs/actions-core-summary.ts
init_define_ACTION_INPUT_DEFAULTS();
var unbundled = () => {
  throw new Error("core.summary is not bundled with this action: write the job summary through appendSummary (src/runner/output.ts)");
};
var summary = new Proxy({}, { get: unbundled });

// node_modules/@actions/core/lib/path-utils.js
init_define_ACTION_INPUT_DEFAULTS();

// src/vendor-stubs/actions-core-platform.ts
init_define_ACTION_INPUT_DEFAULTS();
var import_node_os = __toESM(require("node:os"));
var platform = import_node_os.default.platform();
var arch = import_node_os.default.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}

// src/runner/output.ts
var MIN_SECRET_LENGTH = 4;
var secrets = [];
function protectSecrets(values) {
  const kept = values.map((value) => value?.trim()).filter((value) => value !== void 0 && value.length >= MIN_SECRET_LENGTH);
  for (const secret of kept) setSecret(secret);
  secrets = kept;
}
function redact(textValue) {
  return secrets.reduce((out, secret) => out.split(secret).join("***"), textValue);
}
var INVISIBLE_CONTROLS = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;
function cleanText(textValue) {
  return redact(textValue).replace(INVISIBLE_CONTROLS, "");
}
function cleanValue(value) {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map((item) => cleanValue(item));
  if (!isRecord(value)) return value;
  const cleaned = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(cleaned, cleanText(key), { value: cleanValue(item), enumerable: true, writable: true, configurable: true });
  }
  return cleaned;
}
function line(textValue) {
  return cleanText(textValue).split(/\r?\n/).map(defuseCommands).join("\n");
}
var log = {
  info: (textValue) => info(line(textValue)),
  debug: (textValue) => debug(line(textValue)),
  /** A notice annotation: something the user can act on that is not a problem of the run. */
  notice: (textValue) => notice(line(textValue)),
  warning: (textValue) => warning(line(textValue)),
  error: (textValue) => error(line(textValue)),
  /** An error annotation, and the step fails (exit code 1). */
  fail: (textValue) => setFailed(line(textValue))
};
function logJson(value) {
  const json = cleanText(JSON.stringify(value, null, 2)).replace(/##\[/g, "##\\u005b");
  const token = (0, import_node_crypto.randomUUID)();
  info(`::stop-commands::${token}`);
  info(json);
  info(`::${token}::`);
}
function setOutput2(name, value) {
  setOutput(name, cleanText(value));
}
function saveState2(name, value) {
  saveState(name, cleanText(value));
}
async function appendSummary(markdown) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    (0, import_node_fs.appendFileSync)(file, `${cleanText(markdown)}${import_node_os2.EOL}`);
  } catch (error2) {
    log.warning(`The job summary could not be written: ${error2.message}`);
  }
}

// src/event/cloud-event.ts
var TRIM_ORDER = [
  "commits",
  "removed",
  "reverted",
  "pull_requests",
  "tickets",
  "authors",
  "links",
  "job_url",
  "pull_request",
  "compare_url",
  "paths",
  "inputs",
  "description",
  "workflow",
  "job",
  "event_name",
  "triggered_by",
  "ref",
  "run_url",
  "repository",
  "deployment",
  "previous",
  "first_commit_at",
  "reverts",
  "lead_time_seconds",
  "restores",
  "ticket"
];
var cloudEventSchema = object({
  specversion: literal("1.0"),
  id: string2().check(_minLength(1), _maxLength(LIMITS.id)),
  type: string2().check(_minLength(1), _maxLength(LIMITS.type)),
  source: string2().check(_minLength(1), _maxLength(LIMITS.source)),
  subject: optional(string2().check(_minLength(1), _maxLength(LIMITS.subject))),
  severity: optional(_enum(SEVERITIES)),
  version: optional(string2().check(_minLength(1), _maxLength(LIMITS.version))),
  time: string2().check(_minLength(1)),
  datacontenttype: literal("application/json"),
  dataschema: optional(string2()),
  data: record2(string2(), unknown())
});
function payloadBytes(event) {
  return Buffer.byteLength(JSON.stringify(event), "utf8");
}
var FIELD_ORDER = ["specversion", "id", "type", "source", "subject", "severity", "version", "time", "datacontenttype", "dataschema", "data"];
function inContractOrder(event) {
  const ordered = {};
  for (const key of FIELD_ORDER) if (event[key] !== void 0) ordered[key] = event[key];
  return ordered;
}
function jobData(job) {
  if (job.phase === "started") {
    return compact({ context_id: job.contextId, phase: "started", job_url: job.jobUrl });
  }
  return compact({
    context_id: job.contextId,
    phase: "finished",
    parent_id: job.parentId,
    outcome: job.outcome,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    duration_seconds: job.durationSeconds,
    job_url: job.jobUrl
  });
}
var isLinkKey = (key, parent) => key === "url" || key.endsWith("_url") || parent === "links";
var WORDS_PATHS = /* @__PURE__ */ new Set(["data.inputs"]);
function withSafeLinks(value, notes, path = "data", parent) {
  const kept = {};
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    const safe = safeLinksIn(item, key, parent, at, notes);
    if (safe !== void 0) Object.defineProperty(kept, key, { value: safe, enumerable: true, writable: true, configurable: true });
  }
  return kept;
}
function safeLinksIn(item, key, parent, at, notes) {
  if (typeof item === "string") {
    if (!isLinkKey(key, parent)) return item;
    const safe = safeUrl(item);
    if (safe.dropped !== void 0) notes.push(`The link ${at} was left out: ${safe.dropped}.`);
    return safe.url;
  }
  if (Array.isArray(item)) return item.map((entry, index) => safeLinksIn(entry, key, parent, `${at}[${index}]`, notes)).filter((entry) => entry !== void 0);
  if (item !== null && typeof item === "object" && !WORDS_PATHS.has(at)) return withSafeLinks(item, notes, at, key);
  return item;
}
var JOB_KEYS = ["context_id", "phase", "parent_id", "outcome", "started_at", "finished_at", "duration_seconds", "job_url"];
function claimJobKeys(data, job, userData, warnings, notes) {
  if (!job) return;
  const keys = withSafeLinks(jobData(job) ?? {}, notes);
  const clashes = JOB_KEYS.filter((key) => Object.hasOwn(userData, key));
  if (clashes.length > 0) {
    warnings.push(`Input "data" sets ${clashes.join(", ")}, names the action keeps for pairing start and end events, so your values were left out. Rename those keys in "data".`);
  }
  for (const key of clashes) delete data[key];
  Object.assign(data, keys);
}
function assertContract(event) {
  const checked = cloudEventSchema.safeParse(event);
  if (!checked.success) {
    const issue3 = checked.error.issues[0];
    throw new ConfigError(`The event breaks the OpsTrails contract at "${issue3?.path.join(".")}": ${issue3?.message}.`);
  }
}
function finish(built, settings, warnings) {
  const event = cleanValue(built);
  fitToBudget(event, settings, warnings);
  assertContract(event);
  return inContractOrder(event);
}
function fitToBudget(event, settings, warnings) {
  if (payloadBytes(event) <= LIMITS.payloadBytes) return;
  const dropped = [];
  for (const key of TRIM_ORDER) {
    if (payloadBytes(event) <= LIMITS.payloadBytes) break;
    if (key in event.data && !givenByUser(key, settings)) {
      delete event.data[key];
      dropped.push(key);
    }
  }
  if (payloadBytes(event) <= LIMITS.payloadBytes) {
    warnings.push(`The event was over the ${LIMITS.payloadBytes}-byte limit, so this context was left out: ${dropped.join(", ")}.`);
    return;
  }
  const keptAutomatic = Object.keys(event.data).filter((key) => !givenByUser(key, settings)).map((key) => ({ key, bytes: Buffer.byteLength(JSON.stringify(event.data[key])) })).filter(({ bytes }) => bytes > LIMITS.payloadBytes / 2);
  if (keptAutomatic.length > 0) {
    const sizes = keptAutomatic.map(({ key, bytes }) => `${key} is ${bytes} bytes`).join(", ");
    throw new ConfigError(
      `The event is ${payloadBytes(event)} bytes, over OpsTrails' ${LIMITS.payloadBytes}-byte limit, because of context the action never leaves out: ${sizes}, taken from the run or the GitHub API. Set include-context: false to send the event without it.`
    );
  }
  const given = [`"data" is ${Buffer.byteLength(JSON.stringify(settings.data))} bytes as JSON`];
  if (settings.description !== void 0) given.push(`"description" is ${Buffer.byteLength(settings.description)} bytes`);
  throw new ConfigError(
    `The event is ${payloadBytes(event)} bytes, over OpsTrails' ${LIMITS.payloadBytes}-byte limit, even with the automatic context left out: what you gave is too large (${given.join(", ")}). Shorten "data"${settings.description !== void 0 ? ' or "description"' : ""} to fit.`
  );
}
function givenByUser(key, settings) {
  return Object.hasOwn(settings.data, key) || key === "description" && settings.description !== void 0;
}
function buildEndEvent(input) {
  const { start, job } = input;
  const warnings = [];
  const notes = [];
  const data = { ...start.data };
  claimJobKeys(data, job, {}, warnings, notes);
  const event = { ...start, id: input.id, type: input.type, time: job.finishedAt, data };
  if (input.severity !== void 0) event.severity = input.severity;
  else delete event.severity;
  return { event: finish(event, input.settings, warnings), warnings, notes };
}

// src/inputs/read.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/inputs/names.ts
init_define_ACTION_INPUT_DEFAULTS();
var INPUT_NAMES = [
  "api-key",
  "api-url",
  "type",
  "source",
  "subject",
  "severity",
  "version",
  "description",
  "data",
  "id",
  "time",
  "dataschema",
  "on-error",
  "retries",
  "timeout",
  "dry-run",
  "track-job",
  "failure-severity",
  "job-status",
  "check-run-id",
  "github-token",
  "ticket-pattern",
  "rollback-of",
  "include-context",
  "environment",
  "paths",
  "since",
  "commit",
  "detect-rollback",
  "lookup-timeout",
  "observe-forks"
];

// src/inputs/read.ts
function readInputs() {
  const raw = {};
  for (const name of INPUT_NAMES) raw[name] = getInput(name, { trimWhitespace: false });
  protectSecrets([raw["api-key"], process.env.OPSTRAILS_API_KEY, raw["github-token"]]);
  return raw;
}

// src/steps/verdict.ts
init_define_ACTION_INPUT_DEFAULTS();
function verdictFor(error2, onError, moment = "alone") {
  if (onError === "warn") return "warn";
  if (onError === "fail") return "fail";
  const configuration = error2 instanceof ConfigError || error2.kind === "rejected";
  if (!configuration) return "warn";
  if (moment === "job-start") return "defer";
  if (moment === "job-end" && !(error2 instanceof ConfigError)) return "warn";
  return "fail";
}

// src/steps/send.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/delivery/deliver.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/delivery/answer.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/http/exchange.ts
init_define_ACTION_INPUT_DEFAULTS();
var http2 = __toESM(require("node:http"), 1);
var https2 = __toESM(require("node:https"), 1);
var BodyDeadline = class extends Error {
  constructor(status, received) {
    super("deadline reached while reading the body");
    this.status = status;
    this.received = received;
  }
  status;
  received;
  code = "BODY_DEADLINE";
};
function exchange({ url, method, agent, headers, body, signal, maxBodyBytes }) {
  const transport = url.protocol === "https:" ? https2 : http2;
  return new Promise((resolve, reject) => {
    const deadline = () => Object.assign(new Error("deadline reached"), { code: "DEADLINE" });
    if (signal.aborted) return reject(deadline());
    let response;
    let size = 0;
    const length = body === void 0 ? {} : { "Content-Length": Buffer.byteLength(body) };
    const request = transport.request(url, { method, agent, headers: { ...headers, ...length } }, (answer) => {
      response = answer;
      const chunks = [];
      const done = (bodyCut) => {
        signal.removeEventListener("abort", onAbort);
        resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks), bodyCut });
      };
      answer.on("data", (chunk) => {
        const room = maxBodyBytes - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (chunk.length > room) {
          done(true);
          answer.destroy();
        }
      });
      answer.on("end", () => done(false));
      answer.on("error", fail);
    });
    function onAbort() {
      const error2 = response ? new BodyDeadline(response.statusCode ?? 0, size) : deadline();
      reject(error2);
      request.destroy(error2);
    }
    function fail(error2) {
      signal.removeEventListener("abort", onAbort);
      reject(error2);
    }
    request.on("error", fail);
    signal.addEventListener("abort", onAbort, { once: true });
    request.end(body);
  });
}

// src/common/iso-time.ts
init_define_ACTION_INPUT_DEFAULTS();
var ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;
function isIsoTimeWithOffset(text2) {
  const match = ISO_WITH_OFFSET.exec(text2);
  if (!match) return false;
  const [, year, month, day, hour, minute, second = "0", , offsetHours = "0", offsetMinutes = "0"] = match;
  const n = Number;
  const daysInMonth = new Date(Date.UTC(n(year), n(month), 0)).getUTCDate();
  return n(month) >= 1 && n(month) <= 12 && n(day) >= 1 && n(day) <= daysInMonth && n(hour) <= 23 && n(minute) <= 59 && n(second) <= 59 && n(offsetHours) <= 23 && n(offsetMinutes) <= 59;
}

// src/delivery/answer.ts
var MAX_BODY_BYTES = 64 * 1024;
var MAX_RETRY_AFTER_MS = 24 * 3600 * 1e3;
function parseRetryAfter(value, now) {
  const text2 = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text2) return void 0;
  if (/^\d+$/.test(text2)) return Math.min(MAX_RETRY_AFTER_MS, Number(text2) * 1e3);
  if (!/^[A-Za-z]{3}/.test(text2)) return void 0;
  const date2 = Date.parse(text2);
  return Number.isNaN(date2) ? void 0 : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date2 - now));
}
var CERTIFICATE_ERRORS = /* @__PURE__ */ new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID"
]);
var UNCONFIRMED = 'so whether the event was recorded is unknown. Check "api-url": it should be https://api.opstrails.dev or a proxy in front of it';
function networkFailure(error2, timeoutMs, remainingMs, route) {
  const { host, proxy } = route;
  const via = proxy ? ` through the proxy ${proxy}` : "";
  const code = error2.code ?? "";
  if (proxy && error2.message.startsWith("tunneling socket could not be established")) {
    const detail = /statusCode=\d+|cause=.*/.exec(error2.message)?.[0] ?? "no reason given";
    return { kind: "unavailable", retryable: true, message: `the proxy ${proxy} did not open a tunnel to ${host} (${oneLine(detail, 120)}); check HTTPS_PROXY and NO_PROXY` };
  }
  if (error2 instanceof BodyDeadline) {
    const started2 = `${error2.status}: the answer from ${host}${via} started, but its body did not end within the ${duration(timeoutMs)} timeout (${error2.received} bytes received)`;
    return { kind: "unavailable", retryable: false, message: error2.status >= 200 && error2.status < 300 ? `${started2}, ${UNCONFIRMED}` : started2 };
  }
  if (code === "DEADLINE") {
    return {
      kind: "unavailable",
      retryable: false,
      message: `no answer from ${host}${via} within the ${duration(timeoutMs)} timeout (the last attempt had ${duration(remainingMs)})`
    };
  }
  if (CERTIFICATE_ERRORS.has(code)) {
    return {
      kind: "unavailable",
      retryable: false,
      message: `the TLS certificate of ${host} was not accepted (${code}); behind a TLS-inspecting proxy, point NODE_EXTRA_CA_CERTS at its CA certificate`
    };
  }
  if (code === "HPE_HEADER_OVERFLOW") {
    return { kind: "unavailable", retryable: true, message: `the answer from ${host}${via} had more than 16 KB of headers (${code}), which the OpsTrails API never sends` };
  }
  if (code.startsWith("HPE_")) {
    return { kind: "unavailable", retryable: true, message: `the answer from ${host}${via} was not valid HTTP (${oneLine(code, 40)})` };
  }
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return proxy ? { kind: "unavailable", retryable: true, message: `the proxy host ${proxy} could not be resolved (${code}); check HTTPS_PROXY` } : { kind: "unavailable", retryable: true, message: `the host ${host} could not be resolved (${code}); check "api-url" and the runner's DNS` };
    case "ECONNREFUSED":
      return proxy ? { kind: "unavailable", retryable: true, message: `the proxy ${proxy} refused the connection (ECONNREFUSED); check HTTPS_PROXY` } : { kind: "unavailable", retryable: true, message: `${host} refused the connection (ECONNREFUSED)` };
    case "ECONNRESET":
    case "EPIPE":
      return { kind: "unavailable", retryable: true, message: `the connection to ${host}${via} was reset (${code})` };
    default:
      return { kind: "unavailable", retryable: true, message: `could not reach ${host}${via}: ${oneLine(error2.message)}${code ? ` (${oneLine(code, 40)})` : ""}` };
  }
}
function readJson(body) {
  try {
    const value = JSON.parse(body);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
var REJECTING_CODES = ["VALIDATION_ERROR", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"];
function classify(answer, event, mayHaveStored, route, now) {
  const json = answer.bodyCut ? void 0 : readJson(answer.body.toString("utf8"));
  const code = typeof json?.code === "string" ? oneLine(json.code, 40) : void 0;
  const serverMessage = typeof json?.error === "string" ? oneLine(json.error) : void 0;
  const said = (fallback) => serverMessage ?? fallback;
  const status = answer.status;
  const label = `${status}${code ? ` ${code}` : ""}`;
  if (status >= 200 && status < 300) {
    if (json?.success === true) return { delivered: storedEvent(json.data, event) };
    if (json?.success === false) {
      const rejected = code !== void 0 && REJECTING_CODES.includes(code);
      return { kind: rejected ? "rejected" : "unavailable", retryable: !rejected, message: `${label}: the server answered success: false (${said("no reason given")})` };
    }
    return notTheApi(answer, route.host);
  }
  if (status >= 300 && status < 400) return redirected(answer, route.eventsUrl);
  if (status === 409) {
    const alreadyRecorded = mayHaveStored ? "by-an-earlier-attempt" : "before-this-step";
    return { delivered: { id: event.id, time: resolvedTime(event), alreadyRecorded, warnings: [] } };
  }
  const retryAfterMs = parseRetryAfter(answer.headers["retry-after"], now);
  switch (true) {
    case status === 400:
      return { kind: "rejected", retryable: false, message: `${label}: ${said("the event breaks an OpsTrails rule")}. Fix the input it names` };
    case status === 401:
      return { kind: "rejected", retryable: false, message: `${label}: the API key is missing or unknown. Check the secret passed as "api-key" (OpsTrails keys start with ot_)` };
    case status === 403:
      return { kind: "rejected", retryable: false, message: `${label}: the key lacks READ_WRITE scope \u2014 create a READ_WRITE key under Settings \u2192 API Keys` };
    case status === 404:
      return { kind: "rejected", retryable: false, message: `${label}: ${route.eventsUrl} does not exist. Check "api-url": it should be the API base URL, https://api.opstrails.dev` };
    case (status === 429 && code === "QUOTA_EXCEEDED"):
      return { kind: "quota", retryable: false, message: `${label}: the monthly event quota is used up, so retrying cannot help. Raise the plan's quota or wait for next month` };
    case status === 429:
      return {
        kind: "unavailable",
        retryable: true,
        rateLimited: true,
        retryAfterMs,
        message: `${label}: rate limited${retryAfterMs === void 0 ? "" : `, asked to wait ${duration(retryAfterMs)}`}`
      };
    case (status === 408 || status >= 500):
      return { kind: "unavailable", retryable: true, retryAfterMs, message: `${label}: OpsTrails is unavailable (${said(json ? "no reason given" : "not a JSON answer, likely a proxy or load balancer")})` };
    default:
      return { kind: "rejected", retryable: false, message: `${label}: ${said("the request was refused")}` };
  }
}
function notTheApi(answer, host) {
  const { status } = answer;
  const type = answer.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  let what;
  if (answer.bodyCut) what = `an answer longer than ${MAX_BODY_BYTES / 1024} KB (reading stopped there), which the OpsTrails API never sends`;
  else if (status === 204 || answer.body.length === 0) what = "no content instead of the OpsTrails API's JSON answer";
  else if (type === "text/html") what = "a web page instead of the OpsTrails API's JSON answer";
  else what = `something other than the OpsTrails API's JSON answer (no "success" field)`;
  return { kind: "unavailable", retryable: false, message: `${status}: ${host} answered with ${what}, ${UNCONFIRMED}` };
}
function redirected(answer, eventsUrl) {
  const { status } = answer;
  const permanent = status === 301 || status === 308;
  const target = redirectTarget(answer.headers.location, eventsUrl);
  const rule = 'Redirects are not followed, so the API key goes only to "api-url"';
  if (!target) {
    return { kind: permanent ? "rejected" : "unavailable", retryable: false, message: `${status}: ${eventsUrl} redirects without saying where. ${rule}: check "api-url"` };
  }
  const apiUrl = target.pathname.endsWith("/api/v1/events") ? `${target.origin}${target.pathname.slice(0, -"/api/v1/events".length)}` : target.origin;
  const shown = oneLine(`${target.origin}${target.pathname}`, 200);
  return permanent ? { kind: "rejected", retryable: false, message: `${status}: ${eventsUrl} has moved to ${shown}. ${rule}: set "api-url" to ${oneLine(apiUrl, 200)}` } : { kind: "unavailable", retryable: false, message: `${status}: ${eventsUrl} redirects for now to ${shown}. ${rule}; if the API now lives there, set "api-url" to ${oneLine(apiUrl, 200)}` };
}
function redirectTarget(location, eventsUrl) {
  if (!location) return void 0;
  try {
    const url = new URL(location, eventsUrl);
    return url.protocol === "https:" || url.protocol === "http:" ? url : void 0;
  } catch {
    return void 0;
  }
}
function storedEvent(data, event) {
  const warnings = [];
  let id = event.id;
  const storedId = data?.id;
  if (typeof storedId === "string" && storedId.length >= 1 && storedId.length <= LIMITS.id && isPrintableLine(storedId)) id = storedId;
  else if (storedId !== void 0) warnings.push(`OpsTrails answered with a stored id that is ${idProblem(storedId)}; the id that was sent, ${quote(event.id, 80)}, is used instead.`);
  let time2 = resolvedTime(event);
  const storedTime = data?.time;
  if (typeof storedTime === "string" && isIsoTimeWithOffset(storedTime)) time2 = storedTime;
  else if (storedTime !== void 0) {
    const shown = typeof storedTime === "string" ? quote(storedTime, 40) : `of type ${typeof storedTime}`;
    warnings.push(`OpsTrails answered with a stored time that is not a valid date (${shown}); the time that was sent, ${time2}, is used instead.`);
  }
  return { id, time: time2, alreadyRecorded: false, warnings };
}
function idProblem(id) {
  if (typeof id !== "string") return `not text (${id === null ? "null" : typeof id})`;
  if (id.length === 0) return "empty";
  if (id.length > LIMITS.id) return `${id.length} characters long (an id has at most ${LIMITS.id})`;
  return "not one line of printable characters";
}
function resolvedTime(event) {
  return event.time === "NOW" ? (/* @__PURE__ */ new Date()).toISOString() : event.time;
}

// src/delivery/deliver.ts
var RATE_LIMIT_RETRIES = 10;
var DEFAULT_BACKOFF_BASE_MS = 1e3;
var MAX_BACKOFF_MS = 8e3;
var ATTEMPT_RESERVE_MS = 500;
var REAL_CLOCK = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
async function deliverEvent(event, options) {
  const clock = options.clock ?? REAL_CLOCK;
  const random = options.random ?? Math.random;
  const deadline = clock.now() + options.timeoutMs;
  const agent = new HttpClient(options.userAgent).getAgent(options.eventsUrl);
  const route = routeOf(options.eventsUrl);
  const body = JSON.stringify(event);
  const base = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  let attempts = 0;
  let retries = 0;
  let rateLimitRetries = 0;
  let mayHaveStored = false;
  let failure2;
  let gaveUp = "";
  for (; ; ) {
    const remaining = deadline - clock.now();
    if (remaining <= 0) break;
    attempts += 1;
    const outcome = await attemptOnce(options, agent, body, remaining, event, mayHaveStored, route);
    if ("delivered" in outcome) return { ...outcome.delivered, attempts };
    failure2 = outcome;
    if (!failure2.retryable) break;
    mayHaveStored ||= !failure2.rateLimited;
    if (failure2.rateLimited ? rateLimitRetries >= RATE_LIMIT_RETRIES : retries >= options.retries) {
      if (failure2.rateLimited) gaveUp = `; rate limits are retried at most ${RATE_LIMIT_RETRIES} times`;
      break;
    }
    const fixedMs = failure2.retryAfterMs ?? backoffMs(attempts, base) / 2;
    const roomMs = deadline - clock.now() - ATTEMPT_RESERVE_MS;
    if (fixedMs > roomMs) {
      gaveUp = `; a retry in ${duration(fixedMs)} would not fit in the ${duration(options.timeoutMs)} timeout`;
      break;
    }
    if (failure2.rateLimited) rateLimitRetries += 1;
    else retries += 1;
    const waitMs = Math.round(Math.min(roomMs, fixedMs + spreadMs(attempts, base, random)));
    options.onRetry?.({ attempt: attempts, waitMs, reason: failure2.message });
    await clock.sleep(waitMs);
  }
  const last = failure2 ?? { kind: "unavailable", message: `no attempt fitted in the ${duration(options.timeoutMs)} timeout` };
  throw new DeliveryError(last.kind, `${last.message} (after ${attempts} attempt${attempts === 1 ? "" : "s"}${gaveUp})`, attempts);
}
function backoffMs(retry, baseMs) {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (retry - 1));
}
function spreadMs(retry, baseMs, random) {
  return random() * (backoffMs(retry, baseMs) / 2);
}
async function attemptOnce(options, agent, body, remainingMs, event, mayHaveStored, route) {
  const headers = {
    Authorization: `Bearer ${options.apiKey}`,
    "Content-Type": "application/json",
    Accept: "application/json",
    "User-Agent": options.userAgent
  };
  try {
    const answer = await exchange({
      url: new URL(options.eventsUrl),
      method: "POST",
      agent,
      headers,
      body,
      signal: AbortSignal.timeout(remainingMs),
      maxBodyBytes: MAX_BODY_BYTES
    });
    return classify(answer, event, mayHaveStored, route, (options.clock ?? REAL_CLOCK).now());
  } catch (error2) {
    return networkFailure(error2, options.timeoutMs, remainingMs, route);
  }
}
function routeOf(eventsUrl) {
  const proxy = getProxyUrl2(eventsUrl);
  return { eventsUrl, host: new URL(eventsUrl).host, proxy: proxy ? new URL(proxy).host : void 0 };
}

// src/steps/report.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/steps/story.ts
init_define_ACTION_INPUT_DEFAULTS();
var num = (value) => typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : void 0;
function serviceName(event) {
  const repository = text(event.data.repository) ?? event.source;
  return repository.split("/").filter(Boolean).pop() ?? repository;
}
function started(event) {
  return event.data.phase === "started";
}
function whatAndWhere(event) {
  const type = started(event) ? event.type.replace(/-started$/, "") : event.type;
  const preposition = type === "deployment" ? "to" : "on";
  const parts = [`${type} of ${serviceName(event)}`];
  if (event.version) parts.push(event.version);
  if (event.subject) parts.push(`${preposition} ${event.subject}`);
  return parts.join(" ");
}
function changeCount(data, rollback) {
  const commits = record(data.commits);
  const removed = record(data.removed);
  const count2 = num(rollback ? removed?.count ?? commits?.count : commits?.count);
  if (count2 === void 0) return void 0;
  const parts = [plural(count2, "commit")];
  const pullRequests2 = Array.isArray(data.pull_requests) ? data.pull_requests.length : 0;
  if (pullRequests2 > 0) parts.push(plural(pullRequests2, "pull request"));
  const scanned = num(commits?.scanned);
  const rangeCount = num(commits?.range_count);
  if (scanned !== void 0 && rangeCount !== void 0 && scanned < rangeCount) parts.push(`partial: ${scanned} of ${rangeCount} read`);
  return parts.join(", ");
}
function since(data, time2, word) {
  const previous = record(data.previous);
  const version2 = text(previous?.version) ?? text(previous?.commit)?.slice(0, 7);
  if (!previous || !version2) return void 0;
  const how = [text(previous.found_by)];
  const deployedAt = Date.parse(text(previous.deployed_at) ?? "");
  const at = Date.parse(time2);
  if (Number.isFinite(deployedAt) && Number.isFinite(at) && at >= deployedAt) how.push(`${span((at - deployedAt) / 1e3)} ago`);
  const known = how.filter(Boolean);
  return `${word} ${version2}${known.length ? ` (${known.join(", ")})` : ""}`;
}
function restoreText(data) {
  const restores = record(data.restores);
  if (!restores) return void 0;
  const what = text(restores.version) ?? text(restores.commit)?.slice(0, 7);
  const seconds = num(restores.seconds);
  if (!what) return seconds === void 0 ? void 0 : `restores service after ${span(seconds)}`;
  return seconds === void 0 ? `restores service after ${what} failed` : `restores service ${span(seconds)} after ${what} failed`;
}
function revertText(data) {
  const reverted = data.reverted ?? data.reverts;
  if (Array.isArray(reverted)) return reverted.length ? `reverts ${plural(reverted.length, "commit")}` : void 0;
  const sha2 = text(reverted) ?? text(record(reverted)?.commit) ?? text(record(reverted)?.sha);
  return sha2 ? `reverts ${sha2.slice(0, 7)}` : void 0;
}
function pathsText(data) {
  const paths = Array.isArray(data.paths) ? data.paths : Array.isArray(record(data.paths)?.list) ? record(data.paths).list : [];
  const names2 = paths.filter((p) => typeof p === "string");
  if (!names2.length) return void 0;
  return `in ${names2.slice(0, 3).join(", ")}${names2.length > 3 ? ` and ${names2.length - 3} more` : ""}`;
}
function details(event) {
  const data = event.data;
  const rollback = event.type === "rollback" || text(data.rollback_of) !== void 0;
  const parts = [];
  if (data.phase === "finished") {
    const outcome = text(data.outcome);
    const duration3 = num(data.duration_seconds);
    if (outcome) parts.push(duration3 === void 0 ? outcome : `${outcome} after ${span(duration3)}`);
  }
  const count2 = changeCount(data, rollback);
  if (rollback) {
    const of = text(data.rollback_of);
    if (of) parts.push(`rolls back ${of}`);
    if (count2) parts.push(`takes out ${count2}`);
  } else {
    const from = since(data, event.time, "since");
    if (count2) parts.push(from ? `${count2} ${from}` : count2);
    else if (from) parts.push(from);
    const lead = num(data.lead_time_seconds);
    if (lead !== void 0) parts.push(`lead time ${span(lead)}`);
  }
  const paths = pathsText(data);
  if (paths) parts.push(paths);
  const restore = restoreText(data);
  if (restore) parts.push(restore);
  const revert = revertText(data);
  if (revert) parts.push(revert);
  if (data.fork === true) parts.push("from a fork's run");
  return parts;
}
function storyLines(event, delivery) {
  const head = delivery.status === "dry-run" ? "Dry run, nothing sent: would record" : "Recorded";
  const what = started(event) ? `the start of a ${whatAndWhere(event)}` : whatAndWhere(event);
  const parts = details(event);
  let line2 = `${head} ${what}${parts.length ? `: ${parts.join(", ")}` : ""}`;
  if (started(event)) line2 += ". The end event, with the outcome and duration, follows when the job ends";
  return {
    info: oneLine(line2, 400),
    debug: `OpsTrails event id ${oneLine(delivery.storedId ?? event.id, 200)} (${oneLine(event.type, 80)}, at ${oneLine(event.time, 40)}).`
  };
}

// src/steps/report.ts
var STATUS_TEXT = {
  sent: "\u2705 sent",
  "dry-run": "\u{1F9EA} dry run: not sent",
  failed: "\u26A0\uFE0F not delivered",
  unknown: "\u2754 may not have been delivered (the step was stopped while sending it)"
};
var HEADLINE = {
  sent: "\u2705 Recorded",
  "dry-run": "\u{1F9EA} Dry run, not sent:",
  failed: "\u26A0\uFE0F Not recorded:"
};
function escapeText(untrusted) {
  return untrusted.replace(/[&<>|\\`*_~[\]]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/@/g, "@\u200B").replace(/:\/\//g, ":\u200B//").replace(/(w{3})\./gi, "$1\u200B.").replace(/[\r\n]+/g, " ").replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, space, opener) => space + opener.replace(/\D/, (m) => `&#${m.charCodeAt(0)};`));
}
function repositoryUrl(runUrl2) {
  const at = runUrl2?.indexOf("/actions/runs/") ?? -1;
  return runUrl2 && at > 0 ? runUrl2.slice(0, at) : void 0;
}
var SHA = /^[0-9a-f]{40}$/;
var sha = (value) => typeof value === "string" && SHA.test(value) ? value : void 0;
function link(label, repo, path) {
  return repo ? `[${label}](${encodeURI(`${repo}/${path}`)})` : label;
}
function pullRequests(data) {
  const items = Array.isArray(data.pull_requests) ? data.pull_requests : [];
  return items.flatMap((item) => {
    const pr = record(item);
    const number2 = num(pr?.number);
    return number2 !== void 0 && Number.isInteger(number2) ? [{ number: number2, title: text(pr?.title) ?? "" }] : [];
  });
}
function commitsOf(data, rollback) {
  const source = rollback ? record(data.removed) ?? record(data.commits) : record(data.commits);
  const items = Array.isArray(source?.list) ? source.list : [];
  return items.flatMap((item) => {
    const commit = record(item);
    return commit ? [{ sha: sha(commit.sha), message: text(commit.message) ?? "", author: text(commit.author) }] : [];
  });
}
function inPullRequest(commit, numbers) {
  const named = /^Merge pull request #(\d+) /.exec(commit.message) ?? /\(#(\d+)\)$/.exec(commit.message);
  return named !== null && numbers.has(Number(named[1]));
}
var names = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
function shippedSection(event, repo) {
  const data = event.data;
  const rollback = event.type === "rollback" || text(data.rollback_of) !== void 0;
  const pulls = pullRequests(data);
  const numbers = new Set(pulls.map((p) => p.number));
  const commits = commitsOf(data, rollback).filter((c) => !inPullRequest(c, numbers));
  const tickets = names(data.tickets);
  const authors = names(data.authors);
  if (!pulls.length && !commits.length && !tickets.length && !authors.length) return [];
  const out = [`#### ${rollback ? "What this takes out" : "What shipped"}`, ""];
  if (pulls.length || commits.length) {
    out.push("| change | title | author |", "|---|---|---|");
    for (const pr of pulls) out.push(`| ${link(`#${pr.number}`, repo, `pull/${pr.number}`)} | ${escapeText(pr.title)} | |`);
    for (const c of commits) {
      const label = c.sha ? link(`\`${c.sha.slice(0, 7)}\``, repo, `commit/${c.sha}`) : "";
      out.push(`| ${label} | ${escapeText(c.message)} | ${escapeText(c.author ?? "")} |`);
    }
    const listed = commitsOf(data, rollback).length;
    const count2 = num(record(rollback ? data.removed ?? data.commits : data.commits)?.count);
    if (count2 !== void 0 && count2 > listed) out.push("", `${plural(count2 - listed, "older commit")} not listed.`);
    out.push("");
  }
  if (tickets.length) out.push(`**Tickets:** ${tickets.map(escapeText).join(", ")}`, "");
  if (authors.length) out.push(`**Authors:** ${authors.map(escapeText).join(", ")}`, "");
  return out;
}
function previousLine(event, repo) {
  const data = event.data;
  const previous = record(data.previous);
  const from = since(data, event.time, "Previous deploy:");
  if (!previous || !from) return [];
  const rollback = event.type === "rollback";
  const [base, head] = rollback ? [sha(data.commit), sha(previous.commit)] : [sha(previous.commit), sha(data.commit)];
  const compare = base && head && repo ? ` \xB7 ${link("compare", repo, `compare/${base}...${head}`)}` : "";
  return [`${escapeText(from)}${compare}`, ""];
}
function undoLines(event) {
  const data = event.data;
  const out = [];
  const of = text(data.rollback_of);
  if (of) out.push(`\u21A9\uFE0F **Rollback** of ${escapeText(of)}.`);
  const restore = restoreText(data);
  if (restore) out.push(`\u{1FA79} **Restore:** ${escapeText(restore)}.`);
  const revert = revertText(data);
  if (revert) out.push(`\u{1F501} ${escapeText(revert)}.`);
  if (data.fork === true) out.push("\u{1F374} Recorded from a fork's run.");
  return out.flatMap((l) => [l, ""]);
}
function row(name, value) {
  return value === void 0 ? void 0 : `| ${name} | ${escapeText(value)} |`;
}
function fieldsTable(report) {
  const { event } = report;
  const rows = [
    `| status | ${STATUS_TEXT[report.status]} |`,
    row("type", event.type),
    row("subject", event.subject),
    row("version", event.version),
    row("severity", event.severity),
    row("source", event.source),
    row("id", report.storedId ?? event.id),
    row("time", report.storedTime ?? event.time)
  ];
  return ["| field | value |", "|---|---|", ...rows.filter((r) => r !== void 0), ""];
}
function trackedJobTable(report, start) {
  const { event } = report;
  const outcome = text(event.data.outcome) ?? "unknown";
  const duration3 = num(event.data.duration_seconds);
  return [
    `**Tracked job:** ${escapeText(outcome)}${duration3 === void 0 ? "" : ` after ${span(duration3)}`}.`,
    "",
    "| event | status | type | id | time |",
    "|---|---|---|---|---|",
    `| start | ${STATUS_TEXT[start.status]} | ${escapeText(start.event.type)} | ${escapeText(start.id)} | ${escapeText(start.event.time)} |`,
    `| end | ${STATUS_TEXT[report.status]} | ${escapeText(event.type)} | ${escapeText(report.storedId ?? event.id)} | ${escapeText(report.storedTime ?? event.time)} |`,
    "",
    `Severity ${escapeText(event.severity ?? "none")}; context id ${escapeText(text(event.data.context_id) ?? "none")}.`,
    ""
  ];
}
function folded(event, title, open) {
  const json = JSON.stringify(event, null, 2).replace(/```/g, "`\u200B``");
  return [`<details${open ? " open" : ""}><summary>${title}</summary>`, "", "```json", json, "```", "", "</details>", ""];
}
function summaryMarkdown(report) {
  const { event, start } = report;
  const repo = repositoryUrl(report.runUrl);
  const what = started(event) ? `the start of a ${whatAndWhere(event)}` : whatAndWhere(event);
  const parts = [`### ${HEADLINE[report.status]} ${escapeText(what)}`, ""];
  const story = details(event);
  if (story.length) parts.push(`${escapeText(story.join(", "))}.`, "");
  if (report.failure) parts.push(`**Why not delivered:** ${escapeText(report.failure)}`, "");
  parts.push(...start ? trackedJobTable(report, start) : fieldsTable(report));
  parts.push(...undoLines(event), ...shippedSection(event, repo), ...previousLine(event, repo));
  if (report.runUrl) parts.push(`[Workflow run](${encodeURI(report.runUrl)})`, "");
  const failed = report.status === "failed";
  if (start?.status === "failed") parts.push(...folded(start.event, "Start event to replay (JSON, as it would have been sent)", true));
  else if (start) parts.push(...folded(start.event, "Start event JSON", false));
  const title = failed ? "Event to replay (JSON, as it would have been sent)" : start ? "End event JSON" : "Event JSON";
  parts.push(...folded(event, title, failed));
  return parts.join("\n");
}

// src/steps/problems.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/runner/state.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/steps/problems.ts
var DEFERRED_NOTE = "on-error: auto lets the deploy go on; the post step fails the job once it is done";
function deferFailure(line2, reason) {
  log.error(`${line2} (${DEFERRED_NOTE}.)`);
  saveState2("deferred-failure" /* DeferredFailure */, reason);
}
function reportConfigError(error2, verdict) {
  for (const problem of error2.problems) {
    if (verdict === "fail") log.error(problem);
    else if (verdict === "warn") log.warning(`${problem} (on-error: warn, so the step goes on; nothing was sent)`);
    else log.error(`${problem} (Nothing was sent; ${DEFERRED_NOTE}.)`);
  }
  if (verdict === "defer") saveState2("deferred-failure" /* DeferredFailure */, `the main step stopped on its configuration: ${error2.problems.join(" ")}`);
  setOutput2("status", "failed");
  if (verdict === "fail") process.exitCode = 1;
}
function reportUnexpected(error2, onError) {
  const message = error2 instanceof Error ? error2.message : String(error2);
  log.debug(error2 instanceof Error && error2.stack ? error2.stack : message);
  const line2 = `Unexpected error in opstrails/event-action: ${message}. Please report it with the debug log.`;
  if (onError === "warn") log.warning(line2);
  else log.fail(line2);
  try {
    setOutput2("status", "failed");
  } catch {
  }
}

// src/http/user-agent.ts
init_define_ACTION_INPUT_DEFAULTS();
var USER_AGENT = "opstrails-event-action/1";

// src/steps/send.ts
async function summarize(report, request) {
  if (request.moment === "job-start" && report.status !== "failed") return;
  await appendSummary(summaryMarkdown({ ...report, start: request.start }));
}
function reportAlreadyRecorded(event, what, settings) {
  if (settings.id === void 0) {
    log.info(`OpsTrails already holds the ${what} ${event.id}: an earlier delivery of this webhook, or an earlier run of this workflow, recorded it. Nothing new was recorded.`);
    return;
  }
  log.warning(
    `OpsTrails already holds an event with id ${quote(event.id, 80)} (409), so the ${what} was not recorded again. That is expected when this job is re-run with the same "id"; if this run should record an event of its own (a matrix leg, another deploy), make "id" unique per job and attempt, e.g. deploy-\${{ github.run_id }}-\${{ github.run_attempt }}-\${{ strategy.job-index }}.`
  );
}
function tellStory(event, delivery) {
  const { info: info2, debug: debug2 } = storyLines(event, delivery);
  log.info(info2);
  log.debug(debug2);
}
async function sendEvent(request) {
  const { event, title, settings, runUrl: runUrl2 } = request;
  const { onError } = settings;
  const what = title.toLowerCase();
  if (settings.dryRun) {
    log.info(`Dry run: the ${what} was built and validated, and not sent.`);
    tellStory(event, { status: "dry-run" });
    logJson(event);
    const report2 = { event, status: "dry-run", runUrl: runUrl2 };
    await summarize(report2, request);
    return report2;
  }
  let report;
  try {
    const delivered = await deliverEvent(event, {
      eventsUrl: settings.eventsUrl,
      apiKey: settings.apiKey ?? "",
      retries: settings.retries,
      timeoutMs: settings.timeoutMs,
      userAgent: USER_AGENT,
      onRetry: ({ attempt, waitMs, reason }) => log.info(`Attempt ${attempt} failed: ${reason}. Retrying in ${(waitMs / 1e3).toFixed(1)} s.`)
    });
    for (const warning2 of delivered.warnings) log.warning(warning2);
    if (delivered.alreadyRecorded === "before-this-step") reportAlreadyRecorded(event, what, settings);
    else {
      tellStory(event, { status: "sent", storedId: delivered.id });
      if (delivered.alreadyRecorded) log.info("A retry found the event already recorded: it was recorded once.");
    }
    report = { event, status: "sent", storedId: delivered.id, storedTime: delivered.time, runUrl: runUrl2 };
  } catch (error2) {
    if (!(error2 instanceof DeliveryError)) throw error2;
    const line2 = `OpsTrails did not record the ${what}: ${error2.message}.`;
    const replay = 'The event is in the "event" output and the job summary, ready to replay.';
    const verdict = verdictFor(error2, onError, request.moment);
    if (verdict === "fail") log.fail(`${line2} ${replay}`);
    else if (verdict === "defer") deferFailure(`${line2} ${replay}`, `OpsTrails did not record this job's start event: ${error2.message}`);
    else log.warning(`${line2} ${replay} (on-error: ${onError}, so the step goes on)`);
    report = { event, status: "failed", failure: error2.message, runUrl: runUrl2 };
  }
  await summarize(report, request);
  return report;
}

// src/inputs/settings.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/inputs/data-input.ts
init_define_ACTION_INPUT_DEFAULTS();
var FIX = 'Give a JSON object like {"ticket": "JIRA-1234"} or a YAML mapping like "ticket: JIRA-1234".';
var MAX_DATA_DEPTH = 32;
async function parseDataInput(raw) {
  let value;
  const text2 = raw.trim();
  if (text2.startsWith("{") || text2.startsWith("[")) {
    try {
      value = JSON.parse(text2);
    } catch (error2) {
      throw new ConfigError(`Input "data" is not valid JSON (${oneLine(error2.message)}). ${FIX}`);
    }
  } else {
    value = await parseYaml(text2);
  }
  if (!isRecord(value)) {
    const kind = Array.isArray(value) ? "a list" : value === null ? "empty (null)" : `a ${typeof value}`;
    throw new ConfigError(`Input "data" is ${kind}, not an object. ${FIX}`);
  }
  const data = toPlainJson(value, "data", 0);
  if (Object.hasOwn(data, "description") && typeof data.description !== "string") {
    throw new ConfigError('Input "data" has a "description" that is not a string; OpsTrails only takes text there. Quote it, or use the "description" input.');
  }
  return data;
}
async function parseYaml(text2) {
  const { parseDocument } = await import("./yaml.cjs");
  const document = parseDocument(text2, { schema: "core", resolveKnownTags: false, merge: false, uniqueKeys: true, prettyErrors: false });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) {
    throw new ConfigError(`Input "data" is not valid YAML or JSON (${oneLine(problem.message.split("\n")[0] ?? "")}). ${FIX}`);
  }
  try {
    return document.toJS({ maxAliasCount: 50 });
  } catch (error2) {
    throw new ConfigError(`Input "data" could not be read (${oneLine(error2.message.split("\n")[0] ?? "")}). ${FIX}`);
  }
}
function childPath(path, key) {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/.test(key) ? `${path}.${key}` : `${path}[${quote(key, 40)}]`;
}
function toPlainJson(value, path, depth) {
  if (depth > MAX_DATA_DEPTH) {
    throw new ConfigError(`Input "data" is nested more than ${MAX_DATA_DEPTH} levels deep at ${path} (or a YAML alias refers to itself). Flatten it.`);
  }
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new ConfigError(`Input "data" has a number at ${path} that JSON cannot carry (too large or not a number). Quote it as a string.`);
    }
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new ConfigError(`Input "data" has an integer at ${path} too large to keep exactly (over 2^53). Quote it as a string.`);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => toPlainJson(item, `${path}[${index}]`, depth + 1));
  if (isRecord(value)) {
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: toPlainJson(item, childPath(path, key), depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  throw new ConfigError(`Input "data" has a value at ${path} that JSON cannot carry (${Object.prototype.toString.call(value)}). ${FIX}`);
}

// src/inputs/defaults.ts
init_define_ACTION_INPUT_DEFAULTS();
var INPUT_DEFAULTS = typeof define_ACTION_INPUT_DEFAULTS_default === "undefined" ? {} : define_ACTION_INPUT_DEFAULTS_default;

// src/common/step-contract.ts
init_define_ACTION_INPUT_DEFAULTS();
var END_ID_SUFFIX = "-finished";
var START_TYPE_SUFFIX = "-started";
var PAIRED_TRIGGERS = /* @__PURE__ */ new Set(["workflow_run", "deployment_status"]);

// src/inputs/settings.ts
var DEFAULT_API_URL = "https://api.opstrails.dev";
var EVENTS_PATH = "/api/v1/events";
var BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
var MIN_KEY_LENGTH = 8;
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
function isLoopbackHost(hostname) {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}
function resolveEventsUrl(raw) {
  const fix = `Set it to the API base URL, ${DEFAULT_API_URL}, or leave it empty.`;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`Input "api-url" ${quote(raw)} is not a URL. ${fix}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`Input "api-url" must use https://, not ${url.protocol}//. ${fix}`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `Input "api-url" uses http:// for ${url.hostname}; the key would travel in clear text. Use https:// (http:// is allowed only for localhost).`
    );
  }
  if (url.username || url.password) {
    throw new ConfigError(`Input "api-url" must not carry credentials. Pass the key in "api-key" instead.`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  const mcp = /\/api\/mcp(\/|$)/.exec(path);
  if (mcp) {
    const base2 = `${url.origin}${path.slice(0, mcp.index)}`;
    throw new ConfigError(`Input "api-url" is the MCP endpoint, which is read-only and serves AI assistants. Set it to the API base URL, ${base2}, or leave it empty.`);
  }
  if (/(^|\.)opstrails\.dev$/.test(url.hostname) && !url.hostname.startsWith("api.")) {
    throw new ConfigError(`Input "api-url" points at the OpsTrails console or website, not its API. ${fix}`);
  }
  if (url.hash) {
    throw new ConfigError(`Input "api-url" has a #fragment, which is never sent to the server. Remove it: ${fix}`);
  }
  const base = path.replace(/\/api\/v1(\/events)?$/, "");
  return `${url.origin}${base}${EVENTS_PATH}${url.search}`;
}
var ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;
function parseTime(raw) {
  const value = raw.toUpperCase();
  if (value === "NOW") return "NOW";
  if (isIsoTimeWithOffset(value)) return value;
  if (ISO_WITHOUT_OFFSET.test(value)) {
    throw new ConfigError(
      `Input "time" ${quote(raw)} has no timezone offset, and OpsTrails rejects such times. Append "Z" for UTC or an offset like "+02:00", or use NOW.`
    );
  }
  throw new ConfigError(
    `Input "time" ${quote(raw)} is not an ISO 8601 time. Use a time with offset like "2025-01-15T14:30:00Z", or NOW, or leave it empty for the moment the step ran.`
  );
}
function parseBoolean(input, raw) {
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE"].includes(raw)) return false;
  throw new ConfigError(`Input "${input}" ${quote(raw)} is not a boolean. Use true or false.`);
}
function parseInteger(input, raw, min, max, unit) {
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`Input "${input}" ${quote(raw)} is not a whole number of ${unit} from ${min} to ${max}.`);
  }
  return value;
}
function parseSeverity(input, raw) {
  const value = raw.trim().toUpperCase();
  if (!SEVERITIES.includes(value)) {
    throw new ConfigError(`Input "${input}" ${quote(raw)} is not one of ${SEVERITIES.join(", ")}. Use one of those or leave it empty.`);
  }
  return value;
}
function parseOnError(raw) {
  const value = raw.trim().toLowerCase();
  if (value === "auto" || value === "warn" || value === "fail") return value;
  throw new ConfigError(`Input "on-error" ${quote(raw)} is not one of auto, warn, fail.`);
}
function parseUri(raw) {
  if (!/^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001f\u007f]+$/i.test(raw) || !URL.canParse(raw)) {
    throw new ConfigError(`Input "dataschema" ${quote(raw)} is not an absolute URI. Use a URL like https://example.com/schemas/deploy.json.`);
  }
  return raw;
}
var MAX_TICKET_PATTERN_LENGTH = 500;
function parseTicketPattern(raw) {
  checkLength("ticket-pattern", raw, 1, MAX_TICKET_PATTERN_LENGTH);
  let pattern;
  try {
    pattern = new RegExp(raw, "g");
  } catch (error2) {
    throw new ConfigError(`Input "ticket-pattern" is not a valid regular expression (${oneLine(error2.message)}). Fix the pattern, e.g. "[A-Z]+-\\d+".`);
  }
  if (pattern.test("")) {
    throw new ConfigError(`Input "ticket-pattern" ${quote(raw)} matches the empty string. Use a pattern that needs at least one character, e.g. "[A-Z]+-\\d+".`);
  }
  return pattern;
}
function checkLength(input, raw, min, max, why = "") {
  if (raw.length < min) throw new ConfigError(`Input "${input}" is empty. Set it or remove it from "with:".`);
  if (raw.length > max) throw new ConfigError(`Input "${input}" is longer than ${max} characters${why}. Shorten it to at most ${max}.`);
  return raw;
}
function parseGitRef(name, raw) {
  if (raw.length > 255 || /[\s\u0000-\u001f\u007f~^:?*[\\]|\.\.|^[-/]|\/$|@\{|\.lock$/.test(raw)) {
    const instead = name === "since" ? "leave it empty to find the previous deploy" : "leave it empty to deploy the run's own commit";
    throw new ConfigError(`Input "${name}" ${quote(raw)} is not a commit SHA, tag or branch name. Use e.g. v1.4.0, main or a full SHA, or ${instead}.`);
  }
  return raw;
}
var MAX_PATH_PATTERNS = 50;
var MAX_PATH_PATTERN_LENGTH = 255;
function pathPatternProblem(pattern) {
  const body = pattern.startsWith("!") ? pattern.slice(1) : pattern;
  if (pattern.length > MAX_PATH_PATTERN_LENGTH) return `is longer than ${MAX_PATH_PATTERN_LENGTH} characters`;
  if (body === "") return "excludes nothing";
  if (/[\u0000-\u001f\u007f]/.test(body)) return "holds a control character";
  if (body.includes("\\")) return "uses \\; paths in git use /";
  if (body.startsWith("/") || /^[A-Za-z]:/.test(body)) return "is absolute";
  if (body.split("/").includes("..")) return "climbs out of the repository with ..";
  return void 0;
}
function parsePaths(raw) {
  const patterns = raw.split(/[\r\n,]+/).map((pattern) => pattern.trim()).filter((pattern) => pattern !== "");
  const example = 'e.g. "services/api/**, libs/shared/**, !**/*.md"';
  if (patterns.length === 0) throw new ConfigError(`Input "paths" holds no pattern. Give glob patterns, ${example}, or remove it.`);
  if (patterns.length > MAX_PATH_PATTERNS) throw new ConfigError(`Input "paths" holds ${patterns.length} patterns. Use at most ${MAX_PATH_PATTERNS}, with ** for whole folders.`);
  for (const pattern of patterns) {
    const problem = pathPatternProblem(pattern);
    if (problem) throw new ConfigError(`Input "paths" pattern ${quote(pattern)} ${problem}. Give patterns relative to the repository root, ${example}.`);
  }
  return patterns;
}
function readStepPolicy(raw) {
  const lenient = (name, parse2, fallback) => {
    try {
      return parse2(raw[name]?.trim() || INPUT_DEFAULTS[name] || "");
    } catch {
      return fallback;
    }
  };
  return {
    onError: lenient("on-error", parseOnError, "auto"),
    trackJob: lenient("track-job", (v) => parseBoolean("track-job", v), false)
  };
}
async function parseSettings(raw, env) {
  const problems = [];
  const warnings = [];
  const given = (name) => {
    const value = (raw[name] ?? "").trim();
    return value === "" ? void 0 : value;
  };
  const input = (name) => given(name) ?? INPUT_DEFAULTS[name];
  function attempt(parse2) {
    try {
      return parse2();
    } catch (error2) {
      if (!(error2 instanceof ConfigError)) throw error2;
      problems.push(...error2.problems);
      return void 0;
    }
  }
  const optional2 = (name, parse2) => {
    const value = input(name);
    return value === void 0 ? void 0 : attempt(() => parse2(value));
  };
  const withDefault = (name, parse2) => optional2(name, parse2);
  const { onError } = readStepPolicy(raw);
  attempt(() => parseOnError(input("on-error") ?? ""));
  const dryRun = withDefault("dry-run", (v) => parseBoolean("dry-run", v));
  const trackJob = withDefault("track-job", (v) => parseBoolean("track-job", v));
  let data = {};
  const dataRaw = given("data");
  if (dataRaw !== void 0) {
    try {
      data = await parseDataInput(dataRaw);
    } catch (error2) {
      if (!(error2 instanceof ConfigError)) throw error2;
      if (onError === "fail") problems.push(...error2.problems);
      else warnings.push(...error2.problems.map((problem) => `${problem} The event is sent without it (on-error: ${onError}).`));
    }
  }
  const apiKey = given("api-key") ?? (env.OPSTRAILS_API_KEY?.trim() || void 0);
  if (apiKey === void 0 && !dryRun) {
    problems.push(
      'Input "api-key" is required. Pass a READ_WRITE key, e.g. api-key: ${{ secrets.OPSTRAILS_API_KEY }}, or set OPSTRAILS_API_KEY.'
    );
  } else if (apiKey !== void 0 && apiKey.length < MIN_KEY_LENGTH) {
    problems.push('Input "api-key" is too short to be an OpsTrails key. Copy the whole key (it starts with ot_) from Settings \u2192 API Keys.');
  } else if (apiKey !== void 0 && !BEARER_TOKEN.test(apiKey)) {
    problems.push(
      'Input "api-key" has characters an API key cannot have (only letters, digits and - . _ ~ + / = are allowed). Copy the key again from Settings \u2192 API Keys.'
    );
  }
  const apiUrl = given("api-url") ?? (env.OPSTRAILS_API_URL?.trim() || DEFAULT_API_URL);
  const pairs = trackJob || PAIRED_TRIGGERS.has(env.GITHUB_EVENT_NAME ?? "");
  const pairedBy = trackJob ? "with track-job" : `for a ${env.GITHUB_EVENT_NAME ?? ""} run`;
  const typeLimit = pairs ? LIMITS.type - START_TYPE_SUFFIX.length : LIMITS.type;
  const idLimit = pairs ? LIMITS.id - END_ID_SUFFIX.length : LIMITS.id;
  const settings = {
    apiKey,
    eventsUrl: attempt(() => resolveEventsUrl(apiUrl)) ?? "",
    type: withDefault("type", (v) => checkLength("type", v, 1, typeLimit, pairs ? ` (${pairedBy}, the start event is "<type>${START_TYPE_SUFFIX}")` : "")),
    source: optional2("source", (v) => checkLength("source", v, 1, LIMITS.source)),
    subject: optional2("subject", (v) => checkLength("subject", v, 1, LIMITS.subject)),
    severity: optional2("severity", (v) => parseSeverity("severity", v)),
    version: optional2("version", (v) => checkLength("version", v, 1, LIMITS.version)),
    description: optional2("description", (v) => v),
    data,
    id: optional2("id", (v) => checkLength("id", v, 1, idLimit, pairs ? ` (${pairedBy}, the end event's id is "<id>${END_ID_SUFFIX}")` : "")),
    time: optional2("time", parseTime),
    dataschema: optional2("dataschema", parseUri),
    onError,
    retries: withDefault("retries", (v) => parseInteger("retries", v, 0, 10, "retries")),
    timeoutMs: withDefault("timeout", (v) => parseInteger("timeout", v, 1, 600, "seconds")) * 1e3,
    dryRun,
    trackJob,
    failureSeverity: optional2("failure-severity", (v) => parseSeverity("failure-severity", v)),
    jobStatus: given("job-status")?.toLowerCase(),
    checkRunId: given("check-run-id"),
    githubToken: given("github-token"),
    ticketPattern: optional2("ticket-pattern", parseTicketPattern),
    rollbackOf: optional2("rollback-of", (v) => checkLength("rollback-of", v, 1, LIMITS.id)),
    includeContext: withDefault("include-context", (v) => parseBoolean("include-context", v)),
    environment: optional2("environment", (v) => checkLength("environment", v, 1, 255)),
    paths: optional2("paths", parsePaths),
    since: optional2("since", (v) => parseGitRef("since", v)),
    commit: optional2("commit", (v) => parseGitRef("commit", v)),
    detectRollback: withDefault("detect-rollback", (v) => parseBoolean("detect-rollback", v)),
    lookupTimeoutMs: withDefault("lookup-timeout", (v) => parseInteger("lookup-timeout", v, 1, 60, "seconds")) * 1e3,
    observeForks: withDefault("observe-forks", (v) => parseBoolean("observe-forks", v)),
    warnings
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (settings.paths && (!settings.includeContext || !settings.githubToken)) {
    warnings.push(
      `Input "paths" has no effect ${settings.includeContext ? "without a github-token" : "with include-context: false"}: what shipped is not looked up. Remove "paths", or ${settings.includeContext ? "give github-token (the default ${{ github.token }} does)" : "set include-context: true"}.`
    );
  }
  return settings;
}

// src/event/track-job.ts
init_define_ACTION_INPUT_DEFAULTS();
function endEventType(startType) {
  return startType.endsWith(START_TYPE_SUFFIX) ? startType.slice(0, -START_TYPE_SUFFIX.length) : startType;
}
var MAX_JOB_MS = 35 * 24 * 3600 * 1e3;
var CLOCK_SLACK_MS = 60 * 1e3;
function readSavedStart(state, finishedAt) {
  if (state.startEvent === "") return { problem: "the main step stopped before it built the start event, so there is no start to pair with" };
  const event = parseJson(state.startEvent);
  if (!isStartEvent(event)) return { problem: "the start event the main step saved is unreadable" };
  const startedAt = Date.parse(state.startedAt);
  if (Number.isNaN(startedAt)) return { problem: "the main step saved no readable start time" };
  const elapsed = finishedAt.getTime() - startedAt;
  if (elapsed < -CLOCK_SLACK_MS || elapsed > MAX_JOB_MS) {
    return { problem: `the start time the main step saved (${new Date(startedAt).toISOString()}) cannot be this job's, so no duration can be given` };
  }
  const status = state.startStatus;
  return {
    event,
    id: state.startId || event.id,
    startedAt: state.startedAt,
    status: status === "sent" || status === "dry-run" || status === "failed" ? status : "unknown"
  };
}
function isStartEvent(value) {
  return isRecord(value) && typeof value.id === "string" && typeof value.type === "string" && typeof value.source === "string" && isRecord(value.data) && typeof value.data.context_id === "string";
}
function outcomeOf(jobStatus) {
  return jobStatus === "success" || jobStatus === "failure" || jobStatus === "cancelled" ? jobStatus : "unknown";
}
var FAILED_OUTCOMES = /* @__PURE__ */ new Set(["failure", "cancelled", "timed_out", "action_required", "startup_failure", "stale", "error"]);
function endSeverity(failureSeverity, startSeverity, outcome) {
  if (FAILED_OUTCOMES.has(outcome) && failureSeverity !== void 0) return failureSeverity;
  return startSeverity;
}
function durationSeconds(startedAt, finishedAt) {
  return Math.max(0, Math.round((finishedAt.getTime() - Date.parse(startedAt)) / 1e3));
}
function endEventId(startId) {
  return `${startId}${END_ID_SUFFIX}`;
}
function finishedJob(start, facts) {
  return {
    phase: "finished",
    contextId: start.event.data.context_id,
    jobUrl: facts.jobUrl,
    parentId: start.id,
    startedAt: start.startedAt,
    finishedAt: facts.finishedAt.toISOString(),
    durationSeconds: durationSeconds(start.startedAt, facts.finishedAt),
    outcome: outcomeOf(facts.jobStatus)
  };
}

// src/steps/end-job.ts
async function runEndJob(finishedAt, readState) {
  try {
    await endTrackedJob(finishedAt, readState);
  } catch (error2) {
    reportUnexpected(error2, "warn");
  }
}
async function endTrackedJob(finishedAt, readState) {
  const deferred = readState("deferred-failure" /* DeferredFailure */);
  if (deferred) {
    log.fail(`No end event: ${deferred}. The deploy was not held back (on-error: auto); the job fails here so this stays visible. Fix it and re-run.`);
    return;
  }
  if (readState("config-failed" /* ConfigFailed */) === "true") {
    log.info("No end event: the main step stopped on its configuration, so no start event was sent. Fix the input its error names and re-run.");
    return;
  }
  const start = readSavedStart(
    {
      startEvent: readState("start-event" /* StartEvent */),
      startId: readState("start-id" /* StartId */),
      startedAt: readState("started-at" /* StartedAt */),
      startStatus: readState("start-status" /* StartStatus */)
    },
    finishedAt
  );
  if ("problem" in start) {
    log.info(`No end event: ${start.problem}.`);
    return;
  }
  const raw = readInputs();
  const { onError } = readStepPolicy(raw);
  try {
    await sendEndEvent(start, finishedAt, raw);
  } catch (error2) {
    if (error2 instanceof ConfigError) reportConfigError(error2, verdictFor(error2, onError, "job-end"));
    else reportUnexpected(error2, onError === "fail" ? "fail" : "warn");
  }
}
async function sendEndEvent(start, finishedAt, raw) {
  const settings = await parseSettings(raw, process.env);
  const context = buildWorkflowContext(process.env, {});
  const job = finishedJob(start, {
    jobStatus: settings.jobStatus,
    jobUrl: jobUrl(context, settings.checkRunId) ?? runUrl(context),
    finishedAt
  });
  const { event, warnings } = buildEndEvent({
    start: start.event,
    settings,
    job,
    id: endEventId(start.event.id),
    type: endEventType(start.event.type),
    severity: endSeverity(settings.failureSeverity, start.event.severity, job.outcome)
  });
  for (const warning2 of warnings) log.warning(warning2);
  log.info(`The job ended: ${job.outcome}, ${span(job.durationSeconds)} after the start event.`);
  if (start.status === "failed" || start.status === "unknown") {
    const fate = start.status === "failed" ? "was not recorded" : "may not have been recorded (the main step was stopped while sending it)";
    log.info(`The start event ${fate}; the end event still carries started_at and context_id, so the job can be timed and paired.`);
  }
  await sendEvent({ event, title: "End event", settings, runUrl: runUrl(context), moment: "job-end", start: { event: start.event, status: start.status, id: start.id } });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runEndJob
});
