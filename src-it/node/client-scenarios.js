// Drives an official Socket.IO client against a server implementing the integration-test
// contract (see reference-server.js) and reports one JSON line per scenario.
//
// Usage: node client-scenarios.js --client v4|v2 --transport polling|websocket|upgrade
//                                 --url http://127.0.0.1:PORT/contextRoot/ [--only name,name]
//                                 [--server socketee|reference]
//   v4 = socket.io-client 4.8.1 (Engine.IO 4, Socket.IO 5); v2 = socket.io-client 2.5.0
//   (Engine.IO 3, Socket.IO 4). The Socket.IO path is <url path>socket.io/.
//   Prints {"scenario":...,"ok":true|false,"error":...,"ms":...} per scenario, then the summary
//   line of scenario-kit.js; exits 1 if any failed, 2 on bad usage. With --server reference, a scenario the Node reference server is
//   known to fail reports {"ok":true,"skipped":reason} instead of running. With
//   SOCKETEE_STDIN_LIFELINE=1 it exits (code 3) as soon as its stdin closes.
//   Scenarios run concurrently, each with its own clients and a tag: events that other
//   scenarios or runs may also receive carry the tag and are filtered by it, so several runs
//   can share one server.
"use strict";
const assert = require("assert");
const crypto = require("crypto");

const PING_INTERVAL = 1500;
const PING_TIMEOUT = 3000;
const SCENARIO_TIMEOUT = 30000;
const STEP_TIMEOUT = 10000;

function parseArgs(argv) {
  const args = {};
  for (let i = 2; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || i + 1 >= argv.length) usage("bad argument " + argv[i]);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!["v4", "v2"].includes(args.client)) usage("--client must be v4 or v2");
  if (!["polling", "websocket", "upgrade"].includes(args.transport)) usage("--transport must be polling, websocket or upgrade");
  if (!args.url) usage("--url is required");
  if (!["socketee", "reference"].includes(args.server || "socketee")) usage("--server must be socketee or reference");
  return args;
}

function usage(message) {
  console.error(message + "\nusage: node client-scenarios.js --client v4|v2 --transport polling|websocket|upgrade --url URL [--only a,b] [--server socketee|reference]");
  process.exit(2);
}

const ARGS = parseArgs(process.argv);
const BASE = new URL(ARGS.url);
const ORIGIN = BASE.origin;
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const RUN = crypto.randomBytes(6).toString("hex");
const V2 = ARGS.client === "v2";

// ---------------------------------------------------------------------------------------------
// helpers

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or a rejection after `ms` naming `what` (a string, or a function giving one then). */
const { within, reporter } = require("./scenario-kit");

