// socket.io-client 4 with socket.io-msgpack-parser 3 against a server with the msgpack parser
// (SocketEE with socketio.parser=msgpack, or reference-server.js with {"parser": "msgpack"}),
// on the contract of reference-server.js. One JSON line per scenario, then the summary line of
// scenario-kit.js.
//
// Usage: node msgpack-scenarios.js --url http://127.0.0.1:PORT/contextRoot/ --transport polling|websocket|upgrade
//        [--only "scenario,scenario"] [--server-parser msgpack|default]
// With --server-parser default the server has the default parser, and the one scenario is that a
// client with the msgpack parser is disconnected.
"use strict";
const assert = require("assert");
const { io } = require("socket.io-client");
const msgpackParser = require("socket.io-msgpack-parser");
const { Socket: EngineSocket } = require("engine.io-client");
const { within, runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");

const STEP_TIMEOUT = 10000;
const args = parseArgs(process.argv,
  "node msgpack-scenarios.js --url URL --transport polling|websocket|upgrade [--only a,b] [--server-parser msgpack|default]",
  ["url", "transport"]);
const BASE = new URL(args.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const TRANSPORTS = { polling: ["polling"], websocket: ["websocket"], upgrade: ["polling", "websocket"] }[args.transport];
if (!TRANSPORTS) throw new Error("unknown transport " + args.transport);
const opened = [];
honourLifeline();

/** A client of namespace {@code nsp}, connected over the transport asked for, with the parser given. */
function connect(nsp, options = {}) {
  const socket = io(BASE.origin + nsp, Object.assign({
    path: PATH, transports: TRANSPORTS, forceNew: true, timeout: STEP_TIMEOUT, reconnection: false,
    parser: msgpackParser,
  }, options));
  opened.push(socket);
  return socket;
}

function connected(socket) {
  return within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  }), "connect");
}

/** Resolves once the client is on the transport the run is about (WebSocket after an upgrade). */
async function onTransport(socket) {
  if (args.transport !== "upgrade") return;
  const engine = socket.io.engine;
  if (engine.transport.name === "websocket") return;
  await within(STEP_TIMEOUT, new Promise((resolve) => engine.once("upgrade", resolve)), "upgrade");
}

function assertTransport(socket) {
  const expected = args.transport === "polling" ? "polling" : "websocket";
  assert.strictEqual(socket.io.engine.transport.name, expected);
}

/** Emits with an ack and resolves with every argument of the answer (emitWithAck keeps the first only). */
function ask(socket, event, ...a) {
  return within(STEP_TIMEOUT, new Promise((resolve) => socket.emit(event, ...a, (...answer) => resolve(answer))),
    "ack of " + event);
}

const NESTED = { a: [1, "x", { b: null, c: [true, false] }], n: 1.5, big: 4294967296, neg: -33, s: "héllo ☃" };

/** Resolves once a client that speaks the other parser than the server's is disconnected without connecting. */
async function refused(socket) {
  const reason = await within(STEP_TIMEOUT, new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("disconnect", (r) => resolve(r));
    socket.once("connect_error", (e) => resolve("connect_error: " + e.message));
  }), "refusal");
  assert.notStrictEqual(reason, "connected");
  assert.strictEqual(socket.connected, false);
}

/** The next Engine.IO message of a raw engine.io-client socket, as a Buffer (it must be binary). */
function nextBinary(engine, what) {
  return within(STEP_TIMEOUT, new Promise((resolve) => engine.once("message", (m) => resolve(m))), what)
    .then((m) => {
      assert.ok(typeof m !== "string", what + " is a binary message, not text: " + m);
      return Buffer.from(m);
    });
}

