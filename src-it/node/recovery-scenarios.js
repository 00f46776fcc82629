// Connection state recovery against SocketEE's recovery test application
// (src-it/java/io/socketee/it/recovery), with socket.io-client 4.x. One JSON line per scenario,
// then the summary line of scenario-kit.js.
//
// Usage: node recovery-scenarios.js --url http://127.0.0.1:PORT/contextRoot/ [--transport polling|websocket]
"use strict";
const assert = require("assert");
const crypto = require("crypto");
const { io } = require("socket.io-client");

const { within, runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");

const STEP_TIMEOUT = 10000;
const args = parseArgs(process.argv, "node recovery-scenarios.js --url URL [--transport polling|websocket]", ["url"]);
const BASE = new URL(args.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const TRANSPORT = args.transport || "websocket";
const opened = [];
honourLifeline();

function connect() {
  const socket = io(BASE.origin + "/", {
    path: PATH, transports: [TRANSPORT], forceNew: true, timeout: STEP_TIMEOUT,
    reconnectionDelay: 100, reconnectionDelayMax: 200, randomizationFactor: 0,
  });
  opened.push(socket);
  socket.received = [];
  socket.onAny((event, ...a) => socket.received.push({ event, args: a, connected: socket.connected }));
  return within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  }), "connect");
}

function ask(socket, event, ...a) {
  return within(STEP_TIMEOUT, socket.emitWithAck(event, ...a), "ack of " + event);
}

function next(socket, event) {
  const seen = socket.received.find((r) => r.event === event);
  if (seen) return Promise.resolve(seen);
  return within(STEP_TIMEOUT, new Promise((resolve) => socket.once(event, (...a) => resolve({ event, args: a }))), event);
}

const SCENARIOS = {
  async "a client that drops recovers its id, rooms, data and missed events"() {
    const room = "r-" + crypto.randomBytes(4).toString("hex");
    const [c, d] = await Promise.all([connect(), connect()]);
    await ask(c, "join", room);
    await ask(c, "set", "user", "ann");
    await ask(d, "broadcast", room, "e1", "x");
    const e1 = await next(c, "e1");
    assert.strictEqual(e1.args[0], "x");
    assert.strictEqual(typeof e1.args[1], "string", "the offset comes last");
    const before = await ask(c, "whoami");
    const id = c.id;
    const dropped = new Promise((resolve) => c.once("disconnect", resolve));
    c.io.engine.close();
    // the client reports "forced close"; the server sees the transport close, a reason it keeps sessions for
    assert.strictEqual(await within(STEP_TIMEOUT, dropped, "disconnect"), "forced close");
    await ask(d, "broadcast", room, "missed", 42);
    await within(STEP_TIMEOUT, new Promise((resolve) => c.once("connect", resolve)), "reconnect");
    assert.ok(c.recovered, "the client says recovered");
    assert.strictEqual(c.id, id);
    const missed = await next(c, "missed");
    assert.strictEqual(missed.args[0], 42);
    const me = await ask(c, "whoami");
    assert.strictEqual(me.id, id);
    assert.strictEqual(me.recovered, true);
    assert.deepStrictEqual(me.rooms, [id, room]);
    assert.deepStrictEqual(me.data, { user: "ann" });
    assert.strictEqual(me.admissions, before.admissions, "middleware skipped on recovery");
  },

  async "a client that leaves on purpose starts afresh"() {
    const c = await connect();
    const first = c.id;
    c.disconnect();
    c.connect();
    await within(STEP_TIMEOUT, new Promise((resolve) => c.once("connect", resolve)), "connect again");
    assert.notStrictEqual(c.id, first);
    assert.ok(!c.recovered);
  },
};

runScenarios(SCENARIOS, {
  timeoutMs: 30000,
  afterEach: () => opened.splice(0).forEach((s) => s.disconnect()),
});