/** Binary as the client library delivers it (Buffer, ArrayBuffer or a view) as a Buffer, else null. */
function asBuffer(value) {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

function assertBytes(actual, expected, where) {
  const buffer = asBuffer(actual);
  assert.ok(buffer, where + ": expected binary, got " + JSON.stringify(actual));
  assert.deepStrictEqual([...buffer], [...expected], where + ": bytes differ");
}

function bytes(...values) {
  return Buffer.from(values);
}

function transportsFor(mode) {
  if (mode === "polling") return ["polling"];
  if (mode === "websocket") return ["websocket"];
  return ["polling", "websocket"];
}

// ---------------------------------------------------------------------------------------------
// one client socket, hiding the differences between the v4 and v2 client APIs

class Client {
  /**
   * @param nsp "/" or "/custom"; @param withToken whether to present the "secret" token;
   * @param sharing a client whose connection this one's socket shares, or null for its own
   */
  constructor(nsp, withToken, tag, registry, sharing = null) {
    const opts = {
      path: PATH,
      transports: transportsFor(ARGS.transport),
      upgrade: ARGS.transport === "upgrade",
      rememberUpgrade: false,
      forceNew: true,
      reconnection: false,
      timeout: STEP_TIMEOUT,
    };
    if (withToken) {
      if (V2) opts.query = { token: "secret" };
      else opts.auth = { token: "secret" };
    }
    const io = V2 ? require("socket.io-client-v2") : require("socket.io-client").io;
    this.socket = sharing ? sharing.manager.socket(nsp, {}) : io(ORIGIN + nsp, opts);
    this.manager = this.socket.io;
    this.engine = this.manager.engine;
    this.initialTransport = this.engine.transport ? this.engine.transport.name : null;
    // every transport the client creates, upgrade probes included, and every packet it receives
    this.created = this.initialTransport ? [this.initialTransport] : [];
    this.packets = [];
    if (!sharing) {
      const create = this.engine.createTransport.bind(this.engine);
      this.engine.createTransport = (name, ...rest) => {
        this.created.push(name);
        return create(name, ...rest);
      };
      this.manager.on("packet", (packet) => this.packets.push(packet));
    }
    this.upgrades = [];
    this.upgraded = new Promise((resolve) => this.engine.on("upgrade", (transport) => {
      this.upgrades.push(transport.name);
      resolve(transport.name);
    }));
    this.disconnected = new Promise((resolve) => this.socket.on("disconnect", resolve));
    this.history = [];
    this.engine.on("error", (e) => this.history.push("engine error " + (e && e.message ? e.message : e)));
    this.engine.on("close", (reason) => this.history.push("engine closed: " + reason));
    this.tag = tag;
    this.inbox = [];
    this.waiters = [];
    registry.push(this);
  }

  /** Resolves once connected (and, in upgrade mode, upgraded); rejects with the refusal. */
  async ready() {
    await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
      this.socket.on("connect", resolve);
      this.socket.on(V2 ? "error" : "connect_error", reject);
      if (V2) this.socket.on("connect_error", reject);
    }), () => "connect (" + this.state() + ")");
    if (ARGS.transport === "upgrade") await within(STEP_TIMEOUT, this.upgraded, () => "upgrade to websocket (" + this.state() + ")");
    return this;
  }

  /** The client's connection state, for failure messages. */
  state() {
    const engine = this.manager.engine;
    const transport = engine && engine.transport ? engine.transport.name : "none";
    return "socket " + (this.socket.connected ? "connected" : "not connected") + " id=" + this.socket.id
      + ", engine " + (engine ? engine.readyState + " id=" + engine.id : "none") + " on " + transport
      + (this.history.length > 0 ? ", then " + this.history.join("; ") : "");
  }

  /** The refusal the client reports (v4 connect_error, v2 error); fails if it connects. */
  refusal() {
    return within(STEP_TIMEOUT, new Promise((resolve, reject) => {
      this.socket.on("connect", () => reject(new Error("connected although it should have been refused")));
      this.socket.on(V2 ? "error" : "connect_error", resolve);
    }), "connection refusal");
  }

  transportName() {
    return this.manager.engine.transport.name;
  }

  /** The type of every packet of namespace `nsp` this client's connection has received, in order. */
  packetTypes(nsp) {
    return this.packets.filter((packet) => packet.nsp === nsp).map((packet) => packet.type);
  }

  emit(event, ...args) {
    this.socket.emit(event, ...args);
  }

  /** Emits with an acknowledgement and resolves with the acknowledgement's arguments. */
  call(event, ...args) {
    return within(STEP_TIMEOUT, new Promise((resolve) => this.socket.emit(event, ...args, (...answer) => resolve(answer))),
      () => "ack of " + event + " (" + this.state() + ")");
  }

  /** Records every later `event` whose first argument carries the scenario's tag (or all if anyTag). */
  record(event, anyTag) {
    this.socket.on(event, (...args) => {
      const tagged = args.length > 0 && args[0] && typeof args[0] === "object" && args[0].run === this.tag;
      if (!anyTag && !tagged) return;
      this.inbox.push({ event, args });
      this.waiters = this.waiters.filter((waiter) => !waiter());
    });
  }

  /** Once the `occurrence`-th (1-based) `event` was recorded, resolves with the records from index `from` on. */
  until(event, occurrence = 1, from = 0) {
    const seen = () => this.inbox.filter((entry) => entry.event === event).length >= occurrence;
    return within(STEP_TIMEOUT, new Promise((resolve) => {
      const check = () => (seen() ? (resolve(this.inbox.slice(from)), true) : false);
      if (!check()) this.waiters.push(check);
    }), () => event + " #" + occurrence + " (recorded: [" + this.inbox.map((entry) => entry.event).join(",") + "], " + this.state() + ")");
  }

  close() {
    try {
      this.socket.close();
      if (this.manager.engine) this.manager.engine.close();
    } catch (ignored) {
      // closing is best effort
    }
  }
}