const SCENARIOS = {
  async "every packet is one binary message: byte for byte the reference's"() {
    const engine = new EngineSocket(BASE.origin, { path: PATH + "/", transports: TRANSPORTS, forceNew: true });
    opened.push(engine);
    await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
      engine.once("open", resolve);
      engine.once("error", reject);
    }), "engine open");
    const encoder = new msgpackParser.Encoder();
    const decode = (bytes) => {
      let packet;
      const d = new msgpackParser.Decoder();
      d.on("decoded", (p) => { packet = p; });
      d.add(bytes);
      return packet;
    };
    const connectAnswer = nextBinary(engine, "CONNECT answer");
    engine.send(encoder.encode({ type: 0, data: undefined, nsp: "/" })[0]);
    const answer = await connectAnswer;
    const sid = decode(answer).data.sid;
    // socket.io 4.8: socket._onconnect writes { type, data: { sid, pid }, nsp }, pid undefined without recovery
    assert.strictEqual(answer.toString("hex"),
      Buffer.from(encoder.encode({ type: 0, data: { sid, pid: undefined }, nsp: "/" })[0]).toString("hex"));
    const ackMessage = nextBinary(engine, "ACK");
    const payload = [{ a: [1, 1.5, "é", null, true] }, Buffer.from([0, 255])];
    engine.send(encoder.encode({ type: 2, data: ["echo", ...payload], options: { compress: true }, id: 12, nsp: "/" })[0]);
    const ack = await ackMessage;
    // socket.io 4.8: socket.ack writes { id, type, data, nsp }
    assert.strictEqual(ack.toString("hex"),
      Buffer.from(encoder.encode({ id: 12, type: 3, data: payload, nsp: "/" })[0]).toString("hex"));
    const eventMessage = nextBinary(engine, "EVENT");
    engine.send(encoder.encode({ type: 2, data: ["emit-back", "news", Buffer.from([5])], nsp: "/" })[0]);
    const event = await eventMessage;
    // socket.emit writes { type, data, nsp }
    assert.strictEqual(event.toString("hex"),
      Buffer.from(encoder.encode({ type: 2, data: ["news", Buffer.from([5])], nsp: "/" })[0]).toString("hex"));
    console.error("wire (" + args.transport + "): CONNECT answer " + answer.toString("hex") + ", ACK " + ack.toString("hex")
      + ", EVENT " + event.toString("hex"));
    engine.close();
  },


  async "connects to / and to a custom namespace with auth, and a refusal carries its data"() {
    const root = await connected(connect("/"));
    await onTransport(root);
    assertTransport(root);
    assert.ok(root.id, "the CONNECT answer carries the socket id");
    const custom = await connected(connect("/custom", { auth: { token: "secret" } }));
    const handshake = await within(STEP_TIMEOUT, custom.emitWithAck("handshake"), "handshake ack");
    assert.deepStrictEqual(handshake.auth, { token: "secret" });
    assert.strictEqual(handshake.nsp, "/custom");
    const refused = connect("/custom");
    const error = await within(STEP_TIMEOUT, new Promise((resolve) => refused.once("connect_error", resolve)),
      "connect_error");
    assert.strictEqual(error.message, "unauthorized");
    assert.deepStrictEqual(error.data, { code: 401 });
  },

  async "an emit with nested data and Buffers is acknowledged with the same values"() {
    const socket = await connected(connect("/"));
    await onTransport(socket);
    const sent = [NESTED, Buffer.from([0, 1, 2, 255]), { inner: Buffer.from("bin"), list: [Buffer.alloc(300, 7)] }, "end"];
    const answer = await ask(socket, "echo", ...sent);
    assert.deepStrictEqual(answer, sent);
    assertTransport(socket);
  },

  async "the server emits with an ack and gets the client's answer, binary included, on a namespace"() {
    const socket = await connected(connect("/custom", { auth: { token: "secret" } }));
    await onTransport(socket);
    socket.on("question", (text, bytes, ack) => {
      assert.strictEqual(text, "q?");
      assert.deepStrictEqual(bytes, Buffer.from([9, 8]));
      ack("answer", Buffer.from([7]), { n: [1, 2] });
    });
    const answer = await ask(socket, "ask", "question", "q?", Buffer.from([9, 8]));
    assert.deepStrictEqual(answer, ["answer", Buffer.from([7]), { n: [1, 2] }]);
  },

  async "a room broadcast with binary reaches the members only"() {
    const [a, b, c] = await Promise.all([connected(connect("/")), connected(connect("/")), connected(connect("/"))]);
    await Promise.all([a, b, c].map(onTransport));
    await within(STEP_TIMEOUT, a.emitWithAck("join", "room-m"), "join a");
    await within(STEP_TIMEOUT, b.emitWithAck("join", "room-m"), "join b");
    let strayed = false;
    c.on("news", () => { strayed = true; });
    const got = [a, b].map((s) => within(STEP_TIMEOUT, new Promise((resolve) => s.once("news", (...x) => resolve(x))), "news"));
    c.emit("broadcast", "room-m", "news", { text: "hi" }, Buffer.from([1, 2, 3]));
    for (const x of await Promise.all(got)) {
      assert.deepStrictEqual(x, [{ text: "hi" }, Buffer.from([1, 2, 3])]);
    }
    // c's own echo round trip after the broadcast: had the broadcast reached c, it would be there by now
    await within(STEP_TIMEOUT, c.emitWithAck("echo", 1), "echo after");
    assert.strictEqual(strayed, false);
  },

  async "a client without the msgpack parser is disconnected"() {
    await refused(connect("/", { parser: undefined }));
  },
};

const AGAINST_DEFAULT_PARSER = {
  async "a client with the msgpack parser is disconnected by a default-parser server"() {
    await refused(connect("/"));
  },
};

runScenarios(args["server-parser"] === "default" ? AGAINST_DEFAULT_PARSER : SCENARIOS, {
  only: args.only ? args.only.split(",") : undefined,
  timeoutMs: 30000,
  afterAll: () => opened.forEach((s) => s.close()),
});
