// Drives the official clients against SocketEE's Engine.IO hooks test application
// (src-it/java/io/socketee/it/hooks): an AsyncAllowRequest that decides 300 ms later, and
// handlers that answer with the X-Trace header of the polling request carrying their packet.
//
// Usage: node hooks-scenarios.js <url of the application, e.g. http://127.0.0.1:9081/ctx/>
//   Prints one JSON line per scenario, then the summary line of scenario-kit.js.
"use strict";
const assert = require("assert");
const { io } = require("socket.io-client");
const { Socket } = require("engine.io-client");
const { within, runScenarios } = require("./scenario-kit");

const STEP_TIMEOUT = 10000;
const BASE = new URL(process.argv[2]);
const ROOT = BASE.pathname.replace(/\/?$/, "/");
const opened = [];

/** A socket.io-client of "/" on one transport, connected once the server's late check allows it. */
async function sioClient(transport, query = {}) {
  const socket = io(BASE.origin, {
    path: ROOT + "socket.io", transports: [transport], forceNew: true, reconnection: false,
    timeout: STEP_TIMEOUT, query, extraHeaders: { "x-trace": "trace-" + transport },
  });
  opened.push(socket);
  await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  }), "connect over " + transport);
  return socket;
}

/** An engine.io-client of /traced on one transport, with the text messages it receives. */
async function engineClient(transport) {
  const socket = new Socket(BASE.origin, {
    path: ROOT + "traced/", transports: [transport], upgrade: false,
    extraHeaders: { "x-trace": "raw-" + transport },
  });
  opened.push(socket);
  socket.received = [];
  socket.on("message", (m) => socket.received.push(m));
  await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.on("open", resolve);
    socket.on("error", reject);
  }), "open /traced over " + transport);
  return socket;
}

async function nextMessage(socket) {
  await within(STEP_TIMEOUT, new Promise((resolve) => {
    if (socket.received.length) return resolve();
    socket.once("message", () => resolve());
  }), "a message");
  return socket.received.shift();
}

const scenarios = {
  // the late check allows: the client connects, over polling its events carry the POST's header
  "polling-current-request": async () => {
    const s = await sioClient("polling");
    assert.strictEqual(await within(STEP_TIMEOUT, s.emitWithAck("whoami"), "whoami"), "trace-polling");
  },
  "websocket-no-current-request": async () => {
    const s = await sioClient("websocket");
    assert.strictEqual(await within(STEP_TIMEOUT, s.emitWithAck("whoami"), "whoami"), "none");
  },
  // the late check refuses: the client gets a connect_error and never connects
  "late-refusal": async () => {
    await assert.rejects(sioClient("polling", { deny: "1" }));
    await assert.rejects(sioClient("websocket", { deny: "1" }));
  },
  "engine-polling-current-request": async () => {
    const s = await engineClient("polling");
    s.send("who");
    assert.strictEqual(await nextMessage(s), "trace:raw-polling");
  },
  "engine-websocket-no-current-request": async () => {
    const s = await engineClient("websocket");
    s.send("who");
    assert.strictEqual(await nextMessage(s), "trace:none");
  },
};

runScenarios(scenarios, {
  timeoutMs: 30000,
  afterEach: () => {
    opened.splice(0).forEach((s) => (s.disconnect ? s.disconnect() : s.close()));
  },
});