/** Asks `observer` for the reason the server saw for `socketId`, until it has one. */
async function serverReason(observer, socketId, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const [reason] = await observer.call("last-disconnect", socketId);
    if (reason !== null && reason !== undefined) return reason;
    if (Date.now() > deadline) throw new Error("server saw no disconnect of " + socketId + " within " + deadlineMs + " ms");
    await delay(100);
  }
}

/**
 * Stops a client from keeping its heartbeat: v4 stops answering pings, v2 stops sending them.
 * The client's own ping-timeout timer is stopped too, so only the server can end the session.
 */
function silenceHeartbeat(client) {
  const engine = client.manager.engine;
  if (V2) {
    engine.removeListener("heartbeat", engine.onHeartbeat);
    clearTimeout(engine.pingIntervalTimer);
    clearTimeout(engine.pingTimeoutTimer);
    engine.setPing = () => {};
    engine.ping = () => {};
    engine.onHeartbeat = () => {};
  } else {
    const send = engine._sendPacket.bind(engine);
    engine._sendPacket = (type, ...rest) => (type === "pong" ? undefined : send(type, ...rest));
    engine.clearTimeoutFn(engine._pingTimeoutTimer);
    engine._resetPingTimeout = () => {};
    engine._pingTimeoutTime = Infinity;
  }
}

function expectedAuthHandshake(nsp) {
  // what the contract's handshake(ack) reports for a socket that presented the token
  if (!V2) return { auth: { token: "secret" }, token: null, nsp };
  // an EIO3 client's namespace query becomes auth; its engine query stays the query
  return { auth: { token: "secret" }, token: "secret", nsp };
}

// ---------------------------------------------------------------------------------------------
// scenarios: each gets `open(nsp, withToken, sharing?)` creating clients (on the connection of
// `sharing` when given) that are closed afterwards

