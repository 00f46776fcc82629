// Many connections at once against SocketEE's test application (its FloodProbe events): N
// official socket.io-client 4 clients over WebSocket, all in one room, and one broadcast to the
// room every second for S seconds. Every client must stay connected and get every broadcast, in
// order; the server's threads must not grow with the clients. SocketEE only (FloodProbe).
//
// Usage: node scale-scenarios.js --url http://127.0.0.1:PORT/contextRoot/
//                                [--clients 10000] [--seconds 60] [--maxThreads N] [--report FILE]
//   Scenario "hold". Prints one JSON line (scenario-kit); with --report, appends one JSON line of
//   measurements (connect time, latency percentiles, the server's threads, heap, descriptors and
//   resident memory before, with every client connected, and after) to FILE.
"use strict";
const assert = require("assert");
const crypto = require("crypto");
const fs = require("fs");
const { io } = require("socket.io-client");
const kit = require("./scenario-kit");

const USAGE = "node scale-scenarios.js --url URL [--clients N] [--seconds S] [--maxThreads N] [--report FILE]";
const ARGS = kit.parseArgs(process.argv, USAGE, ["url"]);
const BASE = new URL(ARGS.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const CLIENTS = Number(ARGS.clients || 10000);
const SECONDS = Number(ARGS.seconds || 60);
const MAX_THREADS = Number(ARGS.maxThreads || 400);
/** How long to wait, at most, for threads an earlier test made the container start to go away. */
const SETTLE_MS = 150000;
const RUN = crypto.randomBytes(4).toString("hex");
const { within, waitFor } = kit;

function client() {
  return io(BASE.origin, { path: PATH, transports: ["websocket"], forceNew: true, reconnection: false });
}

function connected(socket) {
  return within(120000, new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => reject(new Error("connect_error: " + e.message)));
  }), "connect");
}

