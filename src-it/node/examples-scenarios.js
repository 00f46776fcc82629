// Drives the P2P exchange and signed HTTP push examples (src-it/demo, io.socketee.demo.p2p and
// .push) with socket.io-client 4 and plain HTTP, refusals included, and reports one JSON line per
// scenario, like model-scenarios.js. The push keys are read from the demo's own configuration
// (src-it/demo/resources/META-INF/microprofile-config.properties).
//
// Usage: node examples-scenarios.js --url http://127.0.0.1:PORT/contextRoot/ [--transport polling|websocket]
//   Exits 1 if any scenario failed, 2 on bad usage; with SOCKETEE_STDIN_LIFELINE=1 it exits
//   (code 3) when its stdin closes.
"use strict";
const assert = require("assert");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { io } = require("socket.io-client");

const STEP_TIMEOUT = 10000;

const USAGE = "node examples-scenarios.js --url URL [--transport polling|websocket]";
const { within, runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");

const ARGS = parseArgs(process.argv, USAGE, ["url"]);
if (!["polling", "websocket"].includes(ARGS.transport || "websocket")) {
  console.error("--transport must be polling or websocket\nusage: " + USAGE);
  process.exit(2);
}
const BASE = new URL(ARGS.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const TRANSPORT = ARGS.transport || "websocket";
const CONFIG = readProperties(path.join(__dirname, "..", "demo", "resources", "META-INF", "microprofile-config.properties"));
const opened = [];

honourLifeline();

function readProperties(file) {
  const props = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([^#=\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (m) props[m[1]] = m[2].trim();
  }
  return props;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A socket of `nsp` (not yet connected), recording every event it receives. */
function socketOf(nsp, query = {}) {
  const socket = io(BASE.origin + nsp, {
    path: PATH, transports: [TRANSPORT], forceNew: true, reconnection: false, timeout: STEP_TIMEOUT, query,
  });
  opened.push(socket);
  socket.received = [];
  socket.onAny((event, ...args) => socket.received.push({ event, args }));
  return socket;
}

async function connected(nsp, query) {
  const socket = socketOf(nsp, query);
  await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  }), "connect to " + nsp);
  return socket;
}

/** Resolves with the first args of `event` (already received or next) that satisfy `test`. */
function next(socket, event, test = () => true) {
  const seen = socket.received.find((r) => r.event === event && test(...r.args));
  if (seen) return Promise.resolve(seen.args);
  return within(STEP_TIMEOUT, new Promise((resolve) => {
    const listener = (ev, ...args) => {
      if (ev === event && test(...args)) {
        socket.offAny(listener);
        resolve(args);
      }
    };
    socket.onAny(listener);
  }), event);
}

// ---- P2P ------------------------------------------------------------------------------------

const roster = (action, ...ids) => (msg) => msg.action === action && ids.every((id) => msg.clients.includes(id));

// ---- push -----------------------------------------------------------------------------------

const HMAC_APP = "signatureApp";
const LEGACY_APP = "centralServiceApp";
const key = (app) => CONFIG["demo.push.app." + app + ".key"];

function hmacSign(app, timestamp, body, k = key(app)) {
  return crypto.createHmac("sha256", k).update(app + "\n" + timestamp + "\n" + body).digest("hex");
}

async function post(body, signature) {
  const headers = { "Content-Type": "application/json" };
  if (signature !== undefined) headers["X-Signature"] = signature;
  const response = await fetch(new URL("api/transportMessage", BASE), { method: "POST", headers, body });
  return { status: response.status, json: await response.json().catch(() => null) };
}

/** A signed request (HMAC mode) as body text and signature. */
function signed(fields, { timestamp = Date.now(), k } = {}) {
  const body = JSON.stringify({ timestamp, app: HMAC_APP, ...fields });
  return { body, signature: hmacSign(HMAC_APP, timestamp, body, k) };
}

async function pushClient(userId) {
  const socket = await connected("/push");
  socket.emit("requestMessage", { meta: { timestamp: Date.now(), userId }, data: { action: "requestId", payload: "hi" } });
  await next(socket, "responseMessage", (m) => m.data.action === "saveId");
  return socket;
}

const exchanged = (text) => (m) => m.data.action === "exchange" && m.data.payload && m.data.payload.msg === text;

/** Proves nothing with `text` reached `socket`: a later push got through and nothing came before. */
async function nothingDelivered(socket, text) {
  const fence = "fence-" + crypto.randomBytes(4).toString("hex");
  const ok = signed({ target: socket.id, message: { msg: fence } });
  assert.strictEqual((await post(ok.body, ok.signature)).status, 200);
  await next(socket, "responseMessage", exchanged(fence));
  assert.ok(!socket.received.some((r) => r.args[0] && r.args[0].data && r.args[0].data.payload
      && r.args[0].data.payload.msg === text), "the refused message was delivered");
}

// ---------------------------------------------------------------------------------------------

const SCENARIOS = {
  async "p2p: a client naming an unknown room is denied with the deny envelope"() {
    const socket = socketOf("/p2p", { room: "no-such-room-" + Date.now(), userId: "x" });
    const err = await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
      socket.on("connect_error", resolve);
      socket.on("connect", () => reject(new Error("connected to an unknown room")));
    }), "connect_error");
    assert.strictEqual(err.message, "deleted, room has been deleted.");
    assert.strictEqual(err.data.data.action, "deny");
    assert.deepStrictEqual(err.data.data.payload, { type: "deleted", message: "deleted, room has been deleted." });
    assert.strictEqual(typeof err.data.meta.timestamp, "number");
    const none = socketOf("/p2p", {});
    const err2 = await within(STEP_TIMEOUT, new Promise((resolve) => none.on("connect_error", resolve)), "connect_error");
    assert.strictEqual(err2.data.data.action, "deny", "a client naming no room was not denied");
  },

  async "p2p: the room hears the online roster on join and on leave"() {
    const a = await connected("/p2p", { room: "demo", userId: "a" });
    await next(a, "online", roster("join", a.id));
    const b = await connected("/p2p", { room: "demo", userId: "b" });
    const [joined] = await next(a, "online", roster("join", a.id, b.id));
    assert.strictEqual(joined.target, "participator");
    assert.strictEqual(joined.message, "User(" + b.id + ") joined.");
    await next(b, "online", roster("join", a.id, b.id));
    const other = await connected("/p2p", { room: "lobby", userId: "c" });
    const bId = b.id;
    b.disconnect();
    const [left] = await next(a, "online", (m) => m.action === "leave" && m.message === "User(" + bId + ") leaved.");
    assert.ok(!left.clients.includes(bId), "the roster after leaving still lists the leaver");
    assert.ok(left.clients.includes(a.id));
    assert.ok(!other.received.some((r) => r.event === "online" && r.args[0].clients.includes(a.id)),
      "another room heard this room's roster");
  },

  async "p2p: exchange delivers parseMsg to the target socket only"() {
    const a = await connected("/p2p", { room: "demo", userId: "a" });
    const b = await connected("/p2p", { room: "demo", userId: "b" });
    const c = await connected("/p2p", { room: "demo", userId: "c" });
    const delivered = await within(STEP_TIMEOUT, a.emitWithAck("exchange", { target: b.id, payload: { msg: "test" } }), "ack");
    assert.strictEqual(delivered, true);
    const [msg] = await next(b, b.id);
    assert.strictEqual(msg.data.action, "exchange");
    assert.deepStrictEqual(msg.data.payload, { msg: "test" });
    assert.strictEqual(msg.meta.client, a.id);
    assert.strictEqual(msg.meta.target, b.id);
    assert.strictEqual(typeof msg.meta.timestamp, "number");
    // c is a fence: what a sent before reached b, so anything for c would have arrived too
    await within(STEP_TIMEOUT, a.emitWithAck("exchange", { target: c.id, payload: { msg: "fence" } }), "ack");
    await next(c, c.id);
    assert.ok(!c.received.some((r) => r.event === b.id), "a third socket received the exchange");
    assert.ok(!a.received.some((r) => r.event === b.id), "the sender received the exchange");
    assert.strictEqual(await a.emitWithAck("exchange", { payload: {} }), false, "no target was accepted");
  },

  async "push: a signed request reaches one client by socket id"() {
    const a = await pushClient("user-a-" + Date.now());
    const b = await pushClient("user-b-" + Date.now());
    const req = signed({ target: a.id, message: { msg: "to a" } });
    const answer = await post(req.body, req.signature);
    assert.strictEqual(answer.status, 200, JSON.stringify(answer.json));
    assert.deepStrictEqual(answer.json, { delivered: a.id });
    const [msg] = await next(a, "responseMessage", exchanged("to a"));
    assert.strictEqual(msg.meta.app, HMAC_APP);
    assert.strictEqual(msg.meta.target, a.id);
    await nothingDelivered(b, "to a");
  },

  async "push: delivery by user id follows the user across a reconnect (reconnect-and-update)"() {
    const userId = "user-" + crypto.randomUUID();
    const first = await pushClient(userId);
    let req = signed({ userId, message: { msg: "first" } });
    assert.strictEqual((await post(req.body, req.signature)).status, 200);
    await next(first, "responseMessage", exchanged("first"));
    first.disconnect();                                         // the connection drops...
    const second = await connected("/push");                    // ...and the client comes back
    second.emit("requestMessage", { meta: { timestamp: Date.now(), userId }, data: { action: "reconnect-and-update", payload: "" } });
    const [updated] = await next(second, "responseMessage", (m) => m.data.action === "reconnect-updated");
    assert.deepStrictEqual(updated.data.payload, { id: second.id, userId });
    req = signed({ userId, message: { msg: "second" } });
    const answer = await post(req.body, req.signature);
    assert.deepStrictEqual(answer.json, { delivered: second.id });
    const [msg] = await next(second, "responseMessage", exchanged("second"));
    assert.strictEqual(msg.meta.userId, userId);
  },

  async "push: a bad signature gets 401 with a JSON reason and delivers nothing"() {
    const a = await pushClient("user-" + crypto.randomUUID());
    const wrongKey = signed({ target: a.id, message: { msg: "forged" } }, { k: "not-the-key" });
    let answer = await post(wrongKey.body, wrongKey.signature);
    assert.strictEqual(answer.status, 401);
    assert.strictEqual(answer.json.error, "bad_signature");
    assert.match(answer.json.message, /HMAC-SHA256/);
    const good = signed({ target: a.id, message: { msg: "forged" } });
    answer = await post(good.body.replace("}", ",\"extra\":1}"), good.signature);   // body changed after signing
    assert.strictEqual(answer.status, 401);
    answer = await post(good.body);                                                  // no signature at all
    assert.strictEqual(answer.status, 401);
    await nothingDelivered(a, "forged");
  },

  async "push: a stale or future timestamp gets 401 and delivers nothing"() {
    const a = await pushClient("user-" + crypto.randomUUID());
    for (const skew of [-6 * 60 * 1000, 6 * 60 * 1000]) {
      const req = signed({ target: a.id, message: { msg: "stale" } }, { timestamp: Date.now() + skew });
      const answer = await post(req.body, req.signature);
      assert.strictEqual(answer.status, 401, "skew " + skew);
      assert.strictEqual(answer.json.error, "stale_timestamp");
    }
    await nothingDelivered(a, "stale");
  },

  async "push: a replayed request gets 409 and is delivered once"() {
    const a = await pushClient("user-" + crypto.randomUUID());
    const req = signed({ target: a.id, message: { msg: "once" } });
    assert.strictEqual((await post(req.body, req.signature)).status, 200);
    const again = await post(req.body, req.signature);
    assert.strictEqual(again.status, 409);
    assert.strictEqual(again.json.error, "replayed");
    await nothingDelivered(a, "nothing-else");
    assert.strictEqual(a.received.filter((r) => exchanged("once")(r.args[0])).length, 1, "delivered more than once");
  },

  async "push: the legacy md5(app + key + timestamp) mode, opt-in per app"() {
    const a = await pushClient("user-" + crypto.randomUUID());
    const timestamp = Date.now();
    const sign = crypto.createHash("md5").update(LEGACY_APP + key(LEGACY_APP) + timestamp).digest("hex");
    const body = JSON.stringify({ timestamp, app: LEGACY_APP, target: a.id, sign, message: { msg: "legacy" } });
    assert.strictEqual((await post(body)).status, 200);
    await next(a, "responseMessage", exchanged("legacy"));
    const forged = JSON.stringify({ timestamp, app: LEGACY_APP, target: a.id, sign: "0".repeat(32), message: { msg: "x" } });
    const answer = await post(forged);
    assert.strictEqual(answer.status, 401);
    assert.strictEqual(answer.json.error, "bad_signature");
    const hmacForLegacy = signed({ target: a.id, message: { msg: "x" } });   // HMAC mode's key is not accepted for the legacy app
    assert.strictEqual((await post(hmacForLegacy.body.replace(HMAC_APP, LEGACY_APP), hmacForLegacy.signature)).status, 401);
  },

  async "push: unknown app, absent client and malformed body are refused"() {
    let req = signed({ target: "nobody-here", message: { msg: "x" } });
    let answer = await post(req.body, req.signature);
    assert.strictEqual(answer.status, 404);
    assert.strictEqual(answer.json.error, "not_connected");
    answer = await post(JSON.stringify({ timestamp: Date.now(), app: "intruder", target: "x", message: {} }), "00");
    assert.strictEqual(answer.status, 401);
    assert.strictEqual(answer.json.error, "unknown_app");
    answer = await post("not json", "00");
    assert.strictEqual(answer.status, 400);
  },

  async "push: socket actions sendToOthers, broadcast and deny work as the seed describes"() {
    const a = await pushClient("user-" + crypto.randomUUID());
    const b = await pushClient("user-" + crypto.randomUUID());
    a.emit("requestMessage", { meta: { timestamp: Date.now(), target: b.id }, data: { action: "sendToOthers", payload: { msg: "p2p" } } });
    const [msg] = await next(b, "responseMessage", exchanged("p2p"));
    assert.strictEqual(msg.meta.client, a.id);
    a.emit("requestMessage", { meta: { timestamp: Date.now() }, data: { action: "broadcast", payload: { msg: "all" } } });
    await next(b, "responseMessage", (m) => m.data.action === "broadcast" && m.data.payload.msg === "all");
    const denied = await within(STEP_TIMEOUT, a.emitWithAck("requestMessage", { meta: {}, data: { action: "launch-missiles" } }), "ack");
    assert.strictEqual(denied.data.action, "deny");
    assert.strictEqual(denied.data.payload.type, "unknown-action");
    const noUser = await within(STEP_TIMEOUT, a.emitWithAck("requestMessage", { meta: {}, data: { action: "requestId" } }), "ack");
    assert.strictEqual(noUser.data.action, "deny");
  },
};

runScenarios(SCENARIOS, {
  afterEach: async () => {
    opened.splice(0).forEach((s) => s.disconnect());
    await sleep(50);
  },
});
