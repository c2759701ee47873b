// dist/main.cjs is generated: built from src/entry/main.ts by `npm run package` (scripts/build.mjs, esbuild).
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

// src/entry/main.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/steps/main.ts
init_define_ACTION_INPUT_DEFAULTS();
var import_node_crypto4 = require("node:crypto");

// src/change/collect.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/context/workflow-context.ts
init_define_ACTION_INPUT_DEFAULTS();
var import_node_fs = require("node:fs");

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
function plural(count3, one, many = `${one}s`) {
  return `${count3} ${count3 === 1 ? one : many}`;
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
  const run2 = record(payload.workflow_run);
  const id = count(run2?.id);
  if (!run2 || !id) return void 0;
  return {
    action: text(payload.action),
    id,
    attempt: count(run2.run_attempt) ?? "1",
    name: text(run2.name),
    event: text(run2.event),
    headBranch: text(run2.head_branch),
    headSha: text(run2.head_sha),
    headCommit: run2.head_commit,
    conclusion: text(run2.conclusion),
    workflowPath: text(run2.path),
    runStartedAt: text(run2.run_started_at),
    createdAt: text(run2.created_at),
    updatedAt: text(run2.updated_at),
    actor: userLogin(run2.actor),
    triggeringActor: userLogin(run2.triggering_actor),
    pullRequests: list(run2.pull_requests),
    headRepository: text(record(run2.head_repository)?.full_name),
    repository: text(record(payload.repository)?.full_name)
  };
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function foreignCode(run2, ownRepository) {
  const own2 = run2.repository ?? ownRepository;
  if (!run2.headRepository) return "its payload names no head repository";
  if (!own2 || run2.headRepository.toLowerCase() !== own2.toLowerCase()) return `it ran code from ${quote(run2.headRepository)}, not ${own2 ? quote(own2) : "this repository"}`;
  if (run2.event && PULL_REQUEST_EVENTS.has(run2.event) && run2.pullRequests.length === 0) {
    return `it is a ${run2.event} run that names no pull request of this repository, as GitHub sends for forks`;
  }
  return void 0;
}
function observedRunUrl(serverUrl, repository, run2) {
  return repository ? `${serverUrl}/${repository}/actions/runs/${run2.id}/attempts/${run2.attempt}` : void 0;
}
function observedPullRequest(run2, serverUrl, repository) {
  if (run2.event !== "pull_request" && run2.event !== "pull_request_target") return void 0;
  const pulls = run2.pullRequests.flatMap((item) => {
    const pr2 = record(item);
    return pr2 ? [pr2] : [];
  });
  const pr = pulls.find((item) => text(record(item.head)?.sha) === run2.headSha) ?? pulls[0];
  const number2 = pr?.number;
  if (!pr || typeof number2 !== "number" || !Number.isSafeInteger(number2) || number2 < 1) return void 0;
  return {
    number: number2,
    title: void 0,
    url: repository ? `${serverUrl}/${repository}/pull/${number2}` : void 0,
    author: void 0,
    base: text(record(pr.base)?.ref),
    head: text(record(pr.head)?.ref),
    body: void 0,
    mergeCommitSha: void 0,
    merged: false,
    state: void 0,
    headSha: text(record(pr.head)?.sha)
  };
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
function deploymentFacts(deployment) {
  const { status } = deployment;
  return {
    data: compact({
      id: Number(deployment.id),
      environment: deployment.environment,
      state: status?.state,
      status_description: status?.description
    }),
    links: { environment: status?.environmentUrl, deployment: status?.targetUrl },
    ticketTexts: [deployment.description],
    // A platform's status line (`Deployment has completed`) describes the change only when nothing else does.
    description: deployment.description ?? status?.description
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
var MAX_LISTED = 20;
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
  const ref = (side2) => text(record(side2)?.ref);
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
function choosePullRequest(pulls, sha2) {
  const merged = list(pulls).flatMap((item) => readPullRequest(item) ?? []).filter((pr) => pr.merged);
  return merged.find((pr) => pr.mergeCommitSha === sha2) ?? merged[0];
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
      const run2 = readObservedRun(payload);
      return run2 ? { kind: "observed-run", run: run2, headCommit: readPushedCommit(run2.headCommit) } : { kind: "other" };
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
function observedRef(run2, foreign) {
  const name = run2.headBranch;
  if (name === void 0 || foreign) return { ref: void 0, refType: void 0 };
  if (run2.event === "release") return { ref: `refs/tags/${name}`, refType: "tag" };
  if (VERSION_NAME.test(name)) return { ref: void 0, refType: void 0 };
  return { ref: `refs/heads/${name}`, refType: "branch" };
}
function possibleTag(context) {
  const { trigger } = context;
  if (trigger.kind !== "observed-run" || context.refType !== void 0 || context.sha !== trigger.run.headSha) return void 0;
  const name = trigger.run.headBranch;
  if (name === void 0 || trigger.run.event === "release" || foreignCode(trigger.run, context.repository) !== void 0) return void 0;
  return VERSION_NAME.test(name) ? name : void 0;
}
function withConfirmedTag(context, name) {
  return { ...context, ref: `refs/tags/${name}`, refName: name, refType: "tag" };
}
function observedRunContext(base, run2) {
  return {
    ...base,
    sha: run2.headSha,
    ...observedRef(run2, foreignCode(run2, base.repository) !== void 0),
    refName: run2.headBranch,
    actor: run2.actor,
    triggeringActor: run2.triggeringActor,
    workflow: run2.name,
    // The observer's own job id would only mislead: the event is not about it.
    job: void 0,
    runEvent: run2.event,
    observedRunUrl: observedRunUrl(base.serverUrl, base.repository, run2)
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
function defaultSource(context) {
  if (!context.repository) return void 0;
  let host;
  try {
    host = new URL(context.serverUrl).host;
  } catch {
    host = "github.com";
  }
  return `//${host}/${context.repository}`;
}
var MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;
var MAX_PAYLOAD_CONTAINERS = 1e5;
var MAX_PAYLOAD_VALUES = 1e6;
function readEventPayload(path) {
  if (!path) return { payload: {} };
  let text2;
  try {
    const fd = (0, import_node_fs.openSync)(path, "r");
    try {
      const size = (0, import_node_fs.fstatSync)(fd).size;
      if (size > MAX_PAYLOAD_BYTES) {
        return { payload: {}, problem: `the event payload at GITHUB_EVENT_PATH is ${size} bytes, over ${MAX_PAYLOAD_BYTES}; it was not read` };
      }
      const buffer = Buffer.alloc(size);
      let offset = 0;
      while (offset < size) {
        const read = (0, import_node_fs.readSync)(fd, buffer, offset, size - offset, offset);
        if (read === 0) break;
        offset += read;
      }
      const excess = excessOf(buffer.subarray(0, offset));
      if (excess) return { payload: {}, problem: `the event payload at GITHUB_EVENT_PATH holds ${excess}, far more than any GitHub webhook; it was not parsed` };
      text2 = buffer.toString("utf8", 0, offset);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
  } catch (error2) {
    return { payload: {}, problem: `the event payload at GITHUB_EVENT_PATH could not be read (${error2.code ?? "error"})` };
  }
  if (text2.trim() === "") return { payload: {}, problem: "the event payload at GITHUB_EVENT_PATH is empty" };
  const value = parseJson(text2);
  if (value === void 0) return { payload: {}, problem: "the event payload at GITHUB_EVENT_PATH is not JSON" };
  if (!isRecord(value)) return { payload: {}, problem: "the event payload at GITHUB_EVENT_PATH is not a JSON object" };
  return { payload: value };
}
var QUOTE = 34;
var BACKSLASH = 92;
var COMMA = 44;
var OPEN_BRACE = 123;
var OPEN_BRACKET = 91;
function excessOf(bytes) {
  let containers = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++containers > MAX_PAYLOAD_CONTAINERS) return `more than ${MAX_PAYLOAD_CONTAINERS} objects and arrays`;
    } else if (byte === COMMA && ++commas > MAX_PAYLOAD_VALUES) {
      return `more than ${MAX_PAYLOAD_VALUES} values`;
    }
  }
  return void 0;
}

// src/change/tickets.ts
init_define_ACTION_INPUT_DEFAULTS();
var MAX_TICKETS = 50;
var MAX_TICKET_LENGTH = 100;
var USER_PATTERN_TEXT_CHARS = 4096;
var USER_PATTERN_TOTAL_CHARS = 65536;
var KEY = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{1,29}-[0-9]{1,12}(?![A-Za-z0-9])/g;
var NOT_PROJECT_KEYS = /* @__PURE__ */ new Set(["UTF", "SHA", "ISO", "AES", "RSA", "CVE", "RFC", "HTTP", "TLS", "SSL", "IPV", "ECMA", "ES", "MD", "GPT"]);
var GITHUB_REF = /(?<![A-Za-z0-9_./&#-])(?:([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9_.-]{1,100}))?#([0-9]{1,9})(?![A-Za-z0-9_])/g;
function extractTickets(texts, options = {}) {
  return collectTickets(texts, (text2) => keyMatches(text2), options);
}
function findUserKeys(pattern, texts, max = MAX_TICKETS) {
  const matchesIn = typeof pattern === "function" ? pattern : regExpMatcher(globalCopy(pattern));
  let userBudget = USER_PATTERN_TOTAL_CHARS;
  return texts.map((text2) => {
    if (!text2 || userBudget <= 0) return [];
    const bounded = text2.slice(0, Math.min(USER_PATTERN_TEXT_CHARS, userBudget));
    userBudget -= bounded.length;
    const found = [];
    const distinct = /* @__PURE__ */ new Set();
    for (const match of matchesIn(bounded)) {
      found.push(match);
      if (match.ticket.length <= MAX_TICKET_LENGTH) distinct.add(match.ticket);
      if (distinct.size >= max) break;
    }
    return found;
  });
}
function ticketsFromKeys(texts, keys, options = {}) {
  return collectTickets(texts, (_text, i) => (keys[i] ?? [])[Symbol.iterator](), options);
}
function collectTickets(texts, keysIn, options) {
  const max = options.max ?? MAX_TICKETS;
  const tickets = /* @__PURE__ */ new Set();
  let position = -1;
  for (const text2 of texts) {
    position++;
    if (tickets.size >= max) break;
    if (!text2) continue;
    for (const ticket of inOrder(keysIn(text2, position), githubRefs(text2, options.repository))) {
      if (ticket.length > MAX_TICKET_LENGTH) continue;
      tickets.add(ticket);
      if (tickets.size >= max) break;
    }
  }
  return [...tickets];
}
function globalCopy(pattern) {
  return new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, "")}g`);
}
function* keyMatches(text2) {
  for (const match of text2.matchAll(KEY)) {
    const project = match[0].slice(0, match[0].indexOf("-"));
    if (!NOT_PROJECT_KEYS.has(project)) yield { index: match.index, ticket: match[0] };
  }
}
function regExpMatcher(pattern) {
  return function* userMatches(text2) {
    for (const match of text2.matchAll(pattern)) {
      const ticket = match[1] ?? match[0];
      if (ticket !== "") yield { index: match.index, ticket };
    }
  };
}
function* githubRefs(text2, repository) {
  for (const match of text2.matchAll(GITHUB_REF)) {
    const [, owner, repo, number2] = match;
    const where = owner && repo ? `${owner}/${repo}` : repository;
    yield { index: match.index, ticket: where ? `${where}#${number2}` : `#${number2}` };
  }
}
function* inOrder(a, b) {
  let nextA = a.next();
  let nextB = b.next();
  while (!nextA.done || !nextB.done) {
    const takeA = !nextA.done && (nextB.done || nextA.value.index <= nextB.value.index);
    const found = takeA ? nextA.value : nextB.value;
    if (takeA) nextA = a.next();
    else nextB = b.next();
    yield found.ticket;
  }
}

// src/change/collect.ts
var DESCRIPTION_DEFAULT_ORDER = [
  ["release", "a release run's release name (else its tag)"],
  ["pullRequest", "the pull request's title"],
  ["deployment", "a deployment's description"],
  ["dispatch", "a dispatch's description, reason or message input"],
  ["commit", "the head commit's first line (for GitHub's merge commits, the pull request title below it)"]
];
var DESCRIPTION_DEFAULT = `${DESCRIPTION_DEFAULT_ORDER.slice(0, -1).map(([, words]) => words).join(", ")}, else ${DESCRIPTION_DEFAULT_ORDER.at(-1)[1]}`;
var MERGE_COMMIT_SUBJECT = /^Merge pull request #\d+ from \S+$/;
function commitDescription(message) {
  const subject = firstLine(message);
  if (message === void 0 || subject === void 0 || !MERGE_COMMIT_SUBJECT.test(subject)) return subject;
  return firstLine(message.slice(message.search(/[\r\n]/)).trimStart()) ?? subject;
}
var REVERTS = /This reverts commit ([0-9a-f]{7,40})(?![0-9a-f])/;
function revertedSha(head, commits) {
  for (const commit of [head, ...[...commits].reverse()]) {
    const match = commit?.message === void 0 ? null : REVERTS.exec(commit.message);
    if (match) return match[1];
  }
  return void 0;
}
function changeSources(context, found) {
  const { trigger } = context;
  const push = trigger.kind === "push" || trigger.kind === "tag-push" ? trigger : void 0;
  const observed = trigger.kind === "observed-run" ? trigger : void 0;
  const pullRequest = trigger.kind === "pull-request" ? trigger.pullRequest : (observed && observedPullRequest(observed.run, context.serverUrl, context.repository)) ?? found.pullRequest;
  const deployment = trigger.kind === "deployment" ? trigger.deployment : void 0;
  return {
    isPullRequestRun: trigger.kind === "pull-request",
    pullRequest,
    release: trigger.kind === "release" ? trigger : void 0,
    deployment,
    deployed: deployment && deploymentFacts(deployment),
    dispatch: trigger.kind === "dispatch" ? trigger.inputs : void 0,
    commits: push?.commits ?? [],
    head: observed ? observed.headCommit : push?.headCommit,
    compareUrl: push?.compareUrl,
    pushedBranch: context.runEvent === "push" && context.ref?.startsWith("refs/heads/") ? context.ref.slice("refs/heads/".length) : void 0
  };
}
function ticketTexts(context, found = {}, description) {
  const { pullRequest, deployed, dispatch, pushedBranch, commits, head } = changeSources(context, found);
  return [
    description,
    pullRequest?.title,
    pullRequest?.head,
    pullRequest?.body,
    ...deployed?.ticketTexts ?? [],
    ...dispatch?.ticketTexts ?? [],
    pushedBranch,
    // Scoped to input "paths", what shipped names this service's commits; the push holds every service's.
    ...found.shipped?.scoped ? [] : (commits.length > 0 ? commits : [head]).map((commit) => commit?.message),
    ...found.shipped?.ticketTexts ?? []
  ];
}
function collectChange(context, options, found = {}) {
  const { isPullRequestRun, pullRequest, release, deployment, deployed, dispatch, commits, head, compareUrl: pushCompareUrl } = changeSources(context, found);
  const shipped = found.shipped?.data ?? {};
  const tickets = options.tickets ?? extractTickets(ticketTexts(context, found, options.description), { repository: context.repository });
  const compareUrl = text(shipped.compare_url) ?? pushCompareUrl;
  const sha2 = context.sha ?? head?.sha;
  const listed = commits.slice(-MAX_LISTED).reverse();
  const data = compact({
    rollback_of: options.rollbackOf ?? found.shipped?.rollbackOf,
    reverts: revertedSha(head, commits),
    ticket: tickets[0],
    tickets: tickets.length > 0 ? tickets : void 0,
    pull_request: pullRequest ? compact({
      number: pullRequest.number,
      title: pullRequest.title,
      url: pullRequest.url,
      author: pullRequest.author,
      base: pullRequest.base && shorten(pullRequest.base, MAX_LINE),
      head: pullRequest.head && shorten(pullRequest.head, MAX_LINE),
      // A pull request run is about the pull request itself: whether it is merged, and what it tested.
      ...isPullRequestRun ? { merged: pullRequest.merged, state: pullRequest.state, head_sha: pullRequest.headSha } : {}
    }) : void 0,
    previous: shipped.previous,
    commits: shipped.commits ?? (commits.length > 0 ? {
      count: commits.length,
      list: listed.map((commit) => compact({ sha: commit.sha, message: firstLine(commit.message), author: commit.author }) ?? {})
    } : void 0),
    pull_requests: shipped.pull_requests,
    authors: shipped.authors,
    first_commit_at: shipped.first_commit_at,
    lead_time_seconds: shipped.lead_time_seconds,
    removed: shipped.removed,
    reverted: shipped.reverted,
    paths: shipped.paths,
    restores: shipped.restores,
    compare_url: compareUrl,
    inputs: dispatch?.inputs,
    deployment: deployed?.data,
    links: compact({
      run: runUrl(context),
      commit: context.repository && sha2 ? `${context.serverUrl}/${context.repository}/commit/${sha2}` : void 0,
      pull_request: pullRequest?.url,
      compare: compareUrl,
      release: release?.url,
      environment: deployed?.links.environment,
      deployment: deployed?.links.deployment
    })
  });
  const describing = {
    release: firstLine(release?.name ?? release?.tagName),
    pullRequest: pullRequest?.title,
    deployment: firstLine(deployed?.description),
    dispatch: firstLine(dispatch?.description),
    commit: commitDescription(head?.message)
  };
  return {
    data: data ?? {},
    description: DESCRIPTION_DEFAULT_ORDER.map(([source]) => describing[source]).find((value) => value !== void 0),
    version: release?.tagName,
    // One rule for subjects: derived ones are upper case, as the quick start's PRODUCTION (OpsTrails
    // matches by the exact string); a `subject` the user gives is kept as written (cloud-event.ts).
    subject: deployment?.environment?.toUpperCase()
  };
}

// src/context/deployed-commit.ts
init_define_ACTION_INPUT_DEFAULTS();
var FULL_SHA = /^[0-9a-f]{40}$/i;
var VERSION_LIKE = /\d{1,9}\.\d{1,9}(?:\.\d{1,9})?(?:[-+][0-9A-Za-z.-]{1,128})?$/;
function withDeployedCommit(context, commit) {
  if (!commit || commit === context.sha) return context;
  if (FULL_SHA.test(commit)) return context.refType === "tag" ? { ...context, sha: commit.toLowerCase(), ref: void 0, refName: void 0, refType: void 0 } : { ...context, sha: commit.toLowerCase() };
  const tag = VERSION_LIKE.test(commit);
  return { ...context, sha: void 0, ref: `refs/${tag ? "tags" : "heads"}/${commit}`, refName: commit, refType: tag ? "tag" : "branch" };
}

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

// src/inputs/defaults.ts
init_define_ACTION_INPUT_DEFAULTS();
var INPUT_DEFAULTS = typeof define_ACTION_INPUT_DEFAULTS_default === "undefined" ? {} : define_ACTION_INPUT_DEFAULTS_default;

// src/inputs/read.ts
init_define_ACTION_INPUT_DEFAULTS();

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
      let response2;
      do {
        response2 = yield this.requestRaw(info2, data);
        if (response2 && response2.message && response2.message.statusCode === HttpCodes.Unauthorized) {
          let authenticationHandler;
          for (const handler of this.handlers) {
            if (handler.canHandleAuthentication(response2)) {
              authenticationHandler = handler;
              break;
            }
          }
          if (authenticationHandler) {
            return authenticationHandler.handleAuthentication(this, info2, data);
          } else {
            return response2;
          }
        }
        let redirectsRemaining = this._maxRedirects;
        while (response2.message.statusCode && HttpRedirectCodes.includes(response2.message.statusCode) && this._allowRedirects && redirectsRemaining > 0) {
          const redirectUrl = response2.message.headers["location"];
          if (!redirectUrl) {
            break;
          }
          const parsedRedirectUrl = new URL(redirectUrl);
          if (parsedUrl.protocol === "https:" && parsedUrl.protocol !== parsedRedirectUrl.protocol && !this._allowRedirectDowngrade) {
            throw new Error("Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.");
          }
          yield response2.readBody();
          if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
            for (const header in headers) {
              if (header.toLowerCase() === "authorization") {
                delete headers[header];
              }
            }
          }
          info2 = this._prepareRequest(verb, parsedRedirectUrl, headers);
          response2 = yield this.requestRaw(info2, data);
          redirectsRemaining--;
        }
        if (!response2.message.statusCode || !HttpResponseRetryCodes.includes(response2.message.statusCode)) {
          return response2;
        }
        numTries += 1;
        if (numTries < maxTries) {
          yield response2.readBody();
          yield this._performExponentialBackoff(numTries);
        }
      } while (numTries < maxTries);
      return response2;
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
        const response2 = {
          statusCode,
          result: null,
          headers: {}
        };
        if (statusCode === HttpCodes.NotFound) {
          resolve(response2);
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
            response2.result = obj;
          }
          response2.headers = res.message.headers;
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
          err.result = response2.result;
          reject(err);
        } else {
          resolve(response2);
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
init_define_ACTION_INPUT_DEFAULTS();
var import_node_crypto = require("node:crypto");
var import_node_fs2 = require("node:fs");
var import_node_os2 = require("node:os");
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
    (0, import_node_fs2.appendFileSync)(file, `${cleanText(markdown)}${import_node_os2.EOL}`);
  } catch (error2) {
    log.warning(`The job summary could not be written: ${error2.message}`);
  }
}

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

// src/github/lookups.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/github/client.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/github/fetch.ts
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
    let response2;
    let size = 0;
    const length = body === void 0 ? {} : { "Content-Length": Buffer.byteLength(body) };
    const request = transport.request(url, { method, agent, headers: { ...headers, ...length } }, (answer) => {
      response2 = answer;
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
      const error2 = response2 ? new BodyDeadline(response2.statusCode ?? 0, size) : deadline();
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

// src/github/fetch.ts
var MAX_ANSWER_BYTES = 16 * 1024 * 1024;
var MAX_REDIRECTS = 3;
var JSON_TYPE = /^\s*application\/(scim\+)?json\s*(;|$)/i;
function fetchOverHttpClient(userAgent, apiUrl) {
  const apiOrigin = new URL(apiUrl).origin;
  const client = new HttpClient(userAgent, void 0, { keepAlive: true });
  const agents = /* @__PURE__ */ new Map();
  const agentFor = (url) => {
    let agent = agents.get(url.origin);
    if (!agent) agents.set(url.origin, agent = client.getAgent(url.href));
    return agent;
  };
  return async function fetch(url, init = {}) {
    let target = new URL(url);
    const headers = { ...init.headers };
    for (let redirects = 0; ; redirects++) {
      if (target.origin !== apiOrigin) withoutCredentials(headers);
      const answer = await send(target, init, headers, agentFor(target));
      const location = answer.headers.location;
      if (answer.status < 300 || answer.status > 399 || !location || redirects >= MAX_REDIRECTS || (init.method ?? "GET") !== "GET") {
        return response(target.href, answer.status, answer.headers, answer.body);
      }
      target = new URL(String(location), target);
    }
  };
}
function withoutCredentials(headers) {
  for (const name of Object.keys(headers)) if (name.toLowerCase() === "authorization") delete headers[name];
}
async function send(url, init, headers, agent) {
  const signal = init.signal ?? new AbortController().signal;
  try {
    const answer = await exchange({ url, method: init.method ?? "GET", agent, headers, body: init.body, signal, maxBodyBytes: MAX_ANSWER_BYTES });
    if (answer.bodyCut) throw new Error(`the answer is over ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
    return answer;
  } catch (error2) {
    throw signal.aborted ? abortError(signal) : error2;
  }
}
function abortError(signal) {
  return Object.assign(new Error("the lookups' deadline passed"), { name: "AbortError", cause: signal?.reason });
}
function response(url, status, raw, body) {
  const headers = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(raw)) if (value !== void 0) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return {
    url,
    status,
    statusText: "",
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null, [Symbol.iterator]: () => headers.entries() },
    text: async () => body.toString("utf8"),
    json: async () => JSON.parse(body.toString("utf8")),
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
    get body() {
      const textValue = body.toString("utf8");
      if (!JSON_TYPE.test(headers.get("content-type") ?? "")) return textValue;
      try {
        return JSON.parse(textValue);
      } catch {
        return textValue;
      }
    }
  };
}

// src/http/user-agent.ts
init_define_ACTION_INPUT_DEFAULTS();
var USER_AGENT = "opstrails-event-action/1";

// src/github/client.ts
var LookupError = class extends Error {
  constructor(failure2, message, status) {
    super(message);
    this.failure = failure2;
    this.status = status;
  }
  failure;
  status;
  name = "LookupError";
};
async function createGitHubClient(options) {
  const { getOctokit } = await import("./github.cjs");
  const [owner = "", repo = ""] = options.repository.split("/");
  const quiet = (message) => log.debug(`GitHub API: ${oneLine(String(message))}`);
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: USER_AGENT,
    log: { debug: () => void 0, info: () => void 0, warn: quiet, error: quiet },
    request: { fetch: fetchOverHttpClient(USER_AGENT, options.apiUrl) }
  });
  let requestCount = 0;
  const send2 = async (ask) => {
    if (options.signal.aborted) throw new LookupError("timeout", `no answer within ${options.deadlineSeconds} s`);
    if (requestCount >= options.maxRequests) throw new LookupError("over-budget", `the budget of ${options.maxRequests} requests was used up`);
    requestCount += 1;
    try {
      return await ask();
    } catch (error2) {
      throw classify(error2, options);
    }
  };
  const request = (route, params) => (
    // The body parsed by fetch.ts (`body`), not by Octokit: its parse is several times slower on a large answer.
    send2(() => octokit.request(`GET ${route}`, { owner, repo, ...params, headers: { "X-GitHub-Api-Version": "2022-11-28" }, request: { signal: options.signal, parseSuccessResponseBody: false } }))
  );
  return {
    get requestCount() {
      return requestCount;
    },
    async get(route, params = {}) {
      return (await request(route, params)).data;
    },
    async page(route, params = {}) {
      const response2 = await request(route, params);
      const link2 = response2.headers?.link;
      return { data: response2.data, link: typeof link2 === "string" ? link2 : void 0 };
    },
    graphql(query, variables) {
      return send2(() => octokit.graphql(query, { owner, name: repo, ...variables, request: { signal: options.signal } }));
    }
  };
}
function classify(error2, options) {
  if (options.signal.aborted) return new LookupError("timeout", `no answer within ${options.deadlineSeconds} s`);
  const failed = error2;
  const status = typeof failed.status === "number" ? failed.status : 0;
  const cause = record(failed.cause) ?? (failed.cause instanceof Error ? { message: failed.cause.message, code: failed.cause.code } : void 0);
  const reason = oneLine(
    text(record(failed.response?.data)?.message) ?? [typeof failed.message === "string" ? failed.message : String(error2), text(cause?.code) ?? text(cause?.message)].filter(Boolean).join(": ")
  );
  const graphqlError = record(list(failed.errors)[0]);
  if (graphqlError) {
    const said = `GraphQL: ${oneLine(text(graphqlError.message) ?? reason, 200)}`;
    if (graphqlError.type === "FORBIDDEN") return new LookupError("forbidden", said);
    return new LookupError(graphqlError.type === "NOT_FOUND" ? "not-found" : "unavailable", said);
  }
  const headers = failed.response?.headers ?? {};
  if (status === 429 || status === 403 && headers["x-ratelimit-remaining"] === "0") {
    return new LookupError("rate-limited", `HTTP ${status}: rate limited`);
  }
  if (!failed.response) return new LookupError("unavailable", reason);
  if (status === 401 || status === 403) return new LookupError("forbidden", `HTTP ${status}: ${reason}`, status);
  if (status === 404 || status === 410) return new LookupError("not-found", `HTTP ${status}: ${reason}`, status);
  return new LookupError("unavailable", `HTTP ${status}: ${reason}`, status);
}

// src/github/previous-deploy.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/github/tag-line.ts
init_define_ACTION_INPUT_DEFAULTS();
var MAX_TAG_NAME = 255;
var VERSION_TAG = /(?:^|[^0-9])(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?(?:-([0-9A-Za-z.-]{1,128}))?(?:\+[0-9A-Za-z.-]{1,128})?$/;
function parseVersionTag(name) {
  if (name.length > MAX_TAG_NAME) return void 0;
  const match = VERSION_TAG.exec(name);
  if (!match) return void 0;
  const [whole, major, minor, patch, prerelease] = match;
  const start = match.index + (/^\d/.test(whole) ? 0 : 1);
  return { prefix: name.slice(0, start), numbers: [Number(major), Number(minor), Number(patch ?? 0)], prerelease: prerelease ? prerelease.split(".") : [] };
}
function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) return difference;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i] ?? "";
    const y = b.prerelease[i] ?? "";
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.prerelease.length - b.prerelease.length;
}
function linePrefixes(current) {
  const [major, minor] = current.numbers;
  return [`${current.prefix}${major}.${minor}`, `${current.prefix}${major}`, current.prefix];
}
var FULL_SHA2 = /^[0-9a-f]{40}$/i;
function readLineTags(answer, line2) {
  const tags = [];
  for (const item of list(answer)) {
    const ref = record(item);
    const full = text(ref?.ref);
    if (!full?.startsWith("refs/tags/") || full.length > MAX_TAG_NAME + 10) continue;
    const name = full.slice("refs/tags/".length);
    const version2 = parseVersionTag(name);
    if (!version2 || version2.prefix !== line2) continue;
    const object2 = record(ref?.object);
    const sha2 = text(object2?.sha);
    tags.push({ name, version: version2, sha: object2?.type === "commit" && sha2 && FULL_SHA2.test(sha2) ? sha2.toLowerCase() : void 0 });
  }
  return tags;
}
function previousOnLine(current, buckets, releases) {
  for (const bucket of buckets) {
    let best;
    for (const tag of bucket) {
      if (compareVersions(tag.version, current) >= 0) continue;
      const release = releases.get(tag.name);
      if (release?.draft) continue;
      if (current.prerelease.length === 0 && (tag.version.prerelease.length > 0 || release?.prerelease)) continue;
      if (!best || compareVersions(tag.version, best.version) > 0) best = tag;
    }
    if (best) return best;
  }
  return void 0;
}
function lastPage(link2) {
  if (!link2 || link2.length > 4e3) return void 0;
  for (const part of link2.split(",")) {
    if (!/;\s*rel="last"/.test(part)) continue;
    const page = /[?&]page=(\d{1,6})(?:[&>])/.exec(part);
    if (page) return Number(page[1]);
  }
  return void 0;
}

// src/github/previous-deploy.ts
var FULL_SHA3 = /^[0-9a-f]{40}$/i;
var ZERO_SHA = /^0{40}$/;
function previousFromInput(since2, repo) {
  const isSha = FULL_SHA3.test(since2);
  return {
    ref: since2,
    commit: isSha ? since2.toLowerCase() : void 0,
    version: isSha ? since2.slice(0, 7).toLowerCase() : since2,
    deployedAt: void 0,
    url: `${repo.serverUrl}/${repo.repository}/${isSha ? "commit" : "tree"}/${since2}`,
    foundBy: "input"
  };
}
function previousFromPush(before, repo) {
  if (!before || !FULL_SHA3.test(before) || ZERO_SHA.test(before)) return void 0;
  return {
    ref: before,
    commit: before,
    version: before.slice(0, 7),
    deployedAt: void 0,
    url: `${repo.serverUrl}/${repo.repository}/commit/${before}`,
    foundBy: "push"
  };
}
function previousFromDeployment(deployment, repo) {
  return {
    ref: deployment.sha,
    commit: deployment.sha,
    version: deployment.ref && parseVersionTag(deployment.ref) ? deployment.ref : deployment.sha.slice(0, 7),
    deployedAt: deployment.at,
    url: deployment.logUrl ?? `${repo.serverUrl}/${repo.repository}/deployments`,
    foundBy: "deployment"
  };
}
function previousFromTag(tag, releases, repo) {
  const release = releases.get(tag.name);
  const url = text(release?.html_url);
  return {
    ref: tag.sha ?? tag.name,
    commit: tag.sha,
    version: tag.name,
    deployedAt: text(release?.published_at) ?? text(release?.created_at),
    url: url && url.length <= 2e3 ? url : `${repo.serverUrl}/${repo.repository}/tree/${tag.name}`,
    foundBy: "tag"
  };
}

// src/github/previous-lookup.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/github/deployments.ts
init_define_ACTION_INPUT_DEFAULTS();
var DEPLOYMENTS_EXAMINED = 30;
var RUNS_LISTED = 100;
var MAX_FIELD = 2e3;
var DEPLOYMENTS_QUERY = `query($owner: String!, $name: String!, $environments: [String!], $first: Int!) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: $first, orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes { databaseId commitOid createdAt latestEnvironment ref { name } latestStatus { state createdAt logUrl } }
    }
  }
}`;
function environmentSpellings(environment) {
  const lower = environment.toLowerCase();
  return [.../* @__PURE__ */ new Set([environment, lower, environment.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1)])];
}
var FULL_SHA4 = /^[0-9a-f]{40}$/i;
var RUN_IN_URL = /\/actions\/runs\/(\d{1,20})(?:\/|$|\?|#)/;
function capped(value) {
  const found = text(value);
  return found && found.length <= MAX_FIELD ? found : void 0;
}
function runOf(url) {
  return url ? RUN_IN_URL.exec(url)?.[1] : void 0;
}
function outcomeOf(state) {
  switch (state?.toLowerCase()) {
    case "success":
    case "inactive":
      return "success";
    case "failure":
    case "error":
      return "failure";
    default:
      return "unfinished";
  }
}
function readDeployments(answer, environment) {
  const wanted = environment.toLowerCase();
  const nodes = list(record(record(record(answer)?.repository)?.deployments)?.nodes);
  const deployments = [];
  for (const item of nodes.slice(0, DEPLOYMENTS_EXAMINED)) {
    const node = record(item);
    const id = node?.databaseId;
    const sha2 = capped(node?.commitOid);
    if (typeof id !== "number" || !sha2 || !FULL_SHA4.test(sha2)) continue;
    if (capped(node?.latestEnvironment)?.toLowerCase() !== wanted) continue;
    const status = record(node?.latestStatus);
    const logUrl = capped(status?.logUrl);
    const state = capped(status?.state);
    const at = state?.toLowerCase() === "inactive" ? capped(node?.createdAt) : capped(status?.createdAt) ?? capped(node?.createdAt);
    deployments.push({
      id,
      sha: sha2.toLowerCase(),
      ref: capped(record(node?.ref)?.name),
      outcome: outcomeOf(state),
      at,
      logUrl,
      runId: runOf(logUrl)
    });
  }
  return deployments;
}
function readWorkflowRuns(answer) {
  const runs = record(answer)?.workflow_runs;
  if (!Array.isArray(runs)) return void 0;
  const ids = /* @__PURE__ */ new Set();
  let oldest;
  for (const item of runs.slice(0, RUNS_LISTED)) {
    const run2 = record(item);
    if (typeof run2?.id === "number") ids.add(String(run2.id));
    const created = capped(run2?.created_at);
    if (created && (!oldest || created < oldest)) oldest = created;
  }
  return { ids, oldest, complete: runs.length < RUNS_LISTED };
}
function ownerOf(deployment, service) {
  if (deployment.runId && deployment.runId === service.runId) return "this run";
  const line2 = deployment.ref === void 0 || service.tagLine === void 0 ? void 0 : parseVersionTag(deployment.ref)?.prefix;
  if (line2 !== void 0 && line2 !== service.tagLine) return "another service";
  const { runs } = service;
  if (!deployment.runId || !runs) return "unknown";
  if (runs.ids.has(deployment.runId)) return "this service";
  const newerThanListed = runs.complete || runs.oldest !== void 0 && deployment.at !== void 0 && deployment.at > runs.oldest;
  return newerThanListed ? "another service" : "unknown";
}
function chooseDeployment(deployments, service, headSha) {
  const head = headSha.toLowerCase();
  const failedSince = [];
  let othersSkipped = 0;
  let examined = 0;
  for (const deployment of deployments) {
    examined += 1;
    const owner = ownerOf(deployment, service);
    if (owner === "this run") continue;
    if (owner === "another service") {
      othersSkipped += 1;
      continue;
    }
    if (deployment.outcome === "failure") failedSince.push(deployment);
    if (deployment.outcome !== "success") continue;
    if (deployment.sha === head) {
      failedSince.length = 0;
      continue;
    }
    return { previous: deployment, uncertain: owner === "unknown" && deployment.runId !== void 0, failedSince, othersSkipped, examined };
  }
  return { previous: void 0, uncertain: false, failedSince, othersSkipped, examined };
}

// src/github/previous-lookup.ts
var MAX_TAG_PAGES = 10;
var TAGS_PER_PAGE = 100;
async function findPrevious(question, ask, repo) {
  const { environment } = question;
  const named = question.tag ? parseVersionTag(question.tag) : void 0;
  const deployments = environment ? ask.graphql("deployments", DEPLOYMENTS_QUERY, { environments: environmentSpellings(environment), first: DEPLOYMENTS_EXAMINED }) : void 0;
  const runs = environment && question.workflowFile ? ask.quiet("/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", { workflow_id: question.workflowFile, per_page: RUNS_LISTED }) : void 0;
  const tags = named && question.tag ? readTagLine(question.tag, named, ask) : void 0;
  const current = named && (question.tagConfirmed === void 0 || await question.tagConfirmed) ? named : void 0;
  const lines = [];
  const why = [];
  let restores;
  if (environment && deployments) {
    const answer = await deployments;
    const runsAnswer = runs ? await runs : void 0;
    const workflowRuns = runsAnswer && "data" in runsAnswer ? readWorkflowRuns(runsAnswer.data) : void 0;
    const listed = answer === void 0 ? void 0 : readDeployments(answer, environment);
    const head = await question.head;
    const choice = listed && head ? chooseDeployment(listed, { runId: question.runId, runs: workflowRuns, tagLine: current?.prefix }, head) : void 0;
    if (choice) restores = question.succeeds ? restoresOf(choice, question.eventTime) : void 0;
    if (choice?.previous) {
      if (choice.uncertain) lines.push(uncertainLine(choice.previous, environment, question.workflowFile, runsAnswer));
      return { previous: previousFromDeployment(choice.previous, repo), restores, lines };
    }
    why.push(choice ? noDeploymentReason(choice, environment) : `the deployments to ${oneLine(environment, 60)} could not be read`);
  }
  if (current && tags && question.tag) {
    const line2 = await tags;
    if (line2.tag) return { previous: previousFromTag(line2.tag, line2.releases, repo), restores, lines: [...lines, ...fallbackLines(why, `tag ${line2.tag.name}`)] };
    why.push(line2.reason);
  }
  const push = previousFromPush(question.pushBefore, repo);
  if (push) return { previous: push, restores, lines: [...lines, ...fallbackLines(why, `the push's before commit ${push.version ?? ""}`)] };
  if (why.length > 0) lines.push(`No previous deploy found: ${why.join("; ")}. The event carries no previous deploy and no change set from GitHub.`);
  return { previous: void 0, restores, lines };
}
function fallbackLines(why, took) {
  return why.length === 0 ? [] : [`The previous deploy is ${took}: ${why.join("; ")}.`];
}
function noDeploymentReason(choice, environment) {
  const env = oneLine(environment, 60);
  if (choice.examined === 0) return `no deployment to ${env}`;
  const others = choice.othersSkipped > 0 ? `, ${choice.othersSkipped} of them another service's` : "";
  return `no successful deployment of this service to ${env} for another commit (${choice.examined} examined${others})`;
}
function uncertainLine(previous, environment, workflowFile, runs) {
  const reason = !workflowFile ? "this run names no workflow file" : runs && "failure" in runs ? `the runs of ${oneLine(workflowFile, 80)} could not be read (${oneLine(runs.failure, 100)}; grant actions: read)` : `its run ${previous.runId ?? ""} is older than the ${RUNS_LISTED} newest runs of ${oneLine(workflowFile, 80)}`;
  return `The previous deploy is deployment ${previous.id} to ${oneLine(environment, 60)} (${previous.sha.slice(0, 7)}), the newest successful one: whether this service's workflow made it is unknown, as ${reason}.`;
}
function restoresOf(choice, eventTime) {
  const failed = choice.failedSince.at(-1);
  if (!failed?.at) return void 0;
  const seconds = Math.round((eventTime.getTime() - Date.parse(failed.at)) / 1e3);
  return {
    commit: failed.sha,
    version: failed.ref && parseVersionTag(failed.ref) ? failed.ref : failed.sha.slice(0, 7),
    failed_at: failed.at,
    seconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : void 0
  };
}
async function readTagLine(name, current, ask) {
  const prefixes = linePrefixes(current);
  const firstPages = prefixes.map((prefix) => ask.page("tags", "/repos/{owner}/{repo}/git/matching-refs/{ref}", { ref: `tags/${prefix}`, per_page: TAGS_PER_PAGE }));
  const releasesAnswer = ask.get("tags", "/repos/{owner}/{repo}/releases", { per_page: 100 });
  const pages = await Promise.all(firstPages);
  const releases = readReleases(await releasesAnswer);
  const facts = new Map([...releases].map(([name2, release]) => [name2, { draft: release.draft === true, prerelease: release.prerelease === true }]));
  const line2 = oneLine(current.prefix || "(no prefix)", 80);
  if (pages.some((page) => page === void 0)) return { tag: void 0, releases, reason: `the tags of line ${quote(line2)} could not be read` };
  const buckets = pages.map((page) => ({ tags: readLineTags(page?.data, current.prefix), last: Math.min(lastPage(page?.link) ?? 1, MAX_TAG_PAGES) }));
  const rest = [];
  for (const [i, bucket] of buckets.entries()) {
    for (let page = 2; page <= bucket.last; page++) {
      rest.push(
        ask.page("tags", "/repos/{owner}/{repo}/git/matching-refs/{ref}", { ref: `tags/${prefixes[i] ?? ""}`, per_page: TAGS_PER_PAGE, page }).then((more) => {
          bucket.tags.push(...readLineTags(more?.data, current.prefix));
        })
      );
    }
    if (previousOnLine(current, [bucket.tags], facts)) break;
  }
  await Promise.all(rest);
  const found = previousOnLine(current, buckets.map((bucket) => bucket.tags), facts);
  if (found) return { tag: found, releases, reason: "" };
  const read = buckets.at(-1)?.tags.length ?? 0;
  return { tag: void 0, releases, reason: `${read} tag${read === 1 ? "" : "s"} on line ${quote(line2)}, none before ${oneLine(name, 80)}` };
}
function readReleases(answer) {
  const releases = /* @__PURE__ */ new Map();
  if (!Array.isArray(answer)) return releases;
  for (const item of answer.slice(0, 100)) {
    const release = record(item);
    const tag = text(release?.tag_name);
    if (release && tag && tag.length <= 255) releases.set(tag, release);
  }
  return releases;
}

// src/github/shipped.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/github/range.ts
init_define_ACTION_INPUT_DEFAULTS();
var COMPARE_PAGE = 100;
var MAX_SCANNED = 1e3;
var MAX_PAGES = MAX_SCANNED / COMPARE_PAGE;
function laterPages(total) {
  const pages = Math.ceil(Math.max(0, total) / COMPARE_PAGE);
  if (pages <= 1) return [];
  const first = pages <= MAX_PAGES ? 2 : pages - MAX_PAGES + 2;
  return Array.from({ length: pages - first + 1 }, (_, i) => first + i);
}
function joinPages(pages) {
  const seen = /* @__PURE__ */ new Set();
  const joined = [];
  for (const page of pages) {
    for (const commit of page ?? []) {
      if (joined.length >= MAX_SCANNED) return joined;
      if (seen.has(commit.sha)) continue;
      seen.add(commit.sha);
      joined.push(commit);
    }
  }
  return joined;
}

// src/github/shipped.ts
var MAX_AUTHORS = 50;
var MAX_MESSAGE = 4096;
var MAX_NAME = 100;
var STATUSES = /* @__PURE__ */ new Set(["ahead", "behind", "diverged", "identical"]);
var SHA = /^[0-9a-f]{7,64}$/i;
function capped2(value, max) {
  const found = text(value);
  return found === void 0 ? void 0 : found.slice(0, max);
}
function readCommit(value) {
  const item = record(value);
  const sha2 = capped2(item?.sha, 64);
  const commit = record(item?.commit);
  if (!sha2 || !SHA.test(sha2) || !commit) return void 0;
  const gitAuthor = record(commit.author);
  return {
    sha: sha2.toLowerCase(),
    message: capped2(commit.message, MAX_MESSAGE) ?? "",
    author: capped2(record(item?.author)?.login, MAX_NAME) ?? capped2(gitAuthor?.name, MAX_NAME),
    authoredAt: capped2(gitAuthor?.date, 40)
  };
}
function readCommits(value) {
  const commits = [];
  for (const item of list(value)) {
    if (commits.length >= MAX_SCANNED) break;
    const commit = readCommit(item);
    if (commit) commits.push(commit);
  }
  return commits;
}
var count2 = (value, least) => typeof value === "number" && Number.isSafeInteger(value) && value >= least ? value : least;
function readComparison(answer) {
  const compare = record(answer);
  const status = text(compare?.status);
  if (!compare || !status || !STATUSES.has(status)) return void 0;
  const commits = readCommits(compare.commits);
  return {
    status,
    total: count2(compare.total_commits, commits.length),
    behindBy: count2(compare.behind_by, 0),
    baseSha: capped2(record(compare.base_commit)?.sha, 64),
    htmlUrl: capped2(compare.html_url, 2048),
    commits
  };
}
function shippedFrom(previous, forward, forwardCommits, reverse, reverseCommits) {
  const resolved = { ...previous, commit: forward.baseSha ?? previous.commit };
  const takenOut = reverse ? { count: Math.max(reverse.total, reverseCommits.length), commits: reverseCommits } : void 0;
  if (forward.status === "behind") {
    const added2 = takenOut ?? { count: forward.behindBy, commits: [] };
    return { previous: resolved, rollback: true, behind: true, count: added2.count, added: added2, removed: void 0, compareUrl: reverse?.htmlUrl ?? forward.htmlUrl };
  }
  const added = { count: forward.total, commits: forwardCommits };
  const removed = forward.status === "diverged" ? takenOut ?? { count: forward.behindBy, commits: [] } : void 0;
  const rollback = removed !== void 0 && removed.count > added.count;
  return { previous: resolved, rollback, behind: false, count: rollback ? removed.count : added.count, added, removed, compareUrl: forward.htmlUrl };
}
var MERGE_SUBJECT = /^Merge pull request #(\d{1,9}) from (\S+)$/;
var SQUASH_SUBJECT = /^(.*\S)\s+\(#(\d{1,9})\)$/;
var REVERT_SUBJECT = /^Revert "/;
var REVERTS2 = /This reverts commit ([0-9a-f]{7,40})(?![0-9a-f])/;
function pullRequestOf(commit, repo) {
  const subject = shorten(subjectOf(commit.message), 1e3);
  const url = (number2) => `${repo.serverUrl}/${repo.repository}/pull/${number2}`;
  const merge2 = MERGE_SUBJECT.exec(subject);
  if (merge2) {
    const [, number2 = "", from = ""] = merge2;
    const end = commit.message.search(/[\r\n]/);
    const body = end === -1 ? "" : commit.message.slice(end).trim();
    const slash = from.indexOf("/");
    return { number: Number(number2), title: body ? shorten(subjectOf(body), MAX_LINE) : void 0, url: url(number2), branch: slash === -1 ? from : from.slice(slash + 1) };
  }
  const squash = SQUASH_SUBJECT.exec(subject);
  if (squash) {
    const [, title = "", number2 = ""] = squash;
    return { number: Number(number2), title: shorten(title, MAX_LINE), url: url(number2), branch: void 0 };
  }
  return void 0;
}
function revertPairs(commits) {
  const bySha = /* @__PURE__ */ new Map();
  const byShort = /* @__PURE__ */ new Map();
  for (const commit of commits) {
    bySha.set(commit.sha, commit);
    const short = commit.sha.slice(0, 7);
    const bucket = byShort.get(short);
    if (bucket) bucket.push(commit);
    else byShort.set(short, [commit]);
  }
  const named = (sha2) => {
    if (sha2.length === 40) return bySha.get(sha2);
    const matching = (byShort.get(sha2.slice(0, 7)) ?? []).filter((commit) => commit.sha.startsWith(sha2));
    return matching.length === 1 ? matching[0] : void 0;
  };
  const cancelled = /* @__PURE__ */ new Set();
  const pairs = [];
  for (let i = commits.length - 1; i >= 0; i--) {
    const commit = commits[i];
    if (cancelled.has(commit.sha) || !REVERT_SUBJECT.test(commit.message)) continue;
    const sha2 = REVERTS2.exec(commit.message)?.[1]?.toLowerCase();
    const reverted = sha2 === void 0 ? void 0 : named(sha2);
    if (!reverted || reverted === commit || cancelled.has(reverted.sha)) continue;
    cancelled.add(commit.sha).add(reverted.sha);
    pairs.push({ reverted, by: commit });
  }
  return pairs.reverse();
}
function listedCommit(commit) {
  return compact({ sha: commit.sha, message: firstLine(commit.message), author: commit.author }) ?? {};
}
function commitList(total, newestFirst, scanned) {
  return compact({ count: total, scanned: scanned < total ? scanned : void 0, list: newestFirst.slice(0, MAX_LISTED).map(listedCommit) }) ?? {};
}
function oldestAuthorDate(commits) {
  let oldest;
  for (const commit of commits) {
    const at = commit.authoredAt === void 0 ? NaN : Date.parse(commit.authoredAt);
    if (!Number.isNaN(at) && (!oldest || at < oldest.at)) oldest = { at, text: commit.authoredAt };
  }
  return oldest?.text;
}
function side(range, paths, exact) {
  if (!paths) return { count: range.count, commits: range.commits, scanned: range.commits.length };
  const commits = range.commits.filter((commit) => paths.touching.has(commit.sha));
  const total = exact ?? commits.length;
  return { count: total, commits, scanned: range.commits.length >= range.count ? total : commits.length };
}
function shippedData(shipped, context) {
  const { paths } = context;
  const added = side(shipped.added, paths, shipped.behind ? paths?.exact?.removed : paths?.exact?.added);
  const removed = shipped.removed && side(shipped.removed, paths, paths?.exact?.removed);
  const pairs = shipped.behind ? [] : revertPairs(added.commits);
  const undone = /* @__PURE__ */ new Set();
  for (const pair of pairs) undone.add(pair.reverted.sha).add(pair.by.sha);
  const shippedNewestFirst = [];
  for (let i = added.commits.length - 1; i >= 0; i--) if (!undone.has(added.commits[i].sha)) shippedNewestFirst.push(added.commits[i]);
  const pullRequests2 = [];
  const numbers = /* @__PURE__ */ new Set();
  for (const commit of shippedNewestFirst) {
    const pr = pullRequestOf(commit, context);
    if (pr && !numbers.has(pr.number)) {
      numbers.add(pr.number);
      pullRequests2.push(pr);
    }
  }
  const authors = /* @__PURE__ */ new Set();
  for (const commit of shippedNewestFirst) if (commit.author && authors.size < MAX_AUTHORS) authors.add(commit.author);
  const firstCommitAt = shipped.behind ? void 0 : oldestAuthorDate(shippedNewestFirst);
  const firstMs = firstCommitAt === void 0 ? NaN : Date.parse(firstCommitAt);
  const leadSeconds = Number.isNaN(firstMs) ? void 0 : Math.round((context.eventTime.getTime() - firstMs) / 1e3);
  const shippedCount = Math.max(0, added.count - undone.size);
  const data = compact({
    ...previousData(shipped.previous),
    commits: compact({
      ...commitList(shippedCount, shippedNewestFirst, Math.max(0, added.scanned - undone.size)),
      range_count: paths ? shipped.added.count : void 0
    }),
    removed: removed ? commitList(removed.count, [...removed.commits].reverse(), removed.scanned) : void 0,
    reverted: pairs.length > 0 ? { count: pairs.length, list: [...pairs].reverse().slice(0, MAX_LISTED).map((pair) => ({ ...listedCommit(pair.reverted), reverted_by: pair.by.sha })) } : void 0,
    pull_requests: pullRequests2.length > 0 ? pullRequests2.slice(0, MAX_LISTED).map(({ number: number2, title, url }) => compact({ number: number2, title, url })) : void 0,
    authors: authors.size > 0 ? [...authors] : void 0,
    first_commit_at: firstCommitAt,
    lead_time_seconds: leadSeconds !== void 0 && leadSeconds >= 0 ? leadSeconds : void 0,
    compare_url: shipped.compareUrl,
    paths: paths ? [...paths.patterns] : void 0
  });
  const ticketTexts2 = [];
  for (const pr of pullRequests2) {
    if (pr.title) ticketTexts2.push(pr.title);
    if (pr.branch) ticketTexts2.push(pr.branch);
  }
  for (const commit of shippedNewestFirst) ticketTexts2.push(commit.message);
  return { data: data ?? {}, ticketTexts: ticketTexts2, scoped: paths !== void 0 };
}
function previousData(previous) {
  return {
    previous: compact({ commit: previous.commit, version: previous.version, deployed_at: previous.deployedAt, url: previous.url, found_by: previous.foundBy })
  };
}
function eventType(type, defaultType, detectRollback, shipped) {
  return shipped?.rollback && detectRollback && type === defaultType ? "rollback" : type;
}

// src/github/range-lookups.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/github/paths.ts
init_define_ACTION_INPUT_DEFAULTS();
async function pathMatcher(patterns) {
  const { default: picomatch } = await import("./picomatch.cjs");
  const includes = patterns.filter((pattern) => !pattern.startsWith("!"));
  const excludes = patterns.filter((pattern) => pattern.startsWith("!")).map((pattern) => pattern.slice(1));
  const options = { dot: true };
  const included = includes.length > 0 ? picomatch(includes, options) : () => true;
  const excluded = excludes.length > 0 ? picomatch(excludes, options) : () => false;
  return (file) => included(file) && !excluded(file);
}
var MAX_API_PREFIXES = 5;
async function apiPaths(patterns) {
  const { default: picomatch } = await import("./picomatch.cjs");
  const prefixes = /* @__PURE__ */ new Set();
  let approximate;
  let impossible;
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) {
      approximate ??= `the exclusion ${JSON.stringify(pattern)} needs each commit's files`;
      continue;
    }
    const scan = picomatch.scan(pattern);
    const base = scan.base.replace(/^\.\//, "").replace(/\/+$/, "");
    if (!base) {
      impossible ??= `${JSON.stringify(pattern)} has a wildcard at the repository's root`;
      continue;
    }
    prefixes.add(base);
    if (scan.isGlob && !/^\*\*(\/\*)?$/.test(scan.glob)) approximate ??= `${JSON.stringify(pattern)} is read as all of ${base}/`;
  }
  if (prefixes.size > MAX_API_PREFIXES) impossible ??= `more than ${MAX_API_PREFIXES} folders would each need a request`;
  return { prefixes: [...prefixes], approximate, impossible };
}
function touchingCommits(files, matches) {
  const touching = /* @__PURE__ */ new Set();
  for (const [sha2, changed] of files) if (changed.some(matches)) touching.add(sha2);
  return touching;
}

// src/github/paths-git.ts
init_define_ACTION_INPUT_DEFAULTS();
var import_node_child_process = require("node:child_process");
var MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
function gitEnv() {
  const kept = ["PATH", "HOME", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP"].flatMap((name) => process.env[name] === void 0 ? [] : [[name, process.env[name]]]);
  return { ...Object.fromEntries(kept), GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
}
function git(workspace, args, signal) {
  const argv = ["-c", `safe.directory=${workspace}`, "-C", workspace, ...args];
  return new Promise((resolve, reject) => {
    (0, import_node_child_process.execFile)(
      "git",
      argv,
      { signal, maxBuffer: MAX_OUTPUT_BYTES, encoding: "utf8", windowsHide: true, env: gitEnv() },
      (error2, stdout) => error2 ? reject(error2) : resolve(stdout)
    );
  });
}
async function changedFilesFromGit(workspace, base, head, signal) {
  if (!workspace) return { unavailable: "GITHUB_WORKSPACE is not set" };
  try {
    const shallow = (await git(workspace, ["rev-parse", "--is-shallow-repository"], signal)).trim();
    if (shallow !== "false") return { unavailable: "the checkout is shallow (set fetch-depth: 0 on actions/checkout)" };
    await git(workspace, ["cat-file", "-e", `${base}^{commit}`], signal);
    await git(workspace, ["cat-file", "-e", `${head}^{commit}`], signal);
  } catch (error2) {
    if (error2.code === "ENOENT") return { unavailable: "git is not installed on this runner" };
    return { unavailable: "the workspace holds no git history of both commits (check out with fetch-depth: 0)" };
  }
  let output;
  try {
    output = await git(workspace, ["log", "--format=%x1e%m%H", "--name-only", "--no-renames", "--diff-merges=first-parent", "-z", `${base}...${head}`, "--"], signal);
  } catch (error2) {
    return { unavailable: `git log failed (${String(error2.message).split("\n")[0]})` };
  }
  return parseLog(output);
}
function parseLog(output) {
  const changed = { added: /* @__PURE__ */ new Map(), removed: /* @__PURE__ */ new Map() };
  for (const record3 of output.split("")) {
    const end = record3.indexOf("\0");
    const header = end === -1 ? record3 : record3.slice(0, end);
    const side2 = header[0] === ">" ? changed.added : header[0] === "<" ? changed.removed : void 0;
    const sha2 = header.slice(1).trim();
    if (!side2 || !/^[0-9a-f]{40,64}$/.test(sha2)) continue;
    const files = end === -1 ? [] : record3.slice(end + 1).replace(/^\n/, "").split("\0").filter((file) => file !== "");
    side2.set(sha2, files);
  }
  return changed;
}

// src/github/range-lookups.ts
var RANGE_PAGE_REQUESTS = 2 * (MAX_PAGES - 1) + 2 * MAX_API_PREFIXES;
var COMPARE_ROUTE = "/repos/{owner}/{repo}/compare/{basehead}";
var COMMITS_ROUTE = "/repos/{owner}/{repo}/commits";
async function lookUpRange(ask, request) {
  const { previous, head } = request;
  const notes = [];
  const compare = (base2, tip, page) => ask(page === 1 ? "compare" : "pages", COMPARE_ROUTE, { basehead: `${base2}...${tip}`, per_page: COMPARE_PAGE, page });
  const [forwardAnswer, reverseAnswer] = await Promise.all([compare(previous.ref, head, 1), compare(head, previous.ref, 1)]);
  const forward = readComparison(forwardAnswer);
  if (!forward) return { shipped: void 0, scope: void 0, malformed: forwardAnswer !== void 0, notes };
  const reverse = readComparison(reverseAnswer);
  const base = forward.baseSha ?? previous.commit ?? previous.ref;
  const addsCommits = forward.status !== "behind";
  const takesOut = forward.status === "behind" || forward.status === "diverged";
  const none = { commits: [] };
  const pagesOf = async (first, from, to) => {
    if (!first) return { commits: [], why: "the compare the other way did not answer" };
    if (first.commits.length > COMPARE_PAGE) return { commits: joinPages([first.commits]), why: `GitHub's answer was not paged as asked; its first ${MAX_SCANNED} commits are read` };
    const later = await Promise.all(laterPages(first.total).map(async (page) => readComparison(await compare(from, to, page))?.commits));
    const commits = joinPages([first.commits, ...later]);
    return {
      commits,
      why: later.some((page) => page === void 0) ? "some pages of the compare did not answer" : `a range over ${MAX_SCANNED} commits is read in part: its oldest ${COMPARE_PAGE} and newest ${commits.length - COMPARE_PAGE} commits`
    };
  };
  const [added, removed, scope] = await Promise.all([
    addsCommits ? pagesOf(forward, previous.ref, head) : none,
    takesOut ? pagesOf(reverse, head, previous.ref) : none,
    request.paths ? pathScope(ask, request.paths, request, base, { addsCommits, takesOut }, notes) : void 0
  ]);
  const shipped = shippedFrom(previous, forward, added.commits, reverse, removed.commits);
  const sides = [
    { key: "commits", verb: shipped.behind ? "takes out" : "ships", range: shipped.added, why: (shipped.behind ? removed : added).why },
    { key: "removed", verb: "takes out", range: shipped.removed, why: removed.why }
  ];
  for (const { key, verb, range, why } of sides) {
    if (!range || range.commits.length >= range.count) continue;
    notes.push(
      `This deploy ${verb} ${range.count} commits since ${previous.version ?? previous.ref}; the event's pull requests, tickets and authors come from the ${range.commits.length} read (${why}), and data.${key}.scanned says so.`
    );
  }
  return { shipped, scope, malformed: false, notes };
}
async function pathScope(ask, patterns, request, base, sides, notes) {
  const [matches, fromGit] = await Promise.all([pathMatcher(patterns), changedFilesFromGit(request.workspace, base, request.head, request.signal)]);
  if (!("unavailable" in fromGit)) {
    const added = touchingCommits(fromGit.added, matches);
    const removed = touchingCommits(fromGit.removed, matches);
    return { patterns, touching: /* @__PURE__ */ new Set([...added, ...removed]), exact: { added: added.size, removed: removed.size } };
  }
  const api = await apiPaths(patterns);
  const unscoped = `the event counts every commit of the range, not only those touching input "paths"`;
  if (api.impossible) {
    notes.push(`Input "paths" could not be applied: ${fromGit.unavailable}, and the GitHub API cannot filter by it (${api.impossible}); ${unscoped}.`);
    return void 0;
  }
  const tips = [...sides.addsCommits ? [request.head] : [], ...sides.takesOut ? [base] : []];
  const lists = await Promise.all(
    tips.flatMap((sha2) => api.prefixes.map((path) => ask("commits", COMMITS_ROUTE, { sha: sha2, path, per_page: COMPARE_PAGE })))
  );
  if (lists.some((answer) => !Array.isArray(answer))) {
    notes.push(`Input "paths" could not be applied: ${fromGit.unavailable}, and the GitHub API's commit lists did not answer; ${unscoped}.`);
    return void 0;
  }
  const touching = /* @__PURE__ */ new Set();
  let full = false;
  for (const answer of lists) {
    if (answer.length >= COMPARE_PAGE) full = true;
    for (const item of answer.slice(0, COMPARE_PAGE)) {
      const sha2 = item?.sha;
      if (typeof sha2 === "string") touching.add(sha2.slice(0, 64).toLowerCase());
    }
  }
  const limits = [
    api.approximate,
    full ? `only the newest ${COMPARE_PAGE} commits touching each folder were listed` : void 0
  ].filter((limit) => limit !== void 0);
  if (limits.length > 0) {
    notes.push(`Input "paths" was applied through the GitHub API (${fromGit.unavailable}): ${oneLine(limits.join("; "), 300)}. Check out with fetch-depth: 0 for an exact answer.`);
  }
  return { patterns, touching };
}

// src/github/lookups.ts
function pullRequestLookup(context) {
  const { repository, sha: sha2 } = context;
  if (context.runEvent !== "push" || !repository || !sha2) return void 0;
  const { trigger } = context;
  if (trigger.kind === "push" && trigger.deleted || !context.ref?.startsWith("refs/heads/")) return void 0;
  return { apiUrl: context.apiUrl, repository, sha: sha2 };
}
var MAX_REQUESTS = 40 + RANGE_PAGE_REQUESTS;
function planLookups(context, settings, env = process.env) {
  const { repository } = context;
  const commitName = context.sha ? void 0 : settings.commit;
  const head = context.sha ?? commitName;
  if (!settings.includeContext || !settings.githubToken || !repository || !head) return void 0;
  const { trigger } = context;
  const given = settings.commit !== void 0;
  const maybeTag = possibleTag(context);
  const plan = {
    apiUrl: context.apiUrl,
    token: settings.githubToken,
    timeoutMs: settings.lookupTimeoutMs,
    serverUrl: context.serverUrl,
    repository,
    head,
    // In observer mode the deploy is the watched run's: its own deployment is not its previous one.
    runId: trigger.kind === "observed-run" ? trigger.run.id : context.runId,
    pullRequestSha: given ? void 0 : pullRequestLookup(context)?.sha,
    since: settings.since,
    // The environment input, else the subject, else the environment of a deployment run.
    environment: settings.environment ?? settings.subject ?? (trigger.kind === "deployment" ? trigger.deployment.environment : void 0),
    tag: context.refType === "tag" ? context.refName : trigger.kind === "release" && !given ? trigger.tagName : maybeTag,
    possibleTag: maybeTag,
    pushBefore: !given && (trigger.kind === "push" || trigger.kind === "tag-push") && !trigger.deleted ? trigger.before : void 0,
    commitName,
    workflowFile: deployingWorkflow(context, env),
    succeeds: deploySucceeds(context, settings),
    paths: settings.paths
  };
  const anything = plan.pullRequestSha || plan.since || plan.environment || plan.tag || plan.pushBefore || plan.possibleTag;
  return anything ? plan : void 0;
}
function deployingWorkflow(context, env) {
  const { trigger } = context;
  if (trigger.kind === "deployment") return void 0;
  const path = trigger.kind === "observed-run" ? trigger.run.workflowPath : env.GITHUB_WORKFLOW_REF?.replace(/@.*$/, "");
  return path?.slice(0, 1e3).match(/\.github\/workflows\/([^/@]{1,200}\.ya?ml)/)?.[1];
}
function deploySucceeds(context, settings) {
  const { trigger } = context;
  if (settings.trackJob) return false;
  if (trigger.kind === "deployment" && trigger.deployment.status) return trigger.deployment.status.state === "success";
  if (trigger.kind === "observed-run") return trigger.run.conclusion === "success";
  return true;
}
var PARTS = {
  "pull-request": { what: "the pull request of this commit", permission: "pull-requests: read" },
  deployments: { what: "the previous deployment", permission: "deployments: read" },
  tags: { what: "the previous tag", permission: "contents: read" },
  compare: { what: "what shipped since the previous deploy", permission: "contents: read" },
  pages: { what: "some pages of a long range (the event names what the pages read hold)", permission: "contents: read" },
  commits: { what: 'the commits touching input "paths"', permission: "contents: read" },
  commit: { what: 'the commit of input "commit"', permission: "contents: read" },
  tag: { what: "whether the watched run's head_branch is a tag", permission: "contents: read" }
};
async function runLookups(plan, options) {
  const failures = /* @__PURE__ */ new Map();
  const seconds = plan.timeoutMs / 1e3;
  let client;
  const signal = AbortSignal.timeout(plan.timeoutMs);
  try {
    client = await createGitHubClient({
      apiUrl: plan.apiUrl,
      token: plan.token,
      repository: plan.repository,
      signal,
      maxRequests: MAX_REQUESTS,
      deadlineSeconds: seconds
    });
  } catch (error2) {
    const notice2 = `The GitHub lookups were skipped: the API client could not be loaded (${oneLine(error2.message)}). The event lacks the pull request and what shipped since the previous deploy.`;
    return { found: {}, commit: void 0, tag: void 0, restores: void 0, shipped: void 0, notice: notice2, notes: [], requestCount: 0 };
  }
  const recorded = async (part, question) => {
    try {
      return await question();
    } catch (error2) {
      if (!failures.has(part)) failures.set(part, asLookupError(error2));
      return void 0;
    }
  };
  const ask = (part, route, params = {}) => recorded(part, () => client.get(route, params));
  const repo = { serverUrl: plan.serverUrl, repository: plan.repository };
  const pulls = plan.pullRequestSha ? ask("pull-request", "/repos/{owner}/{repo}/commits/{commit_sha}/pulls", { commit_sha: plan.pullRequestSha }) : void 0;
  const resolved = plan.commitName ? resolveCommit(plan.commitName, ask) : void 0;
  const tagCheck = plan.possibleTag ? checkTag(plan.possibleTag, plan.head, client) : void 0;
  const asker = {
    get: (part, route, params) => ask(part, route, params),
    page: (part, route, params) => recorded(part, () => client.page(route, params)),
    graphql: (part, query, variables) => recorded(part, () => client.graphql(query, variables)),
    quiet: async (route, params) => {
      try {
        return { data: await client.get(route, params) };
      } catch (error2) {
        return { failure: asLookupError(error2).message };
      }
    }
  };
  let previous = plan.since ? previousFromInput(plan.since, repo) : void 0;
  let restores;
  const notes = [];
  const headSha = resolved ?? plan.head;
  if (!previous) {
    const answer = await findPrevious(
      {
        head: headSha,
        runId: plan.runId,
        environment: plan.environment,
        workflowFile: plan.workflowFile,
        tag: plan.tag,
        tagConfirmed: tagCheck?.then((check) => check.isTag),
        pushBefore: plan.pushBefore,
        succeeds: plan.succeeds,
        eventTime: options.eventTime
      },
      asker,
      repo
    );
    ({ previous, restores } = answer);
    notes.push(...answer.lines);
  }
  const commit = resolved ? await resolved : void 0;
  const head = commit ?? plan.head;
  const tagChecked = tagCheck ? await tagCheck : void 0;
  if (tagChecked?.failure) failures.set("tag", tagChecked.failure);
  if (tagChecked?.note) notes.push(tagChecked.note);
  if (tagCheck && !tagChecked?.isTag) failures.delete("tags");
  const range = previous ? await lookUpRange(ask, { previous, head, paths: plan.paths, workspace: options.workspace, signal }) : void 0;
  if (range?.malformed) failures.set("compare", new LookupError("unavailable", "the answer is not a comparison"));
  const shipped = range?.shipped;
  notes.push(...range?.notes ?? []);
  if (plan.paths && !previous) notes.push('Input "paths" was not applied: no previous deploy was found, so the event lists what the payload says.');
  const pullRequest = plan.pullRequestSha ? choosePullRequest(await pulls, plan.pullRequestSha) : void 0;
  const facts = shipped ? { ...shippedData(shipped, { ...repo, eventTime: options.eventTime, paths: range?.scope }), rollbackOf: shipped.rollback ? shipped.previous.version : void 0 } : previous ? { data: previousData(previous), ticketTexts: [], rollbackOf: void 0 } : void 0;
  return {
    found: { pullRequest, shipped: restores ? { ...facts ?? { ticketTexts: [] }, data: { ...facts?.data, restores } } : facts },
    commit,
    tag: tagChecked?.isTag ? plan.possibleTag : void 0,
    restores,
    shipped,
    ...noticeLine(failures, plan, seconds, { previousFoundBy: previous?.foundBy, pullRequest: pullRequest !== void 0 }),
    notes,
    requestCount: client.requestCount
  };
}
function asLookupError(error2) {
  return error2 instanceof LookupError ? error2 : new LookupError("unavailable", oneLine(String(error2)));
}
var COMMIT_SHA_ROUTE = "/repos/{owner}/{repo}/commits/{ref}";
var commitShaParams = (ref) => ({ ref, mediaType: { format: "sha" } });
function commitShaOf(answer) {
  const sha2 = typeof answer === "string" ? answer.trim() : text(record(answer)?.sha);
  return sha2 && /^[0-9a-f]{40}$/i.test(sha2) ? sha2.toLowerCase() : void 0;
}
async function resolveCommit(name, ask) {
  return commitShaOf(await ask("commit", COMMIT_SHA_ROUTE, commitShaParams(name)));
}
async function checkTag(name, head, client) {
  try {
    const sha2 = commitShaOf(await client.get(COMMIT_SHA_ROUTE, commitShaParams(`tags/${name}`)));
    if (sha2 === head.toLowerCase()) return { isTag: true };
    if (!sha2) return { isTag: false };
    return { isTag: false, note: `Tag ${quote(oneLine(name, 80))} is on commit ${sha2.slice(0, 7)}, not on the watched run's ${head.slice(0, 7)}: the event does not name that tag, and its version is the short SHA.` };
  } catch (error2) {
    const failure2 = asLookupError(error2);
    return failure2.failure === "not-found" || failure2.status === 422 ? { isTag: false } : { isTag: false, failure: failure2 };
  }
}
var LACKS = {
  "pull-request": "the pull request of this commit",
  deployments: "the previous deploy, and what shipped since it (commits, pull requests, tickets, lead time)",
  tags: "the previous deploy, and what shipped since it (commits, pull requests, tickets, lead time)",
  compare: "what shipped since the previous deploy (commits, pull requests, tickets, lead time)",
  pages: "some pages of a long range (the event names what the pages read hold)",
  commits: 'the commits touching input "paths"',
  commit: `the commit of input "commit" (the event names the run's own commit)`,
  tag: "the watched run's tag (its version is the short SHA)"
};
function noticeLine(failures, plan, seconds, found) {
  const answered = found.previousFoundBy !== void 0 && found.previousFoundBy !== "push";
  const costly = [...failures].filter(([part]) => !((part === "deployments" || part === "tags") && answered) && !(part === "pull-request" && found.pullRequest));
  const harmless = [...failures].filter(([part]) => !costly.some(([c]) => c === part));
  const debug2 = harmless.length ? `GitHub lookups: ${harmless.map(([part, error2]) => `${PARTS[part].what} (${oneLine(error2.message, 120)})`).join(", ")} could not be read; the event lacks nothing for it.` : void 0;
  if (costly.length === 0) return { notice: void 0, debug: debug2, grant: void 0 };
  const lacks = /* @__PURE__ */ new Set();
  const reasons = [];
  const permissions = /* @__PURE__ */ new Set();
  const fixes = /* @__PURE__ */ new Set();
  for (const [part, error2] of costly) {
    const fromPush = (part === "deployments" || part === "tags") && found.previousFoundBy === "push";
    lacks.add(fromPush ? `the previous ${part === "tags" ? "tag" : "deployment"} (what shipped is counted from the push's previous commit instead)` : LACKS[part]);
    const what = part === "deployments" && plan.environment ? `the deployments to ${oneLine(plan.environment, 60)}` : PARTS[part].what;
    reasons.push(`${what}: ${oneLine(error2.message, 120)}`);
    if (error2.failure === "forbidden") permissions.add(PARTS[part].permission);
    else if (part === "compare" && plan.since && error2.failure === "not-found") fixes.add(`check that input "since" ${quote(plan.since)} names a commit, tag or branch of this repository`);
    else fixes.add(fix(error2.failure, PARTS[part].permission, seconds));
  }
  if (lacks.has(LACKS.deployments)) lacks.delete(LACKS.compare);
  const grant = [...permissions].sort();
  const todo = [...grant.length > 0 ? [`grant the job permissions: ${grant.join(", ")}`] : [], ...fixes];
  return {
    notice: `The event lacks ${[...lacks].join("; and ")}: GitHub did not give ${reasons.join(", ")}. To add it: ${todo.join("; ")}.`,
    debug: debug2,
    grant: grant.length > 0 ? grant : void 0
  };
}
function fix(failure2, permission, seconds) {
  switch (failure2) {
    case "not-found":
      return `grant permissions: ${permission} if the repository is private (on GitHub Enterprise Server, an older version may lack the endpoint)`;
    case "rate-limited":
      return "the token hit its GitHub API rate limit; runs after the reset get it again";
    case "timeout":
      return `raise lookup-timeout (now ${seconds} s) if GitHub is slow from this runner`;
    case "over-budget":
      return `nothing: the ${MAX_REQUESTS}-request budget of a step was used up`;
    case "unavailable":
      return "none needed if GitHub was briefly unavailable; check GITHUB_API_URL and the proxy settings otherwise";
  }
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

// src/steps/plan-event.ts
init_define_ACTION_INPUT_DEFAULTS();

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
  let count3 = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count3--;
      i++;
    }
  }
  return count3;
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
var MAX_KEPT_FACT = 100;
function workflowData(context) {
  return compact({
    deployer: context.actor && shorten(context.actor, MAX_KEPT_FACT),
    triggered_by: context.triggeringActor && context.triggeringActor !== context.actor ? context.triggeringActor : void 0,
    repository: context.repository,
    commit: context.sha && shorten(context.sha, MAX_KEPT_FACT),
    ref: context.ref,
    run_url: runUrl(context),
    workflow: context.workflow,
    job: context.job,
    event_name: context.runEvent
  });
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
function derivedVersion(context, change) {
  if (change.version) return change.version;
  if (context.refType === "tag" && context.refName) return context.refName;
  return context.sha ? context.sha.slice(0, 7) : void 0;
}
function buildEvent(input) {
  const { settings, context, change, job } = input;
  const warnings = [];
  const notes = [];
  const derive = (field, value, max) => {
    if (value === void 0 || value.length <= max) return value;
    warnings.push(`The ${field} derived from the run is longer than ${max} characters and was cut. Set "${field}" to choose it.`);
    return shorten(value, max);
  };
  const source = settings.source ?? defaultSource(context);
  if (!source) {
    throw new ConfigError('Input "source" has no default outside a GitHub repository run (GITHUB_REPOSITORY is unset). Set "source", e.g. BE or //github.com/acme/api.');
  }
  const description = settings.description ?? (settings.includeContext ? change.description : void 0);
  const data = withSafeLinks(
    {
      ...description === void 0 ? {} : { description },
      ...settings.includeContext ? workflowData(context) : {},
      ...settings.includeContext ? change.data : {}
    },
    notes
  );
  if (!settings.includeContext && settings.rollbackOf) data.rollback_of = settings.rollbackOf;
  for (const [key, value] of Object.entries(settings.data)) {
    Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
  }
  claimJobKeys(data, job, settings.data, warnings, notes);
  if (typeof data.description === "string" && data.description.length > LIMITS.description) {
    warnings.push(`The description is ${data.description.length} characters; OpsTrails keeps ${LIMITS.description}, so it was cut to ${LIMITS.description}.`);
    data.description = shorten(data.description, LIMITS.description);
  }
  const event = {
    specversion: "1.0",
    id: input.id,
    type: input.type ?? settings.type,
    source,
    time: settings.time ?? input.now.toISOString(),
    datacontenttype: "application/json",
    data
  };
  const subject = settings.subject ?? derive("subject", settings.includeContext ? change.subject : void 0, LIMITS.subject);
  const version2 = settings.version ?? derive("version", settings.includeContext ? derivedVersion(context, change) : void 0, LIMITS.version);
  const severity = input.severity ?? settings.severity;
  if (subject !== void 0) event.subject = subject;
  if (severity !== void 0) event.severity = severity;
  if (version2 !== void 0) event.version = version2;
  if (settings.dataschema !== void 0) event.dataschema = settings.dataschema;
  return { event: finish(event, settings, warnings), warnings, notes };
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

// src/event/pairing.ts
init_define_ACTION_INPUT_DEFAULTS();
var import_node_crypto2 = require("node:crypto");

// src/event/track-job.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/common/step-contract.ts
init_define_ACTION_INPUT_DEFAULTS();
var END_ID_SUFFIX = "-finished";
var START_TYPE_SUFFIX = "-started";
var PAIRED_TRIGGERS = /* @__PURE__ */ new Set(["workflow_run", "deployment_status"]);

// src/event/track-job.ts
function startEventType(type) {
  return `${type}${START_TYPE_SUFFIX}`;
}
function endEventType(startType) {
  return startType.endsWith(START_TYPE_SUFFIX) ? startType.slice(0, -START_TYPE_SUFFIX.length) : startType;
}
var MAX_JOB_MS = 35 * 24 * 3600 * 1e3;
var CLOCK_SLACK_MS = 60 * 1e3;
function outcomeOf2(jobStatus) {
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
    outcome: outcomeOf2(facts.jobStatus)
  };
}
function assertEndFits(start, settings) {
  const longest = finishedJob(
    { event: start, id: start.id, startedAt: "2000-01-01T00:00:00.000Z", status: "sent" },
    {
      jobStatus: "cancelled",
      jobUrl: typeof start.data.job_url === "string" ? start.data.job_url : void 0,
      finishedAt: /* @__PURE__ */ new Date("2099-12-31T23:59:59.999Z")
    }
  );
  try {
    buildEndEvent({ start, settings, job: longest, id: endEventId(start.id), type: endEventType(start.type), severity: endSeverity(settings.failureSeverity, start.severity, "cancelled") });
  } catch (error2) {
    if (!(error2 instanceof ConfigError)) throw error2;
    throw new ConfigError(error2.problems.map((problem) => `With track-job, the end event would not fit: ${problem}`));
  }
}

// src/event/pairing.ts
function nameBasedUuid(name) {
  const bytes = (0, import_node_crypto2.createHash)("sha1").update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = bytes[6] & 15 | 80;
  bytes[8] = bytes[8] & 63 | 128;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function pairIds(work, settings) {
  const name = JSON.stringify([...work, settings.type, settings.subject ?? ""]);
  const startId = settings.id ?? nameBasedUuid(`start:${name}`);
  return { startId, endId: endEventId(startId), contextId: nameBasedUuid(`context:${name}`) };
}
function payloadTime(value) {
  if (value === void 0) return void 0;
  const time2 = new Date(value);
  return Number.isNaN(time2.getTime()) ? void 0 : time2;
}
function half(kind, ids, facts) {
  if (kind === "start") {
    return { kind, id: ids.startId, at: facts.startedAt, job: { phase: "started", contextId: ids.contextId, jobUrl: facts.jobUrl } };
  }
  const finishedAt = facts.finishedAt ?? facts.now;
  const startedAt = (facts.startedAt ?? finishedAt).toISOString();
  return {
    kind,
    id: ids.endId,
    at: finishedAt,
    job: {
      phase: "finished",
      contextId: ids.contextId,
      jobUrl: facts.jobUrl,
      parentId: ids.startId,
      startedAt,
      finishedAt: finishedAt.toISOString(),
      durationSeconds: durationSeconds(startedAt, finishedAt),
      outcome: facts.outcome
    }
  };
}
var CONCLUSIONS = /* @__PURE__ */ new Set([
  "success",
  "failure",
  "cancelled",
  "timed_out",
  "action_required",
  "startup_failure",
  "stale",
  "neutral",
  "skipped"
]);
function observedRunPhase(run2, where, settings, now) {
  const foreign = foreignCode(run2, where.repository);
  if (foreign && !settings.observeForks) {
    return {
      kind: "skip",
      reason: `Run ${run2.id} of ${quote(run2.name ?? "the watched workflow")} is not of this repository's own code (${foreign}): observer mode records only those, so no event was sent. Set observe-forks: true to record fork runs too, marked data.fork: true and never as a deploy (deployment and rollback become ${FORK_RUN_TYPE}).`
    };
  }
  const kind = run2.action === "completed" ? "end" : run2.action === "requested" || run2.action === "in_progress" ? "start" : void 0;
  if (!kind) {
    const named = run2.action === void 0 ? "no action" : `the action ${quote(run2.action)}`;
    return { kind: "skip", reason: `The workflow_run webhook of run ${run2.id} names ${named}, which is neither the start (requested, in_progress) nor the end (completed) of a run. No event was sent.` };
  }
  return half(kind, pairIds(["workflow_run", where.serverUrl, where.repository ?? "", run2.id, run2.attempt], settings), {
    jobUrl: observedRunUrl(where.serverUrl, where.repository, run2),
    startedAt: payloadTime(run2.runStartedAt) ?? payloadTime(run2.createdAt),
    finishedAt: payloadTime(run2.updatedAt),
    outcome: run2.conclusion && CONCLUSIONS.has(run2.conclusion) ? run2.conclusion : "unknown",
    now
  });
}
var DEPLOYMENT_STATE_PHASES = /* @__PURE__ */ new Map([
  ["pending", "start"],
  ["queued", "start"],
  ["in_progress", "start"],
  ["waiting", "start"],
  ["success", "end"],
  ["failure", "end"],
  ["error", "end"],
  ["inactive", "nothing"]
]);
function deploymentStatusPhase(deployment, where, facts) {
  const state = deployment.status?.state;
  const phase = state === void 0 ? void 0 : DEPLOYMENT_STATE_PHASES.get(state);
  if (phase === "nothing") {
    return {
      kind: "skip",
      reason: `Deployment ${deployment.id} is now inactive: GitHub marks a deployment so when a newer one to its environment takes its place, which is recorded as that deploy. No event was sent.`
    };
  }
  if (phase === void 0) {
    const named = state === void 0 ? "no state" : `the state ${quote(state)}`;
    return {
      kind: "skip",
      reason: `Deployment ${deployment.id} reported ${named}, which is neither the start nor the end of a deploy (pending, queued, in_progress, waiting; success, failure, error). No event was sent.`
    };
  }
  const reportedAt = payloadTime(deployment.status?.createdAt);
  return half(phase, pairIds(["deployment", where.serverUrl, where.repository ?? "", deployment.id], facts.settings), {
    jobUrl: deployment.status?.targetUrl ?? facts.runLink,
    startedAt: phase === "start" ? reportedAt : payloadTime(deployment.createdAt),
    finishedAt: reportedAt,
    outcome: state,
    now: facts.now
  });
}
function triggerPhase(context, settings, now) {
  const { trigger } = context;
  if (trigger.kind === "observed-run") return observedRunPhase(trigger.run, context, settings, now);
  if (trigger.kind === "deployment" && context.eventName === "deployment_status") {
    return deploymentStatusPhase(trigger.deployment, context, { settings, runLink: runUrl(context), now });
  }
  return void 0;
}
var FORK_RUN_TYPE = "fork-run";
var COUNTED_TYPES = /* @__PURE__ */ new Set(["deployment", "rollback", "deployment-status", "incident", "data-load"]);
function forkRunType(type) {
  return COUNTED_TYPES.has(type.toLowerCase()) ? FORK_RUN_TYPE : type;
}
function isForkRun(context) {
  return context.trigger.kind === "observed-run" && foreignCode(context.trigger.run, context.repository) !== void 0;
}

// src/steps/plan-event.ts
function pairedHalf(settings, context, now) {
  return settings.trackJob ? void 0 : triggerPhase(context, settings, now);
}
function planEvent({ settings, context, change, shipped, now, fresh }) {
  const pair = pairedHalf(settings, context, now);
  if (pair?.kind === "skip") return pair;
  const fork = pair !== void 0 && isForkRun(context);
  const recorded = fork ? { ...settings, data: { ...settings.data, fork: true }, failureSeverity: void 0 } : settings;
  const found = eventType(settings.type, INPUT_DEFAULTS.type, settings.detectRollback, shipped);
  const type = fork ? forkRunType(found) : found;
  const job = settings.trackJob ? { phase: "started", contextId: fresh.contextId, jobUrl: jobUrl(context, settings.checkRunId) ?? runUrl(context) } : pair?.job;
  const { event, warnings, notes } = buildEvent({
    settings: recorded,
    context,
    change,
    job,
    id: pair?.id ?? settings.id ?? fresh.eventId,
    type: job?.phase === "started" ? startEventType(type) : type,
    now: pair?.at ?? now,
    severity: job?.phase === "finished" ? endSeverity(recorded.failureSeverity, settings.severity, job.outcome) : void 0
  });
  if (!job && settings.failureSeverity) {
    warnings.push(
      'Input "failure-severity" has no effect on a single event: it marks the end event of track-job, of a watched workflow_run or of a deployment_status. Set track-job: true, or remove failure-severity.'
    );
  }
  if (settings.trackJob) {
    try {
      assertEndFits(event, settings);
    } catch (error2) {
      if (!(error2 instanceof ConfigError)) throw error2;
      return { kind: "refuse", event, warnings, notes, error: error2 };
    }
  }
  return {
    kind: "send",
    event,
    warnings,
    notes,
    job,
    title: job === void 0 ? "Event" : job.phase === "started" ? "Start event" : "End event",
    trackJobStart: settings.trackJob ? { event, startedAt: now.toISOString() } : void 0
  };
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
  const count3 = num(rollback ? removed?.count ?? commits?.count : commits?.count);
  if (count3 === void 0) return void 0;
  const parts = [plural(count3, "commit")];
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
  const count3 = changeCount(data, rollback);
  if (rollback) {
    const of = text(data.rollback_of);
    if (of) parts.push(`rolls back ${of}`);
    if (count3) parts.push(`takes out ${count3}`);
  } else {
    const from = since(data, event.time, "since");
    if (count3) parts.push(from ? `${count3} ${from}` : count3);
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
function setEventOutputs(report, extra = {}) {
  setOutput2("event-id", report.storedId ?? report.event.id);
  setOutput2("event-time", report.storedTime ?? report.event.time);
  setOutput2("event", JSON.stringify(report.event));
  setOutput2("status", report.status);
  for (const [name, value] of Object.entries(extra)) setOutput2(name, value);
}
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
var SHA2 = /^[0-9a-f]{40}$/;
var sha = (value) => typeof value === "string" && SHA2.test(value) ? value : void 0;
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
    const count3 = num(record(rollback ? data.removed ?? data.commits : data.commits)?.count);
    if (count3 !== void 0 && count3 > listed) out.push("", `${plural(count3 - listed, "older commit")} not listed.`);
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

// src/steps/send.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/delivery/deliver.ts
init_define_ACTION_INPUT_DEFAULTS();

// src/delivery/answer.ts
init_define_ACTION_INPUT_DEFAULTS();

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
function classify2(answer, event, mayHaveStored, route, now) {
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
    return classify2(answer, event, mayHaveStored, route, (options.clock ?? REAL_CLOCK).now());
  } catch (error2) {
    return networkFailure(error2, options.timeoutMs, remainingMs, route);
  }
}
function routeOf(eventsUrl) {
  const proxy = getProxyUrl2(eventsUrl);
  return { eventsUrl, host: new URL(eventsUrl).host, proxy: proxy ? new URL(proxy).host : void 0 };
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
  const fix2 = `Set it to the API base URL, ${DEFAULT_API_URL}, or leave it empty.`;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`Input "api-url" ${quote(raw)} is not a URL. ${fix2}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`Input "api-url" must use https://, not ${url.protocol}//. ${fix2}`);
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
    throw new ConfigError(`Input "api-url" points at the OpsTrails console or website, not its API. ${fix2}`);
  }
  if (url.hash) {
    throw new ConfigError(`Input "api-url" has a #fragment, which is never sent to the server. Remove it: ${fix2}`);
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

// src/runner/once-per-job.ts
init_define_ACTION_INPUT_DEFAULTS();
var import_node_crypto3 = require("node:crypto");
var import_node_fs3 = require("node:fs");
var import_node_path = require("node:path");
function firstTimeInJob(key, env = process.env) {
  const dir = env.RUNNER_TEMP;
  if (!dir) return true;
  const id = (0, import_node_crypto3.createHash)("sha256").update([env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB, key].join("\n")).digest("hex").slice(0, 32);
  try {
    (0, import_node_fs3.writeFileSync)((0, import_node_path.join)(dir, `opstrails-event-action-${id}`), "", { flag: "wx" });
    return true;
  } catch (error2) {
    return error2.code !== "EEXIST";
  }
}

// src/change/ticket-pattern.ts
init_define_ACTION_INPUT_DEFAULTS();
var MAX_TIMEOUT_MS = 2 ** 31 - 1;
var FIX2 = 'Simplify the pattern: without lookarounds, backreferences and large {n,m} counts it runs in linear time, e.g. "[A-Z]+-\\d+".';
async function extractTicketsGuarded(texts, options) {
  const { pattern, budgetMs, ...rest } = options;
  if (!pattern) return { tickets: extractTickets(texts, rest) };
  const timeout = Math.min(MAX_TIMEOUT_MS, Math.max(1, Math.ceil(budgetMs) || 1));
  const re2Source = sharedSyntax(pattern);
  const [vm, re2] = await Promise.all([import("node:vm"), re2Source === void 0 ? void 0 : import("./re2js.cjs")]);
  const runnable = () => re2 && re2Source !== void 0 && re2Matcher(re2.RE2JS, re2Source, pattern.flags) || pattern;
  let keys;
  try {
    keys = vm.runInNewContext("findUserKeys()", { findUserKeys: () => findUserKeys(runnable(), texts, rest.max) }, { timeout });
  } catch (error2) {
    const problem = error2?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT" ? `took longer than ${duration(timeout)} on this run's text` : `failed on this run's text (${error2 instanceof Error ? error2.name : "error"})`;
    return { tickets: extractTickets(texts, rest), warning: `Input "ticket-pattern" ${problem}, so the built-in ticket pattern was used. ${FIX2}` };
  }
  return { tickets: ticketsFromKeys(texts, keys, rest) };
}
function re2Matcher(RE2JS, source, flags) {
  let compiled;
  try {
    compiled = RE2JS.compile(source, (flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes("s") ? RE2JS.DOTALL : 0));
  } catch {
    return void 0;
  }
  const hasGroup = compiled.groupCount() >= 1;
  return function* re2Matches(text2) {
    const matcher = compiled.matcher(text2);
    while (matcher.find()) {
      const ticket = (hasGroup ? matcher.group(1) : null) ?? matcher.group() ?? "";
      if (ticket !== "") yield { index: matcher.start(), ticket };
    }
  };
}
var JS_SPACE = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
var JS_DOT = "[^\\n\\r\\x{2028}\\x{2029}]";
var SAME_ESCAPES = /* @__PURE__ */ new Set(["d", "D", "w", "W", "b", "B", "n", "r", "t", "f"]);
function sharedSyntax(pattern) {
  if (/[mv]/.test(pattern.flags) || pattern.flags.includes("u") && pattern.flags.includes("i")) return void 0;
  const source = pattern.source;
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      const next = source[++i];
      if (next === void 0) return void 0;
      if (next === "s" || next === "S") {
        if (inClass && next === "S") return void 0;
        out += inClass ? JS_SPACE : next === "s" ? `[${JS_SPACE}]` : `[^${JS_SPACE}]`;
      } else if (SAME_ESCAPES.has(next) && !(inClass && (next === "b" || next === "B"))) {
        out += `\\${next}`;
      } else if (/^[!-/:-@[-`{-~]$/.test(next)) {
        out += `\\${next}`;
      } else {
        return void 0;
      }
    } else if (inClass) {
      if (char === "[" && source[i + 1] === ":") return void 0;
      if (char === "]") inClass = false;
      out += char;
    } else if (char === "[") {
      const body = source[i + 1] === "^" ? source[i + 2] : source[i + 1];
      if (body === "]") return void 0;
      inClass = true;
      out += char;
      if (source[i + 1] === "^") out += source[++i];
    } else if (char === "(" && source[i + 1] === "?") {
      if (source[i + 2] !== ":" && !(source[i + 2] === "<" && /[A-Za-z_$]/.test(source[i + 3] ?? ""))) return void 0;
      out += char;
    } else if (char === "." && !pattern.flags.includes("s")) {
      out += JS_DOT;
    } else {
      out += char;
    }
  }
  return out;
}

// src/steps/main.ts
var MIN_PATTERN_BUDGET_MS = 100;
async function run() {
  const raw = readInputs();
  const policy = readStepPolicy(raw);
  try {
    await runMain(raw, policy);
  } catch (error2) {
    reportUnexpected(error2, policy.onError);
  }
}
async function lookUp(settings, context, eventTime) {
  const plan = planLookups(context, settings);
  if (!plan) return void 0;
  const outcome = await runLookups(plan, { eventTime, workspace: process.env.GITHUB_WORKSPACE });
  log.debug(`GitHub lookups: ${outcome.requestCount} requests.`);
  if (outcome.debug) log.debug(outcome.debug);
  if (outcome.notice && firstTimeInJob(`lookup-notice:${outcome.grant?.join(",") ?? outcome.notice}`)) log.notice(outcome.notice);
  else if (outcome.notice) log.debug(`${outcome.notice} (An earlier step of this job gave this notice.)`);
  for (const note of outcome.notes) log.info(note);
  const { shipped } = outcome;
  if (shipped?.rollback) {
    const type = eventType(settings.type, INPUT_DEFAULTS.type, settings.detectRollback, shipped);
    const recorded = type === "rollback" ? "recorded as type rollback" : `type stays ${JSON.stringify(settings.type)}`;
    log.info(
      `This commit is behind the previous deploy (${shipped.previous.version ?? shipped.previous.ref}, found by ${shipped.previous.foundBy}): it takes out ${shipped.count} commit${shipped.count === 1 ? "" : "s"}, ${recorded}.`
    );
  }
  return outcome;
}
async function findTickets(settings, context, found, budgetMs) {
  if (!settings.includeContext || !settings.ticketPattern) return void 0;
  const guarded = await extractTicketsGuarded(ticketTexts(context, found, settings.description), {
    pattern: settings.ticketPattern,
    repository: context.repository,
    budgetMs: Math.max(MIN_PATTERN_BUDGET_MS, budgetMs)
  });
  if (guarded.warning) log.warning(guarded.warning);
  return guarded.tickets;
}
async function runMain(raw, policy) {
  const now = /* @__PURE__ */ new Date();
  if (policy.trackJob) saveState2("track-job" /* TrackJob */, "true");
  try {
    const settings = await parseSettings(raw, process.env);
    for (const warning2 of settings.warnings) log.warning(warning2);
    const { payload, problem } = readEventPayload(process.env.GITHUB_EVENT_PATH);
    if (problem) log.warning(`${problem}; the event is sent with less context.`);
    const runContext = withDeployedCommit(buildWorkflowContext(process.env, payload), settings.commit);
    const pair = pairedHalf(settings, runContext, now);
    if (pair?.kind === "skip") return skip(pair.reason);
    const contextDeadline = Date.now() + settings.lookupTimeoutMs;
    const lookups = pair && isForkRun(runContext) ? void 0 : await lookUp(settings, runContext, settings.time && settings.time !== "NOW" ? new Date(settings.time) : now);
    const resolved = lookups?.commit ? { ...runContext, sha: lookups.commit } : runContext;
    const context = lookups?.tag ? withConfirmedTag(resolved, lookups.tag) : resolved;
    const found = lookups?.found ?? {};
    const tickets = await findTickets(settings, context, found, contextDeadline - Date.now());
    const change = collectChange(context, { rollbackOf: settings.rollbackOf, tickets, description: settings.description }, found);
    const plan = planEvent({ settings, context, change, shipped: lookups?.shipped, now, fresh: { eventId: (0, import_node_crypto4.randomUUID)(), contextId: (0, import_node_crypto4.randomUUID)() } });
    if (plan.kind === "skip") return skip(plan.reason);
    for (const note of plan.notes) log.debug(note);
    for (const warning2 of plan.warnings) log.warning(warning2);
    if (plan.kind === "refuse") throw plan.error;
    const { event, job, title, trackJobStart } = plan;
    if (trackJobStart) {
      saveState2("start-event" /* StartEvent */, JSON.stringify(trackJobStart.event));
      saveState2("started-at" /* StartedAt */, trackJobStart.startedAt);
    }
    const report = await sendEvent({ event, title, settings, runUrl: runUrl(context), moment: trackJobStart ? "job-start" : "alone" });
    publishOutputs(report, job ? { "context-id": job.contextId } : {}, settings);
    if (trackJobStart) {
      saveState2("start-status" /* StartStatus */, report.status);
      saveState2("start-id" /* StartId */, report.storedId ?? event.id);
    }
  } catch (error2) {
    if (!(error2 instanceof ConfigError)) throw error2;
    if (policy.trackJob) saveState2("config-failed" /* ConfigFailed */, "true");
    reportConfigError(error2, verdictFor(error2, policy.onError, policy.trackJob ? "job-start" : "alone"));
  }
}
function skip(reason) {
  log.info(reason);
  setOutput2("status", "skipped");
}
function publishOutputs(report, extra, settings) {
  try {
    setEventOutputs(report, extra);
  } catch (error2) {
    const line2 = `The step's outputs could not be written (${error2.message}); the event's status is ${report.status}.`;
    if (settings.onError === "fail") log.fail(line2);
    else log.warning(line2);
  }
}

// src/entry/exit.ts
init_define_ACTION_INPUT_DEFAULTS();
function exitWhenDone() {
  process.exit();
}

// src/entry/main.ts
void run().finally(exitWhenDone);