function ask(socket, event, ...args) {
  return within(180000, socket.emitWithAck(event, ...args), event);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** One client's view: what it received, in what order, how late, and whether it was dropped. */
function watch(socket, latencies) {
  const w = { received: 0, outOfOrder: 0, disconnect: null };
  socket.on("flood", (i, payload, sentAt) => {
    if (i !== w.received) w.outOfOrder++;
    w.received++;
    latencies.push(Date.now() - sentAt);
  });
  socket.on("disconnect", (reason) => {
    if (w.disconnect === null) w.disconnect = reason;
  });
  return w;
}

/**
 * The probe's connection, tried again for up to SETTLE_MS while the server does not take it: in
 * a full run Open Liberty, just through RestartStormIT's undeploy with 2,000 connections, did not
 * answer a new client within the client's 20 s connect timeout (an open finding of issue 15).
 */
async function probeWhenServed() {
  const start = Date.now();
  for (;;) {
    const socket = client();
    try {
      const probe = await connected(socket);
      if (Date.now() - start > 1000) console.error("scale: the server took the probe after " + (Date.now() - start) + " ms");
      return probe;
    } catch (e) {
      socket.close();
      if (Date.now() - start > SETTLE_MS) throw e;
      console.error("scale: the server does not take the probe yet (" + e.message + "); trying again");
      await kit.delay(2000);
    }
  }
}

/** Connection attempts of the 10,000 that the server did not answer within the client's 20 s connect timeout. */
const connectTimeouts = [];

/**
 * A client of the hold, connected; an attempt the server does not answer within socket.io-client's
 * connect timeout (20 s) is made again, at most twice, as the client's own reconnection would
 * (reconnection is off so that a drop during the hold shows): on Open Liberty, right after
 * RestartStormIT, one client of 10,000 once waited more than 20 s (an open finding of issue 15).
 * Each such timeout is reported (connectTimeouts); any other failure fails the test.
 */
async function holdClient(clients) {
  for (let attempt = 1; ; attempt++) {
    const s = client();
    clients.push(s);
    try {
      return await connected(s);
    } catch (e) {
      s.close();
      if (attempt === 3 || !/timeout/.test(e.message)) throw e;
      connectTimeouts.push(Date.now());
      console.error("scale: a connection attempt timed out (" + e.message + "); trying again");
    }
  }
}

async function hold() {
  const room = "scale-" + RUN;
  const probe = await probeWhenServed();
  let probeLeft = null;
  probe.on("disconnect", (reason, details) => {
    probeLeft = reason;
    console.error("scale: the probe was disconnected: " + reason + " " + JSON.stringify(details || null));
  });
  // A server whose container grew its own pool in an earlier test (Open Liberty's executor after
  // RestartStormIT's 2,000 reconnections: 949 threads, shrinking over a minute or two) would make
  // the bound below measure that test, not this one: wait until it is under half the bound.
  let before = await ask(probe, "server-stats");
  const settleStart = Date.now();
  while (before.threads > MAX_THREADS / 2 && Date.now() - settleStart < SETTLE_MS) {
    await kit.delay(2000);
    before = await ask(probe, "server-stats");
  }
  if (Date.now() - settleStart > 1000) {
    console.error("scale: waited " + (Date.now() - settleStart) + " ms for the server's threads to settle: " + before.threads);
  }
  const latencies = [];
  const clients = [];
  const watches = [];
  const connectStart = Date.now();
  try {
    const batch = 200;
    for (let i = 0; i < CLIENTS; i += batch) {
      const some = await Promise.all(Array.from({ length: Math.min(batch, CLIENTS - i) }, async () => {
        const s = await holdClient(clients);
        watches.push(watch(s, latencies));
        assert.strictEqual(await ask(s, "join", room), "joined");
        return s;
      }));
      assert.strictEqual(some.length, Math.min(batch, CLIENTS - i));
    }
    const connectMs = Date.now() - connectStart;
    const full = await ask(probe, "server-stats");
    console.error("scale: " + CLIENTS + " clients connected in " + connectMs + " ms; server " + JSON.stringify(full));
    assert.ok(full.sockets >= CLIENTS + 1, "the server counts " + full.sockets + " sockets");

    const flood = await ask(probe, "flood", room, SECONDS, 64, 1);
    await waitFor(() => "every client to get " + SECONDS + " broadcasts: "
      + watches.filter((w) => w.received < SECONDS).length + " short", 120000,
    async () => watches.every((w) => w.received >= SECONDS || w.disconnect !== null));
    const during = await ask(probe, "server-stats");

    const dropped = watches.filter((w) => w.disconnect !== null);
    const short = watches.filter((w) => w.received !== SECONDS);
    const disordered = watches.filter((w) => w.outOfOrder > 0);
    latencies.sort((a, b) => a - b);
    const measured = {
      clients: CLIENTS, seconds: SECONDS, connectMs, connectTimeouts: connectTimeouts.length,
      delivered: watches.reduce((a, w) => a + w.received, 0), expected: CLIENTS * SECONDS,
      dropped: dropped.length, dropReasons: [...new Set(dropped.map((w) => w.disconnect))],
      latencyMs: { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies[latencies.length - 1] },
      longestEmitMs: flood.longestEmitMs, before, full, during,
    };
    console.error("scale measured " + JSON.stringify(measured));

    assert.strictEqual(dropped.length, 0, dropped.length + " clients dropped: " + measured.dropReasons);
    assert.strictEqual(short.length, 0, short.length + " clients did not get all " + SECONDS + " broadcasts");
    assert.strictEqual(disordered.length, 0, disordered.length + " clients got broadcasts out of order");
    assert.ok(Math.max(full.threads, during.threads) <= MAX_THREADS, "threads grew with the clients: "
      + before.threads + " before, " + full.threads + " with every client connected, " + during.threads + " after the broadcasts");

    clients.forEach((s) => s.disconnect());
    // The leak check goes through a new connection: seen on Open Liberty, the probe, idle but for
    // its heartbeat, was dropped by its own client for want of a ping while the 10,000 others
    // disconnected at once (open; the clients in the room kept theirs throughout). Reported as
    // probeDisconnect.
    const checker = await connected(client());
    let after;
    await waitFor(() => "the server to release the clients: " + JSON.stringify(after), 120000, async () => {
      after = await ask(checker, "server-stats");
      return after.sockets <= before.sockets + 1 && after.fds <= before.fds + 64;
    }, 250);
    checker.disconnect();
    measured.after = after;
    measured.probeDisconnect = probeLeft;
    if (ARGS.report) fs.appendFileSync(ARGS.report, JSON.stringify({ scenario: "hold", ...measured }) + "\n");
  } finally {
    clients.forEach((s) => s.disconnect());
    probe.disconnect();
  }
}

kit.honourLifeline();
kit.runScenarios({ hold }, { timeoutMs: 900000 });