const scenarios = {
  async "transport"({ open }) {
    const client = open("/", false);
    const expectedInitial = ARGS.transport === "websocket" ? "websocket" : "polling";
    assert.strictEqual(client.initialTransport, expectedInitial, "initial transport");
    await client.ready();
    const [echoed] = await client.call("echo", "on " + ARGS.transport);
    assert.strictEqual(echoed, "on " + ARGS.transport);
    // an upgrade starts with a probe transport, created when the engine opened, so before the
    // echo's answer: no other transport now means none later
    assert.deepStrictEqual(client.created, transportsFor(ARGS.transport), "every transport the client opened, probes included");
    const expectedFinal = ARGS.transport === "polling" ? "polling" : "websocket";
    assert.strictEqual(client.transportName(), expectedFinal, "final transport");
    assert.deepStrictEqual(client.upgrades, ARGS.transport === "upgrade" ? ["websocket"] : [], "upgrades seen");
    const [again] = await client.call("echo", "after");
    assert.strictEqual(again, "after");
  },

  async "connect-main"({ open }) {
    const client = await open("/", false).ready();
    assert.strictEqual(client.socket.connected, true);
    assert.ok(typeof client.socket.id === "string" && client.socket.id.length > 0, "socket id");
    const [handshake] = await client.call("handshake");
    assert.strictEqual(handshake.nsp, "/");
    assert.strictEqual(handshake.token, null);
    const [rooms] = await client.call("rooms");
    assert.deepStrictEqual(rooms, [client.socket.id], "a socket starts in its own room only");
  },

  async "connect-custom-auth"({ open }) {
    const client = await open("/custom", true).ready();
    assert.strictEqual(client.socket.connected, true);
    const [handshake] = await client.call("handshake");
    assert.deepStrictEqual(handshake, expectedAuthHandshake("/custom"));
    // the server's id for the socket (an EIO3 client derives it: "/custom#" + engine id)
    const [rooms] = await client.call("rooms");
    assert.deepStrictEqual(rooms, [client.socket.id], "the socket's own room is its id");
  },

  // the refused socket shares its connection with a connected one, whose ack comes after
  // anything the server sent before it: by then a wrong "connect" for the refused one would have
  // arrived too
  async "connect-custom-refused"({ open }) {
    const root = await open("/", false).ready();
    const client = open("/custom", false, root);
    const refusal = await client.refusal();
    if (V2) {
      // an EIO3 client gets the error's data alone (or its message when it has no data)
      assert.deepStrictEqual(refusal, { code: 401 });
    } else {
      assert.ok(refusal instanceof Error, "connect_error carries an Error");
      assert.strictEqual(refusal.message, "unauthorized");
      assert.deepStrictEqual(refusal.data, { code: 401 });
    }
    const [after] = await root.call("echo", "after");
    assert.strictEqual(after, "after");
    assert.deepStrictEqual(root.packetTypes("/custom"), [4], "the server's packets for /custom: one refusal");
    assert.strictEqual(client.socket.connected, false);
  },

  async "events-and-acks"({ open, tag }) {
    const client = await open("/", false).ready();
    const payload = ["text", 42, 1.5, true, null, { nested: { list: [1, "two", { three: 3 }] } }, [], {}];
    assert.deepStrictEqual(await client.call("echo", ...payload), payload, "client->server ack");

    client.record("echo", true);
    client.emit("echo", { run: tag, n: 1 }, "second");
    const [echo] = await client.until("echo");
    assert.deepStrictEqual(echo.args, [{ run: tag, n: 1 }, "second"], "echo without ack comes back as an event");

    client.record("pushed", true);
    client.emit("emit-back", "pushed", { run: tag }, "é ü 中 😀", 7);
    const pushed = (await client.until("pushed")).find((entry) => entry.event === "pushed");
    assert.deepStrictEqual(pushed.args, [{ run: tag }, "é ü 中 😀", 7], "server->client event");

    let asked = null;
    client.socket.on("question", (...args) => {
      const ack = args.pop();
      asked = args;
      ack("answer", args[0] + 1, { to: args[1] });
    });
    const answer = await client.call("ask", "question", 41, "why");
    assert.deepStrictEqual(asked, [41, "why"], "server->client ack request arguments");
    assert.deepStrictEqual(answer, ["answer", 42, { to: "why" }], "server->client ack answer");
  },

  async "binary"({ open, tag }) {
    const client = await open("/", false).ready();
    const a = bytes(0, 1, 2, 127, 128, 255);
    const b = bytes();
    const c = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff));
    const [top, obj, arr, text] = await client.call("echo", a, { name: "x", data: { deep: b, list: [1, c] } }, [c, "s", a], "tail");
    assertBytes(top, a, "top-level");
    assert.strictEqual(obj.name, "x");
    assertBytes(obj.data.deep, b, "empty nested in object");
    assert.strictEqual(obj.data.list[0], 1);
    assertBytes(obj.data.list[1], c, "nested in array in object");
    assertBytes(arr[0], c, "nested in array");
    assert.strictEqual(arr[1], "s");
    assertBytes(arr[2], a, "second attachment in array");
    assert.strictEqual(text, "tail");

    client.record("bin", true);
    client.emit("emit-back", "bin", { run: tag, payload: [a, { inner: c }] });
    const bin = (await client.until("bin")).find((entry) => entry.event === "bin");
    assert.strictEqual(bin.args.length, 1);
    assertBytes(bin.args[0].payload[0], a, "server->client event binary");
    assertBytes(bin.args[0].payload[1].inner, c, "server->client event nested binary");

    let asked = null;
    client.socket.on("binary-question", (...args) => {
      const ack = args.pop();
      asked = args;
      ack({ back: bytes(9, 8, 7) }, [asBuffer(args[0].data)]);
    });
    const answer = await client.call("ask", "binary-question", { data: c });
    assertBytes(asked[0].data, c, "server->client ack request binary");
    assertBytes(answer[0].back, bytes(9, 8, 7), "server->client ack answer binary in object");
    assertBytes(answer[1][0], c, "server->client ack answer binary in array");
  },

  async "room-broadcast"({ open, tag }) {
    const [a, b, c] = await Promise.all([open("/", false).ready(), open("/", false).ready(), open("/", false).ready()]);
    for (const client of [a, b, c]) {
      client.record("hello");
      client.record("sentinel");
    }
    assert.deepStrictEqual(await a.call("join", "r"), ["joined"]);
    assert.deepStrictEqual(await b.call("join", "r"), ["joined"]);
    const [roomsOfA] = await a.call("rooms");
    assert.deepStrictEqual([...roomsOfA].sort(), [a.socket.id, "r"].sort(), "rooms after join");
    const blob = bytes(1, 2, 3);
    c.emit("broadcast", "r", "hello", { run: tag, n: 1, blob }, "second");
    c.emit("broadcast", null, "sentinel", { run: tag });
    const [seenA, seenB, seenC] = await Promise.all([a.until("sentinel"), b.until("sentinel"), c.until("sentinel")]);
    for (const [name, seen] of [["a", seenA], ["b", seenB]]) {
      assert.deepStrictEqual(seen.map((entry) => entry.event), ["hello", "sentinel"], name + " events");
      assert.strictEqual(seen[0].args[0].n, 1);
      assertBytes(seen[0].args[0].blob, blob, name + " broadcast binary");
      assert.strictEqual(seen[0].args[1], "second");
    }
    assert.deepStrictEqual(seenC.map((entry) => entry.event), ["sentinel"], "the client outside the room got only the sentinel");

    assert.deepStrictEqual(await b.call("leave", "r"), ["left"]);
    a.emit("broadcast", "r", "hello", { run: tag, n: 2 });
    a.emit("broadcast", null, "sentinel", { run: tag });
    const [againA, againB] = await Promise.all([a.until("sentinel", 2, 2), b.until("sentinel", 2, 2)]);
    assert.deepStrictEqual(againA.map((entry) => entry.event), ["hello", "sentinel"], "a after b left");
    assert.deepStrictEqual(againB.map((entry) => entry.event), ["sentinel"], "b after leaving");
  },

  async "broadcast-others"({ open, tag }) {
    const [a, b, c] = await Promise.all([open("/", false).ready(), open("/", false).ready(), open("/", false).ready()]);
    for (const client of [a, b, c]) {
      for (const event of ["in-room", "to-all", "end"]) client.record(event);
    }
    await a.call("join", "r");
    await b.call("join", "r");
    a.emit("broadcast-others", "r", "in-room", { run: tag });
    a.emit("broadcast-others", null, "to-all", { run: tag });
    a.emit("broadcast", null, "end", { run: tag });
    const [seenA, seenB, seenC] = await Promise.all([a.until("end"), b.until("end"), c.until("end")]);
    assert.deepStrictEqual(seenA.map((entry) => entry.event), ["end"], "the sender gets nothing it broadcast to others");
    assert.deepStrictEqual(seenB.map((entry) => entry.event), ["in-room", "to-all", "end"], "room member");
    assert.deepStrictEqual(seenC.map((entry) => entry.event), ["to-all", "end"], "outside the room");
  },

  async "server-disconnect-keep-connection"({ open }) {
    await serverDisconnect(open, false);
  },

  async "server-disconnect-close-connection"({ open }) {
    await serverDisconnect(open, true);
  },

  async "client-disconnect"({ open }) {
    const [leaving, observer] = await Promise.all([open("/", false).ready(), open("/", false).ready()]);
    const id = leaving.socket.id;
    leaving.socket.disconnect();
    assert.strictEqual(await within(STEP_TIMEOUT, leaving.disconnected, "local disconnect"), "io client disconnect");
    assert.strictEqual(await serverReason(observer, id, STEP_TIMEOUT), "client namespace disconnect");
  },

  async "heartbeat-timeout"({ open }) {
    const [silent, observer] = await Promise.all([open("/", false).ready(), open("/", false).ready()]);
    const id = silent.socket.id;
    silenceHeartbeat(silent);
    const reason = await serverReason(observer, id, PING_INTERVAL + PING_TIMEOUT + 8000);
    assert.strictEqual(reason, "ping timeout");
    // the observer kept answering and is still served
    assert.strictEqual(observer.socket.connected, true);
    assert.deepStrictEqual(await observer.call("echo", "alive"), ["alive"]);
  },
};

