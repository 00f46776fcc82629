// Drives socket.io-client 4.x against SocketEE's programming-model test application
// (src-it/java/io/socketee/it/model) and reports one JSON line per scenario.
//
// Usage: node model-scenarios.js --url http://127.0.0.1:PORT/contextRoot/
//                                [--transport polling|websocket] [--only name,name]
//   Prints {"scenario":...,"ok":true|false,"error":...} per scenario, then the summary line of
//   scenario-kit.js; exits 1 if any failed, 2 on bad usage. With SOCKETEE_STDIN_LIFELINE=1 it exits (code 3) when its stdin closes.
//   Scenarios run one after the other; each uses rooms named with a fresh tag.
"use strict";
const assert = require("assert");
const crypto = require("crypto");
const { io } = require("socket.io-client");

const STEP_TIMEOUT = 10000;

const USAGE = "node model-scenarios.js --url URL [--transport polling|websocket] [--only a,b]";
const { within, runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");

const ARGS = parseArgs(process.argv, USAGE, ["url"]);
if (!["polling", "websocket"].includes(ARGS.transport || "websocket")) {
  console.error("--transport must be polling or websocket\nusage: " + USAGE);
  process.exit(2);
}
const BASE = new URL(ARGS.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const TRANSPORT = ARGS.transport || "websocket";
const opened = [];

honourLifeline();

function tag() {
  return crypto.randomBytes(4).toString("hex");
}

/** A connected client of `nsp`, with a recorder of every event it receives. */
async function client(nsp = "/ops", auth = {}, query = {}, extraHeaders = {}) {
  const socket = io(BASE.origin + nsp, {
    path: PATH, transports: [TRANSPORT], forceNew: true, reconnection: false, timeout: STEP_TIMEOUT, auth, query,
    extraHeaders,
  });
  opened.push(socket);
  socket.received = [];
  socket.onAny((event, ...args) => socket.received.push({ event, args }));
  await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  }), "connect to " + nsp);
  return socket;
}

/** Resolves with the args of the next (or an already received) `event`. */
function next(socket, event) {
  const seen = socket.received.find((r) => r.event === event);
  if (seen) return Promise.resolve(seen.args);
  return within(STEP_TIMEOUT, new Promise((resolve) => socket.once(event, (...args) => resolve(args))), event);
}

function ask(socket, event, ...args) {
  return within(STEP_TIMEOUT, socket.emitWithAck(event, ...args), "ack of " + event);
}

function op(socket, spec) {
  return ask(socket, "op", spec);
}

function events(socket) {
  return socket.received.map((r) => r.event);
}

/** Broadcasts a fence to `room` and waits until every socket got it: what came before is in. */
async function fence(driver, room, sockets) {
  const name = "fence-" + tag();
  await op(driver, { call: "emit", rooms: [room], event: name });
  await Promise.all(sockets.map((s) => next(s, name)));
}

// ---------------------------------------------------------------------------------------------

