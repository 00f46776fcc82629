// A restart storm: N official socket.io-client 4 clients connected to one server, with the
// client's default reconnection (reconnectionDelay 1000, reconnectionDelayMax 5000,
// randomizationFactor 0.5), while something outside this script takes the server away and
// brings it back (the bench's RestartStorm kills and restarts the server; RestartStormIT
// undeploys and redeploys the application). Every client must come back. Works against any
// Socket.IO server: SocketEE or the Node.js reference server.
//
// Usage: node restart-storm.js --url http://127.0.0.1:PORT/contextRoot/ [--clients 2000]
//                              [--transports websocket] [--backMs 120000] [--report FILE] [--label L]
//   Scenario "restart". Once every client is connected it prints "restart-storm: connected N"
//   on stderr: the cue to take the server away. From the first disconnect on it probes the
//   handshake (GET socket.io/?EIO=4&transport=polling) every 50 ms; the first 200 is "ready".
//   It then waits (--backMs) for every client to connect again, prints one JSON line of
//   measurements on stderr ("restart-storm measured {...}") and, with --report, appends it to
//   FILE. All times are milliseconds from ready, per client:
//     back    until the client was connected again (its "connect" event)
//     wait    until the attempt that succeeded began (0 when it began before ready): the time
//             spent waiting on the client's backoff timer, which no server can shorten
//     serve   from the later of ready and that attempt's start to "connect": the server's share
//             (TCP, Engine.IO handshake, WebSocket upgrade, Socket.IO CONNECT)
//     failedAfterReady  attempts begun after ready that failed, each costing a new backoff
"use strict";
const assert = require("assert");
const fs = require("fs");
const http = require("http");
const { io } = require("socket.io-client");
const kit = require("./scenario-kit");

const USAGE = "node restart-storm.js --url URL [--clients N] [--transports websocket|polling,websocket]"
  + " [--backMs MS] [--report FILE] [--label L]";
const ARGS = kit.parseArgs(process.argv, USAGE, ["url"]);
const BASE = new URL(ARGS.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const CLIENTS = Number(ARGS.clients || 2000);
const TRANSPORTS = (ARGS.transports || "websocket").split(",");
const BACK_MS = Number(ARGS.backMs || 120000);
const { within, waitFor, delay } = kit;

/** One client and what happened to it, in epoch milliseconds. */
function track(socket) {
  const c = { socket, downAt: null, connectAt: null, attemptAt: null, attempts: [], failed: [] };
  socket.io.on("reconnect_attempt", () => {
    c.attemptAt = Date.now();
    c.attempts.push(c.attemptAt);
  });
  socket.io.on("reconnect_error", () => c.failed.push(c.attemptAt));
  socket.on("disconnect", () => {
    if (c.downAt === null) c.downAt = Date.now();
  });
  socket.on("connect", () => {
    if (c.downAt !== null && c.connectAt === null) c.connectAt = Date.now();
  });
  return c;
}

function connected(socket) {
  // a failed first attempt is retried by the client itself, as after the restart
  return within(120000, new Promise((resolve) => socket.once("connect", resolve)), "connect");
}

/** Status of one Engine.IO handshake over polling, or -1 when the server does not answer. */
function handshakeStatus() {
  return new Promise((resolve) => {
    const req = http.get({ host: BASE.hostname, port: BASE.port, path: PATH + "/?EIO=4&transport=polling",
      agent: false, timeout: 60000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
      res.on("error", () => resolve(-1));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(-1));
  });
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  return { p50: at(0.5), p99: at(0.99), max: sorted.length === 0 ? null : sorted[sorted.length - 1] };
}

async function restart() {
  const clients = [];
  try {
    const connectStart = Date.now();
    for (let i = 0; i < CLIENTS; i += 200) {
      await Promise.all(Array.from({ length: Math.min(200, CLIENTS - i) }, () => {
        const socket = io(BASE.origin, { path: PATH, transports: TRANSPORTS, forceNew: true });
        clients.push(track(socket));
        return connected(socket);
      }));
    }
    const connectMs = Date.now() - connectStart;
    console.error("restart-storm: connected " + CLIENTS);

    await waitFor(() => "the server to go away", 600000, async () => clients.some((c) => c.downAt !== null), 20);
    const downAt = Math.min(...clients.filter((c) => c.downAt !== null).map((c) => c.downAt));
    // probes go out every 50 ms without waiting for each other, at most 4 at a time (under the
    // storm an answer may take seconds); the first 200 marks ready
    let readyAt = null;
    let probing = 0;
    await waitFor(() => "the server to go away for every client", 600000, async () => clients.every((c) => c.downAt !== null), 20);
    await waitFor(() => "the server to answer a handshake again", 600000, async () => {
      if (probing < 4) {
        probing++;
        handshakeStatus().then((status) => {
          probing--;
          if (status === 200 && readyAt === null) readyAt = Date.now();
        });
      }
      return readyAt !== null;
    }, 50);
    console.error("restart-storm: ready " + (readyAt - downAt) + " ms after the first disconnect");
    await waitFor(() => "every client to come back within " + BACK_MS + " ms of ready: "
      + clients.filter((c) => c.connectAt === null).length + " still away", BACK_MS,
    async () => clients.every((c) => c.connectAt !== null), 50);

    const back = clients.map((c) => c.connectAt - readyAt);
    const wait = clients.map((c) => Math.max(0, c.attemptAt - readyAt));
    const serve = clients.map((c) => c.connectAt - Math.max(c.attemptAt, readyAt));
    const failedAfterReady = clients.map((c) => c.failed.filter((t) => t >= readyAt).length);
    const measured = {
      label: ARGS.label || null, clients: CLIENTS, transports: TRANSPORTS, connectMs,
      readyAfterDownMs: readyAt - downAt,
      backMs: stats(back), waitMs: stats(wait), serveMs: stats(serve),
      attemptsBegunBeforeReady: clients.filter((c) => c.attemptAt < readyAt).length,
      failedAfterReady: failedAfterReady.reduce((a, n) => a + n, 0),
      clientsWithFailureAfterReady: failedAfterReady.filter((n) => n > 0).length,
      attempts: stats(clients.map((c) => c.attempts.length)),
    };
    console.error("restart-storm measured " + JSON.stringify(measured));
    if (ARGS.report) fs.appendFileSync(ARGS.report, JSON.stringify({ scenario: "restart", ...measured }) + "\n");
    assert.ok(clients.every((c) => c.socket.connected), "a client came back and went away again");
  } finally {
    clients.forEach((c) => c.socket.disconnect());
    await delay(100);
  }
}

kit.honourLifeline();
kit.runScenarios({ restart }, { timeoutMs: 900000 });