async function serverDisconnect(open, close) {
  const [client, observer] = await Promise.all([open("/", false).ready(), open("/", false).ready()]);
  const id = client.socket.id;
  client.emit("disconnect-me", close);
  assert.strictEqual(await within(STEP_TIMEOUT, client.disconnected, "disconnect"), "io server disconnect");
  assert.strictEqual(client.socket.connected, false);
  assert.strictEqual(await serverReason(observer, id, STEP_TIMEOUT), "server namespace disconnect");
}

/**
 * Scenarios the Node reference server fails, by client and transport, with the reason: engine.io
 * 6.6 drops an EIO3 socket's ping-timeout timer when the socket upgrades (clearTransport nulls
 * it and a later client ping only refreshes a live timer), so an upgraded v2 client that stops
 * pinging is never timed out. SocketEE must still time it out.
 */
const REFERENCE_QUIRKS = {
  "heartbeat-timeout": (client, transport) => (client === "v2" && transport === "upgrade"
    ? "the reference (engine.io 6.6) never times out an EIO3 socket after it upgraded"
    : null),
};

function skipReason(name) {
  const quirk = ARGS.server === "reference" ? REFERENCE_QUIRKS[name] : undefined;
  return quirk ? quirk(ARGS.client, ARGS.transport) : null;
}

