// WebSocket compression (permessage-deflate, RFC 7692) as the Node clients see it, against a
// server whose perMessageDeflate is on: the `ws` client that offers the extension gets it in the
// Sec-WebSocket-Extensions response header, and a large echo reaches it in fewer TCP bytes than
// it has characters (compressed on the wire); a `ws` client that does not offer it gets plain
// frames; the official socket.io-client 4 works with it over WebSocket and over an upgrade.
// With --deflate absent (a server whose container has no permessage-deflate, such as Open
// Liberty), the first scenario checks the opposite: the offer is declined and frames are plain.
//
// Usage: node compression-scenarios.js --url http://127.0.0.1:PORT/ctx/socket.io/ [--deflate present|absent]
//   Exits 1 if any scenario failed, 2 on bad usage; with SOCKETEE_STDIN_LIFELINE=1 it exits
//   (code 3) when its stdin closes.
"use strict";
const assert = require("assert");
const WebSocket = require("ws");
const { io } = require("socket.io-client");
const { within, runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");

const STEP_TIMEOUT = 10000;
const USAGE = "node compression-scenarios.js --url http://127.0.0.1:PORT/ctx/socket.io/";
const ARGS = parseArgs(process.argv, USAGE, ["url"]);
if (!["present", "absent"].includes(ARGS.deflate || "present")) {
  console.error("--deflate must be present or absent\nusage: " + USAGE);
  process.exit(2);
}
const DEFLATE = (ARGS.deflate || "present") === "present";
const ENDPOINT = new URL(ARGS.url);
/** 20,000 characters that deflate to a few hundred bytes. */
const BIG = "socket.io compresses this line well. ".repeat(540);
const opened = [];

honourLifeline();

/** Opens a raw Engine.IO WebSocket; resolves with the socket and the upgrade response. */
function openRaw(perMessageDeflate) {
  const url = new URL(ENDPOINT);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("EIO", "4");
  url.searchParams.set("transport", "websocket");
  const ws = new WebSocket(url, { perMessageDeflate });
  opened.push(ws);
  const messages = [];
  const waiters = [];
  ws.on("message", (data, isBinary) => {
    const text = isBinary ? data : data.toString();
    if (text === "2") { ws.send("3"); return; } // heartbeat
    const w = waiters.shift();
    if (w) w(text); else messages.push(text);
  });
  ws.next = (what) => within(STEP_TIMEOUT, new Promise((resolve) => {
    if (messages.length) resolve(messages.shift()); else waiters.push(resolve);
  }), what);
  return within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    ws.on("upgrade", (response) => ws.once("open", () => resolve({ ws, response })));
    ws.on("error", reject);
    ws.on("unexpected-response", (req, res) => reject(new Error("HTTP " + res.statusCode)));
  }), "the WebSocket to open");
}

/** Connects the main namespace over a raw WebSocket and has the server echo BIG back. */
async function echoBig(ws, response) {
  assert.match(await ws.next("the open packet"), /^0\{/);
  ws.send("40");
  assert.match(await ws.next("the CONNECT answer"), /^40\{/);
  const before = response.socket.bytesRead;
  ws.send('42["echo",' + JSON.stringify(BIG) + "]");
  const echo = await ws.next("the echo");
  assert.strictEqual(echo, '42["echo",' + JSON.stringify(BIG) + "]", "the echo arrives whole");
  return response.socket.bytesRead - before;
}

const scenarios = {};
if (DEFLATE) {
  scenarios["ws offering permessage-deflate gets it and a 20,000-character echo arrives compressed on the wire"] = async () => {
    const { ws, response } = await openRaw(true);
    const extensions = response.headers["sec-websocket-extensions"] || "";
    assert.match(extensions, /^permessage-deflate\b/, "Sec-WebSocket-Extensions: " + extensions);
    const wire = await echoBig(ws, response);
    assert.ok(wire < BIG.length / 4, "the echo took " + wire + " bytes on the wire for " + BIG.length + " characters");
    console.error("compression: permessage-deflate echo of " + BIG.length + " characters took " + wire + " bytes"
      + " (Sec-WebSocket-Extensions: " + extensions + ")");
  };
} else {
  scenarios["ws offering permessage-deflate is declined and gets plain frames"] = () => plainFrames(true);
}
scenarios["ws not offering permessage-deflate gets plain frames"] = () => plainFrames(false);
scenarios["socket.io-client 4 over WebSocket only: events and acks"] = () => officialClient(["websocket"]);
scenarios["socket.io-client 4 upgrading from polling: events and acks"] = () => officialClient(["polling", "websocket"]);

async function plainFrames(offer) {
  const { ws, response } = await openRaw(offer);
  assert.strictEqual(response.headers["sec-websocket-extensions"], undefined);
  const wire = await echoBig(ws, response);
  assert.ok(wire >= BIG.length, "the echo took " + wire + " bytes on the wire for " + BIG.length + " characters");
}

async function officialClient(transports) {
  const socket = io(ENDPOINT.origin, {
    path: ENDPOINT.pathname, transports, forceNew: true, reconnection: false, timeout: STEP_TIMEOUT,
  });
  opened.push(socket);
  await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  }), "connect");
  if (transports.length > 1) {
    await within(STEP_TIMEOUT, new Promise((resolve) => {
      if (socket.io.engine.transport.name === "websocket") resolve();
      else socket.io.engine.once("upgrade", resolve);
    }), "the upgrade to WebSocket");
  }
  const echoed = within(STEP_TIMEOUT, new Promise((resolve) => socket.once("echo", resolve)), "the echo event");
  socket.emit("echo", BIG);
  assert.strictEqual(await echoed, BIG);
  const acked = await within(STEP_TIMEOUT, socket.emitWithAck("echo", BIG), "the ack");
  assert.strictEqual(acked, BIG);
  assert.strictEqual(socket.io.engine.transport.name, "websocket");
}

runScenarios(scenarios, {
  timeoutMs: 30000,
  afterEach: () => { for (const s of opened.splice(0)) (s.close || s.disconnect).call(s); },
});
