// A Socket.IO server in a WAR whose web.xml protects the Socket.IO path with BASIC authentication
// (SecurityIT): what the official socket.io-client 4 and raw HTTP / WebSocket clients see.
// Without credentials, or with a wrong password, the handshake is refused with HTTP 401 over
// polling and over WebSocket, and the client cannot connect. With credentials (the Authorization
// header, which socket.io-client sends in Node through `extraHeaders` on polling and WebSocket
// alike) the server's handlers see the caller under its name with its roles (the "whoami" ack),
// and the "/members" namespace's connection middleware admits a caller in role "chat" and refuses
// one who is not.
//
// Usage: node security-scenarios.js --url http://127.0.0.1:PORT/ctx/socket.io/
//   Exits 1 if any scenario failed, 2 on bad usage; with SOCKETEE_STDIN_LIFELINE=1 it exits
//   (code 3) when its stdin closes.
"use strict";
const assert = require("assert");
const WebSocket = require("ws");
const { io } = require("socket.io-client");
const { within, runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");

const STEP_TIMEOUT = 10000;
const USAGE = "node security-scenarios.js --url http://127.0.0.1:PORT/ctx/socket.io/";
const ARGS = parseArgs(process.argv, USAGE, ["url"]);
const ENDPOINT = new URL(ARGS.url);
/** The test users of server-config/ (ann in role "chat", bob in none). */
const ANN = basic("ann", "ann-secret");
const BOB = basic("bob", "bob-secret");
const opened = [];

honourLifeline();

function basic(user, password) {
  return "Basic " + Buffer.from(user + ":" + password).toString("base64");
}

/** The Engine.IO v4 handshake URL of the endpoint for {@code transport}. */
function handshakeUrl(transport) {
  const url = new URL(ENDPOINT);
  url.searchParams.set("EIO", "4");
  url.searchParams.set("transport", transport);
  return url;
}

/** The status of an Engine.IO polling handshake sent with {@code headers}. */
async function pollingHandshake(headers) {
  const response = await within(STEP_TIMEOUT, fetch(handshakeUrl("polling"), { headers }), "the polling handshake");
  await response.arrayBuffer();
  return response;
}

/** The HTTP status a raw WebSocket handshake with {@code headers} is refused with, or 101. */
function webSocketStatus(headers) {
  const url = handshakeUrl("websocket");
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(url, { headers });
  opened.push(ws);
  return within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    ws.on("open", () => resolve(101));
    ws.on("unexpected-response", (req, res) => { res.resume(); resolve(res.statusCode); });
    ws.on("error", reject);
  }), "the WebSocket handshake");
}

/** A socket.io-client 4 socket of namespace {@code nsp}, not connected yet. */
function client(nsp, transports, authorization) {
  const socket = io(ENDPOINT.origin + nsp, {
    path: ENDPOINT.pathname, transports, forceNew: true, reconnection: false, timeout: STEP_TIMEOUT,
    extraHeaders: authorization ? { Authorization: authorization } : {},
  });
  opened.push(socket);
  return socket;
}

/** Resolves with "connected" or the connect_error's message. */
function outcome(socket) {
  return within(STEP_TIMEOUT, new Promise((resolve) => {
    socket.on("connect", () => resolve("connected"));
    socket.on("connect_error", (e) => resolve("refused: " + e.message));
  }), "connect or connect_error");
}

/** Connects {@code who} over {@code transports} and returns the server's "whoami" answer. */
async function whoami(transports, authorization) {
  const socket = client("/", transports, authorization);
  assert.strictEqual(await outcome(socket), "connected");
  if (transports.length > 1) {
    await within(STEP_TIMEOUT, new Promise((resolve) => {
      if (socket.io.engine.transport.name === "websocket") resolve();
      else socket.io.engine.once("upgrade", resolve);
    }), "the upgrade to WebSocket");
  }
  const answer = await within(STEP_TIMEOUT, socket.emitWithAck("whoami"), "the whoami ack");
  assert.strictEqual(socket.io.engine.transport.name, transports[transports.length - 1]);
  return answer;
}

const scenarios = {
  "anonymous polling handshake: HTTP 401 with a Basic challenge": async () => {
    const response = await pollingHandshake({});
    assert.strictEqual(response.status, 401);
    assert.match(response.headers.get("www-authenticate") || "", /^Basic/i);
  },
  "anonymous WebSocket handshake: HTTP 401": async () => {
    assert.strictEqual(await webSocketStatus({}), 401);
  },
  "wrong password: HTTP 401 over polling and WebSocket": async () => {
    const wrong = { Authorization: basic("ann", "not-her-password") };
    assert.strictEqual((await pollingHandshake(wrong)).status, 401);
    assert.strictEqual(await webSocketStatus(wrong), 401);
  },
  "socket.io-client 4 without credentials cannot connect over polling": async () => {
    assert.match(await outcome(client("/", ["polling"])), /^refused: /);
  },
  "socket.io-client 4 without credentials cannot connect over WebSocket": async () => {
    assert.match(await outcome(client("/", ["websocket"])), /^refused: /);
  },
  "authenticated polling handshake: HTTP 200": async () => {
    assert.strictEqual((await pollingHandshake({ Authorization: ANN })).status, 200);
  },
  "ann over polling is seen as ann, in role chat, not admin": async () => {
    assert.deepStrictEqual(await whoami(["polling"], ANN), { name: "ann", chat: true, admin: false });
  },
  "ann over WebSocket only is seen as ann, in role chat, not admin": async () => {
    assert.deepStrictEqual(await whoami(["websocket"], ANN), { name: "ann", chat: true, admin: false });
  },
  "ann upgrading from polling to WebSocket is seen as ann, in role chat": async () => {
    assert.deepStrictEqual(await whoami(["polling", "websocket"], ANN), { name: "ann", chat: true, admin: false });
  },
  "bob is seen as bob, in no role": async () => {
    assert.deepStrictEqual(await whoami(["websocket"], BOB), { name: "bob", chat: false, admin: false });
  },
  "connection middleware of /members admits ann (role chat) and refuses bob by name": async () => {
    assert.strictEqual(await outcome(client("/members", ["polling"], ANN)), "connected");
    assert.strictEqual(await outcome(client("/members", ["websocket"], BOB)), "refused: bob is not in role chat");
  },
};

runScenarios(scenarios, {
  timeoutMs: 30000,
  afterEach: () => { for (const s of opened.splice(0)) (s.close || s.disconnect).call(s); },
});