// ---------------------------------------------------------------------------------------------

/** An error as one line: its message in full (assertion diffs included) and where it was thrown. */
function describe(e) {
  if (!(e instanceof Error)) return String(e);
  const frame = (e.stack || "").split("\n").find((line) => line.includes("client-scenarios.js"));
  const text = e.name + ": " + e.message.split("\n").map((line) => line.trim()).filter(Boolean).join(" | ");
  return (frame ? text + " @ " + frame.trim().replace(/^at /, "") : text).slice(0, 2000);
}

async function runScenario(name, report) {
  const skipped = skipReason(name);
  if (skipped !== null) {
    report.report({ scenario: name, client: ARGS.client, transport: ARGS.transport, ok: true, skipped, ms: 0 });
    return;
  }
  const clients = [];
  const tag = RUN + "-" + name;
  const open = (nsp, withToken, sharing) => new Client(nsp, withToken, tag, clients, sharing);
  const started = Date.now();
  let error = null;
  try {
    await within(SCENARIO_TIMEOUT, scenarios[name]({ open, tag }), "scenario " + name);
  } catch (e) {
    error = describe(e);
  } finally {
    clients.forEach((client) => client.close());
  }
  const result = { scenario: name, client: ARGS.client, transport: ARGS.transport, ok: error === null, ms: Date.now() - started };
  if (error !== null) result.error = error;
  report.report(result);
}

async function main() {
  const names = ARGS.only ? ARGS.only.split(",") : Object.keys(scenarios);
  const unknown = names.filter((name) => !scenarios[name]);
  if (unknown.length > 0) usage("unknown scenario(s): " + unknown.join(","));
  const report = reporter();
  await Promise.all(names.map((name) => runScenario(name, report)));
  report.finish();
}

if (process.env.SOCKETEE_STDIN_LIFELINE === "1") {
  // started by a test harness: die with it when it closes our stdin
  process.stdin.on("end", () => process.exit(3));
  process.stdin.resume();
}
process.on("unhandledRejection", (e) => console.error("unhandled rejection: " + (e && e.stack ? e.stack : e)));
main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