const SCENARIOS = {
  async "several rooms and except select once each"() {
    const t = tag();
    const [a, b, c, driver] = await Promise.all([client(), client(), client(), client()]);
    await ask(a, "join", "r1-" + t);
    await ask(b, "join", "r2-" + t);
    await ask(c, "join", "r1-" + t);
    await ask(c, "join", "muted-" + t);
    for (const s of [a, b, c]) await ask(s, "join", "all-" + t);
    await op(driver, { call: "emit", rooms: ["r1-" + t, "r2-" + t], except: ["muted-" + t], event: "hit", args: [1] });
    await fence(driver, "all-" + t, [a, b, c]);
    assert.deepStrictEqual(events(a).filter((e) => e === "hit").length, 1);
    assert.deepStrictEqual(events(b).filter((e) => e === "hit").length, 1);
    assert.ok(!events(c).includes("hit"), "the excepted socket got the event");
    assert.ok(!events(driver).includes("hit"), "a socket in no selected room got the event");
  },

  async "emitWithAck collects every answer"() {
    const t = tag();
    const [a, b, driver] = await Promise.all([client(), client(), client()]);
    for (const s of [a, b]) {
      s.on("q", (x, cb) => cb(s.id + ":" + x));
      await ask(s, "join", "ack-" + t);
    }
    const result = await op(driver, { call: "emitWithAck", rooms: ["ack-" + t], timeout: 5000, event: "q", args: [7] });
    assert.strictEqual(result.error, null);
    assert.deepStrictEqual(result.responses.sort(), [a.id + ":7", b.id + ":7"].sort());
  },

  async "emitWithAck times out with the answers it got"() {
    const t = tag();
    const [a, b, driver] = await Promise.all([client(), client(), client()]);
    a.on("q", (cb) => cb("fast"));
    b.on("q", () => { /* never answers */ });
    await ask(a, "join", "slow-" + t);
    await ask(b, "join", "slow-" + t);
    const result = await op(driver, { call: "emitWithAck", rooms: ["slow-" + t], timeout: 500, event: "q" });
    assert.strictEqual(result.error, "operation has timed out");
    assert.deepStrictEqual(result.responses, ["fast"]);
  },

  async "emitWithAck to nobody answers an empty list"() {
    const driver = await client();
    const result = await op(driver, { call: "emitWithAck", rooms: ["nobody-" + tag()], timeout: 500, event: "q" });
    assert.deepStrictEqual(result, { error: null, responses: [] });
  },

  async "fetchSockets returns handles that act on the socket"() {
    const t = tag();
    const [a, driver] = await Promise.all([client("/ops", { user: "ann" }), client()]);
    await ask(a, "join", "fetch-" + t);
    await ask(a, "set-data", "nick", "annie");
    const found = await op(driver, { call: "fetchSockets", rooms: ["fetch-" + t] });
    assert.deepStrictEqual(found, [{ id: a.id, rooms: [a.id, "fetch-" + t], data: { nick: "annie" }, auth: { user: "ann" } }]);
    assert.strictEqual(await op(driver, { call: "remoteEmit", rooms: ["fetch-" + t], event: "fetched" }), 1);
    assert.deepStrictEqual(await next(a, "fetched"), [a.id]);
    a.on("remote-q", (cb) => cb("from " + a.id));
    assert.strictEqual(await op(driver, { call: "remoteAsk", rooms: ["fetch-" + t], event: "remote-q" }), "from " + a.id);
  },

  async "socketsJoin and socketsLeave move the selected sockets"() {
    const t = tag();
    const [a, b, driver] = await Promise.all([client(), client(), client()]);
    await ask(a, "join", "src-" + t);
    for (const s of [a, b]) await ask(s, "join", "all-" + t);
    await op(driver, { call: "socketsJoin", rooms: ["src-" + t], event: "dst-" + t });
    let found = await op(driver, { call: "fetchSockets", rooms: ["dst-" + t] });
    assert.deepStrictEqual(found.map((f) => f.id), [a.id]);
    await op(driver, { call: "emit", rooms: ["dst-" + t], event: "moved" });
    await next(a, "moved");
    await op(driver, { call: "socketsLeave", rooms: ["src-" + t], event: "dst-" + t });
    found = await op(driver, { call: "fetchSockets", rooms: ["dst-" + t] });
    assert.deepStrictEqual(found, []);
    await fence(driver, "all-" + t, [a, b]);
    assert.ok(!events(b).includes("moved"));
  },

  async "disconnectSockets disconnects the selection"() {
    const t = tag();
    const [a, b, driver] = await Promise.all([client(), client(), client()]);
    await ask(a, "join", "kick-" + t);
    const reason = within(STEP_TIMEOUT, new Promise((resolve) => a.on("disconnect", resolve)), "disconnect");
    await op(driver, { call: "disconnectSockets", rooms: ["kick-" + t], close: false });
    assert.strictEqual(await reason, "io server disconnect");
    assert.ok(b.connected, "a socket outside the room stays connected");
  },

  async "volatile events reach idle clients"() {
    const t = tag();
    const [a, driver] = await Promise.all([client(), client()]);
    await ask(a, "join", "vol-" + t);
    await op(driver, { call: "emit", rooms: ["vol-" + t], volatileFlag: true, event: "pos", args: [3] });
    await fence(driver, "vol-" + t, [a]);
    // a volatile event may be dropped when the transport is busy; an idle WebSocket is not busy
    if (TRANSPORT === "websocket") assert.deepStrictEqual(await next(a, "pos"), [3]);
  },

  async "a socket's own volatile event is sent when its transport can take it (seed 003)"() {
    const a = await client();
    const sent = await op(a, { call: "emitVolatileToSelf", event: "tweet", args: ["bieber", 1] });
    assert.strictEqual(typeof sent, "boolean", JSON.stringify(sent));
    // an idle WebSocket can always take it; a polling client only while a GET is waiting
    if (TRANSPORT === "websocket") assert.strictEqual(sent, true, "an idle WebSocket takes a volatile event");
    await fence(a, a.id, [a]);
    assert.strictEqual(events(a).includes("tweet"), sent, "received exactly when sent: " + events(a));
    if (sent) assert.deepStrictEqual(await next(a, "tweet"), ["bieber", 1]);
  },

  async "serverSideEmitWithAck on one server answers an empty list"() {
    const driver = await client();
    assert.deepStrictEqual(await op(driver, { call: "serverSideEmitWithAck", event: "ping" }), []);
  },

  async "catch-all listeners see incoming and outgoing events"() {
    const t = tag();
    const a = await client();
    await ask(a, "join", "any-" + t);
    a.emit("first", 1);
    a.emit("second");
    await op(a, { call: "emit", rooms: ["any-" + t], event: "broadcasted" });
    await next(a, "broadcasted");
    const [incoming, outgoing] = await within(STEP_TIMEOUT, new Promise((resolve) =>
      a.emit("catch-all", (inc, out) => resolve([inc, out]))), "catch-all");
    assert.deepStrictEqual(incoming, ["join", "first", "second", "op", "catch-all"]);
    assert.deepStrictEqual(outgoing, ["broadcasted"]);
  },

  async "dynamic namespaces are created by pattern and reached through the parent"() {
    const name = "/dyn-" + tag();
    const d = await client(name);
    assert.strictEqual(await ask(d, "whoami"), name);
    const refused = io(BASE.origin + "/nomatch-" + tag(), { path: PATH, transports: [TRANSPORT], forceNew: true, reconnection: false });
    opened.push(refused);
    const error = await within(STEP_TIMEOUT, new Promise((resolve) => refused.on("connect_error", resolve)), "connect_error");
    assert.strictEqual(error.message, "Invalid namespace");
    const driver = await client();
    await op(driver, { call: "emit", nsp: "parent", event: "to-children", args: ["x"] });
    assert.deepStrictEqual(await next(d, "to-children"), ["x"]);
  },

  async "a controller's typed handler answers the ack with its result"() {
    const c = await client("/ctl");
    assert.deepStrictEqual(await next(c, "welcome"), [c.id]);
    assert.strictEqual(await ask(c, "add", { x: 2, y: 3 }, 10), "sum=50");
    assert.deepStrictEqual(await ask(c, "later", "hi"), ["hi", "hi"]);
  },

  async "a failing handler answers with an error and keeps the socket"() {
    const c = await client("/ctl");
    assert.deepStrictEqual(await ask(c, "boom"), { error: "Internal server error" });
    assert.deepStrictEqual(await next(c, "handler-error"), ["boom"]);
    assert.deepStrictEqual(await ask(c, "refuse"), { error: "not allowed" });
    assert.deepStrictEqual(await ask(c, "add", "not a point", 1), { error: "invalid arguments" });
    assert.ok(c.connected);
    assert.strictEqual(await ask(c, "add", { x: 1, y: 1 }, 1), "sum=2");
  },

  async "handlers run with the application's context"() {
    const c = await client("/ctl");
    assert.strictEqual(await ask(c, "context"), "cdi=true jndi=true");
  },

  async "disconnect handlers see the reason"() {
    const [a, b] = await Promise.all([client("/ctl"), client("/ctl")]);
    const id = a.id;
    a.disconnect();
    let departures = [];
    for (let i = 0; i < 50 && !departures.includes(id + " client namespace disconnect"); i++) {
      departures = await ask(b, "departures");
      if (!departures.includes(id + " client namespace disconnect")) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(departures.includes(id + " client namespace disconnect"), JSON.stringify(departures));
  },

  async "egg auth middleware refuses an unknown room with its message and data"() {
    const error = await client("/egg", {}, { room: "gone", userId: "u1" }).then(() => null, (e) => e);
    assert.ok(error, "connected to a deleted room");
    assert.strictEqual(error.message, "deleted, room has been deleted.");
    assert.deepStrictEqual(error.data, { type: "deleted" });
  },

  async "egg auth middleware joins the room and the roster hears joins and leaves"() {
    const a = await client("/egg", {}, { room: "demo", userId: "a" });
    assert.strictEqual(await ask(a, "chain"), "audit,auth", "middleware ran by @Priority");
    const b = await client("/egg", {}, { room: "demo", userId: "b" });
    const bId = b.id;
    const joined = await waitFor(a, "online", (m) => m.action === "join" && m.clients.includes(bId));
    assert.strictEqual(joined.message, "User(" + bId + ") joined.");
    b.disconnect();
    const left = await waitFor(a, "online", (m) => m.action === "leave" && m.message === "User(" + bId + ") leaved.");
    assert.ok(!left.clients.includes(bId), JSON.stringify(left));
  },

  async "egg exchange routes a message to its target"() {
    const [a, b] = await Promise.all([client("/egg", {}, { room: "demo" }), client("/egg", {}, { room: "demo" })]);
    a.emit("exchange", { target: b.id, payload: { msg: "test" } });
    const [msg] = await next(b, b.id);
    assert.deepStrictEqual(msg.data, { action: "exchange", payload: { msg: "test" } });
    assert.strictEqual(msg.meta.client, a.id);
    assert.strictEqual(msg.meta.target, b.id);
  },

  async "egg packet middleware reads, changes, drops and refuses packets"() {
    const a = await client("/egg", {}, { room: "demo" });
    assert.strictEqual(await ask(a, "echo", "my secret"), "my ***");
    assert.deepStrictEqual(await next(a, "res"), ["packet received!"]);
    a.emit("noise", 1);
    assert.deepStrictEqual(await ask(a, "exchange", { payload: 1 }), { error: "a target is required", data: { event: "exchange" } });
    a.emit("exchange", {});
    assert.deepStrictEqual(await next(a, "error"), [{ event: "exchange", message: "a target is required", data: { event: "exchange" } }]);
    assert.strictEqual(await ask(a, "echo", "still here"), "still here");
  },

  async "a route in configuration reaches a plain bean method"() {
    const a = await client("/egg", {}, { room: "demo" });
    assert.strictEqual(await ask(a, "ping", "ann"), "pong ann from /egg");
  },

  async "an IdGenerator bean makes the connection ids"() {
    const c = await client("/ctl", {}, { idprefix: "Egg" });
    assert.ok(/^Egg[A-Za-z0-9_-]{17}$/.test(c.io.engine.id), c.io.engine.id);
  },

  async "handlers reach the HTTP session of the handshake"() {
    const response = await fetch(new URL("login?user=ann", BASE));
    const cookie = (response.headers.get("set-cookie") || "").split(";")[0];
    assert.ok(cookie.includes("="), "no session cookie: " + response.headers.get("set-cookie"));
    const c = await client("/ctl", {}, {}, { cookie });
    assert.strictEqual(await ask(c, "session-user"), "ann/ann");
    const anonymous = await client("/ctl");
    assert.strictEqual(await ask(anonymous, "session-user"), "none/none");
  },

  async "a handler bean serves each child of a dynamic namespace under its own name"() {
    const t = tag();
    const [a, b] = await Promise.all([client("/workspace-" + t + "a", MEMBER), client("/workspace-" + t + "b", MEMBER)]);
    assert.strictEqual(await ask(a, "whoami"), "/workspace-" + t + "a");
    assert.strictEqual(await ask(b, "whoami"), "/workspace-" + t + "b");
    const error = await client("/workspace-", MEMBER).then(() => null, (e) => e);
    assert.ok(error, "connected to a name the pattern does not find");
    assert.strictEqual(error.message, "Invalid namespace");
  },

  async "configured connection middleware of a dynamic namespace refuses, admits and runs after the socket leaves"() {
    const name = "/workspace-" + tag();
    const refused = await client(name, { token: "guest" }).then(() => null, (e) => e);
    assert.ok(refused, "a guest was admitted");
    assert.strictEqual(refused.message, "not a member");
    assert.deepStrictEqual(refused.data, { workspace: name });
    const [a, b] = await Promise.all([client(name, MEMBER), client(name, MEMBER)]);
    const id = a.id;
    const expected = id + " left " + name + " after client namespace disconnect";
    a.disconnect();
    let departures = [];
    for (let i = 0; i < 50 && !departures.includes(expected); i++) {
      departures = await ask(b, "departures");
      if (!departures.includes(expected)) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(departures.includes(expected), JSON.stringify(departures));
  },

  async "configured packet middleware of a dynamic namespace runs on every packet"() {
    const w = await client("/workspace-" + tag(), MEMBER);
    w.emit("unhandled", 1);
    w.emit("unhandled", 2);
    assert.strictEqual(await ask(w, "packets"), 3);
    assert.strictEqual(await ask(w, "packets"), 4);
  },

  async "a configured route of a dynamic namespace dispatches to a bean method"() {
    const name = "/workspace-" + tag();
    const w = await client(name, MEMBER);
    assert.strictEqual(await ask(w, "ping", "ann"), "pong ann from " + name);
  },
};

/** The auth of a workspace member (src-it/java/io/socketee/it/model/app/WorkspaceGuard.java). */
const MEMBER = { token: "member" };

/** The first `event` (already received or coming) whose first argument passes `test`. */
function waitFor(socket, event, test) {
  const seen = socket.received.find((r) => r.event === event && test(r.args[0]));
  if (seen) return Promise.resolve(seen.args[0]);
  return within(STEP_TIMEOUT, new Promise((resolve) => {
    const listener = (m) => {
      if (test(m)) {
        socket.off(event, listener);
        resolve(m);
      }
    };
    socket.on(event, listener);
  }), event);
}

runScenarios(SCENARIOS, {
  only: ARGS.only ? ARGS.only.split(",") : null,
  timeoutMs: 30000,
  timed: true,
  afterEach: () => opened.splice(0).forEach((s) => s.disconnect()),
});
