// Slow consumers against SocketEE's test application (its FloodProbe events): clients that stop
// reading among healthy ones. A stalled client is a real socket.io-client in a child process
// stopped with SIGSTOP, as a frozen device or a process under a debugger would be: it neither
// reads its socket nor polls. SocketEE only: the Node.js reference server has no output bounds.
//
// Usage: node slow-consumer-scenarios.js --url http://127.0.0.1:PORT/contextRoot/
//                                        --transport websocket|polling [--only a,b]
//                                        [--report FILE] [--server NAME] [--healthy N] [--count N]
//   Scenarios: "dropped" (one stalled client among healthy ones in a flooded room; run against a
//   deployment with socketio.writeTimeout=3000), "many" (10 stalled among 1,000 sockets) and
//   "volatile" (a client that pauses reading gets every reliable packet in order, volatile ones
//   dropped), both against a deployment with bounds too roomy to drop anyone during the test.
//   Prints one JSON line per scenario (scenario-kit); with --report, appends one JSON line of
//   measurements per scenario to FILE, naming the server given with --server.
//   Internal: --role stalled --url URL --transport T --clients N --rooms a,b starts N clients,
//   joins them to the rooms and prints {"ids": [...]}, then waits to be stopped.
"use strict";
const assert = require("assert");
const crypto = require("crypto");
const fs = require("fs");
const { spawn } = require("child_process");
const { io } = require("socket.io-client");
const kit = require("./scenario-kit");

const USAGE = "node slow-consumer-scenarios.js --url URL --transport websocket|polling [--only a,b] [--report FILE]";
const ARGS = kit.parseArgs(process.argv, USAGE, ["url", "transport"]);
const BASE = new URL(ARGS.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const TRANSPORT = ARGS.transport;
const RUN = crypto.randomBytes(4).toString("hex");
const { within, delay, waitFor } = kit;

const MIB = 1024 * 1024;
// How long a container may keep what a finished HTTP request used. Payara Micro's Grizzly keeps
// each connection that has answered a request in its keep-alive queue for the keep-alive timeout
// (the listener's timeout-seconds, 30 s by default), closed or not: HttpServerFilter queues it
// when the response completes and does not take it out when the connection closes. Node's
// socket.io-client opens a connection per polling request (no agent, so "Connection: close"),
// about 1,000 a second in the polling flood here: 26,000 connections of about 2.3 KB each, 41-100
// MiB held for 30 s, then let go (docs/deployment.md). Over polling the heap is therefore read
// again every 2.5 s while it is over the bound, until that timeout, with 5 s for Grizzly's
// once-a-second sweep and the collection, has passed; the last reading is the one checked.
const CONTAINER_KEEP_ALIVE_MS = 30000 + 5000;
const HEAP_BOUND_MIB = 64;

function client() {
  return io(BASE.origin, { path: PATH, transports: [TRANSPORT], forceNew: true, reconnection: false });
}

/** A connected client, or a rejection naming why. */
function connected(socket) {
  // generous: a thousand clients connecting on a loaded 2-core machine take a while
  return within(60000, new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => reject(new Error("connect_error: " + e.message)));
  }), "connect");
}

function ask(socket, event, ...args) {
  return within(60000, socket.emitWithAck(event, ...args), event);
}

/** Connects {@code n} clients, {@code batch} at a time, each joined to {@code rooms}. */
async function crowd(n, rooms, batch = 25) {
  const all = [];
  for (let i = 0; i < n; i += batch) {
    const some = await Promise.all(Array.from({ length: Math.min(batch, n - i) }, async () => {
      const s = await connected(client());
      for (const room of rooms) assert.strictEqual(await ask(s, "join", room), "joined");
      return s;
    }));
    all.push(...some);
  }
  return all;
}

/** Starts {@code n} clients in a child process, joined to {@code rooms}, then stops that process. */
async function stalledClients(n, rooms) {
  const child = spawn(process.execPath, [__filename, "--role", "stalled", "--url", ARGS.url,
    "--transport", TRANSPORT, "--clients", String(n), "--rooms", rooms.join(",")],
  { stdio: ["ignore", "pipe", "inherit"] });
  const ids = await within(60000, new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line).ids);
    });
    child.once("exit", (code) => reject(new Error("stalled clients exited with " + code)));
  }), "the stalled clients");
  child.kill("SIGSTOP");
  return {
    ids,
    end() {
      child.kill("SIGCONT");
      child.kill("SIGKILL");
    },
  };
}

/** Counts a client's "flood" events and checks that they come in order. */
function counter(socket, event = "flood") {
  const c = { received: 0, outOfOrder: 0 };
  socket.on(event, (i) => {
    if (i !== c.received) c.outOfOrder++;
    c.received++;
  });
  return c;
}

function report(scenario, measured) {
  const line = JSON.stringify({ scenario, transport: TRANSPORT, server: ARGS.server, ...measured });
  if (ARGS.report) fs.appendFileSync(ARGS.report, line + "\n");
  console.error("measured " + line);
}

async function stats(probe) {
  return ask(probe, "server-stats");
}

/** The server's sockets, file descriptors and threads come back to {@code before} (with slack for the container's own). */
async function nothingLeaks(probe, before) {
  let now;
  await waitFor(() => "the server to release the test's connections: before " + JSON.stringify(before)
    + ", now " + JSON.stringify(now), 30000, async () => {
    now = await stats(probe);
    return now.sockets <= before.sockets && now.fds <= before.fds + 8;
  });
  return now;
}

// ---------------------------------------------------------------------------------------------

async function dropped() {
  const healthyCount = Number(ARGS.healthy || 4);
  // WebSocket: 10 MB/s to each client for 8 s; polling, whose every GET takes a whole batch,
  // 3.5 MB/s for 20 s. Either way more than 64 MiB would pile up for the stalled client unbounded.
  const polling = TRANSPORT === "polling";
  const count = Number(ARGS.count || (polling ? 7000 : 8000));
  const rate = polling ? 350 : 1000;
  const size = 10 * 1024;
  const room = "flood-" + RUN;
  const probe = await connected(client());
  assert.strictEqual(await ask(probe, "setting", "socketio.writeTimeout"), "3000", "the slow-consumer deployment");
  const before = await stats(probe);
  const healthy = await crowd(healthyCount, [room]);
  const counts = healthy.map((s) => counter(s));
  const healthyIds = healthy.map((s) => s.id);
  const disconnects = [];
  healthy.forEach((s) => s.on("disconnect", (reason) => disconnects.push(reason)));
  const stalled = await stalledClients(1, [room]);
  try {
    const start = Date.now();
    const flood = ask(probe, "flood", room, count, size, rate);
    let reason = null;
    await waitFor(() => "the stalled client to be dropped (last reason " + reason + ")", 30000, async () => {
      reason = await ask(probe, "last-disconnect", stalled.ids[0]);
      return reason !== null;
    });
    const droppedAfterMs = Date.now() - start;
    assert.strictEqual(reason, "transport error");
    const emitted = await flood;
    try {
      await waitFor(() => "every healthy client to get " + count + ": " + JSON.stringify(counts), 60000,
        async () => counts.every((c) => c.received >= count || !healthy[counts.indexOf(c)].connected));
    } finally {
      const server = [];
      for (const id of healthyIds) server.push(await ask(probe, "last-disconnect", id));
      console.error("healthy clients: client-side disconnects " + JSON.stringify(disconnects) + ", server-side reasons "
        + JSON.stringify(server) + ", counts " + JSON.stringify(counts) + ", flood " + JSON.stringify(emitted)
        + ", stalled dropped after " + droppedAfterMs + " ms");
    }
    const atOnce = await stats(probe);
    let during = atOnce;
    const settled = Date.now() + CONTAINER_KEEP_ALIVE_MS;
    while (polling && (during.heapBytes - before.heapBytes) / MIB >= HEAP_BOUND_MIB && Date.now() < settled) {
      await delay(2500);
      during = await stats(probe);
    }
    assert.deepStrictEqual(disconnects, [], "no healthy client was dropped");
    assert.ok(healthy.every((s) => s.connected), "every healthy client is still connected");
    counts.forEach((c) => {
      assert.strictEqual(c.received, count);
      assert.strictEqual(c.outOfOrder, 0, "in order");
    });
    const growth = (during.heapBytes - before.heapBytes) / MIB;
    const growthAtOnce = (atOnce.heapBytes - before.heapBytes) / MIB;
    assert.ok(growth < HEAP_BOUND_MIB, "heap grew by " + growth.toFixed(1) + " MiB"
      + (polling ? " (" + growthAtOnce.toFixed(1) + " MiB right after the flood)" : ""));
    assert.ok(droppedAfterMs < 3000 + 2000 + 3000,
      "dropped " + droppedAfterMs + " ms after the flood began (write timeout 3 s; the first seconds fill the kernel's buffers)");
    healthy.forEach((s) => s.disconnect());
    stalled.end();
    const after = await nothingLeaks(probe, before);
    report("dropped", {
      healthy: healthyCount, messages: count, bytes: size, perSecond: rate, droppedAfterMs,
      delivered: counts.reduce((a, c) => a + c.received, 0), expected: healthyCount * count,
      heapGrowthMiB: Number(growth.toFixed(1)), heapGrowthRightAfterFloodMiB: Number(growthAtOnce.toFixed(1)),
      longestEmitMs: emitted.longestEmitMs, floodMs: emitted.totalMs, before, rightAfterFlood: atOnce, during, after,
    });
  } finally {
    stalled.end();
    healthy.forEach((s) => s.disconnect());
    probe.disconnect();
  }
}

async function many() {
  const all = "all-" + RUN;
  const slow = "slow-" + RUN;
  const probe = await connected(client());
  assert.strictEqual(await ask(probe, "setting", "socketio.writeTimeout"), "120000", "the roomy deployment");
  const before = await stats(probe);
  const healthy = await crowd(990, [all]);
  const counts = healthy.map((s) => counter(s));
  const stalled = await stalledClients(10, [all, slow]);
  try {
    // enough for each stalled client to fill its socket buffers and queue megabytes on the server
    const toStalled = await ask(probe, "flood", slow, 400, 64 * 1024, 2000);
    const toAll = await ask(probe, "flood", all, 50, 100, 100);
    await waitFor(() => "990 clients to get 50", 60000, async () => counts.every((c) => c.received >= 50));
    counts.forEach((c) => assert.strictEqual(c.outOfOrder, 0, "in order"));
    for (const id of stalled.ids) {
      assert.strictEqual(await ask(probe, "last-disconnect", id), null, "the stalled clients are still connected");
    }
    const during = await stats(probe);
    assert.strictEqual(during.sockets, before.sockets + 1000);
    healthy.forEach((s) => s.disconnect());
    stalled.end();
    const after = await nothingLeaks(probe, before);
    report("many", {
      sockets: 1000, stalled: 10, longestEmitToStalledMs: toStalled.longestEmitMs, floodToStalledMs: toStalled.totalMs,
      longestEmitToAllMs: toAll.longestEmitMs, before, during, after,
    });
  } finally {
    stalled.end();
    healthy.forEach((s) => s.disconnect());
    probe.disconnect();
  }
}

async function volatilePackets() {
  const count = 2000;
  const probe = await connected(client());
  assert.strictEqual(await ask(probe, "setting", "socketio.writeTimeout"), "120000", "the roomy deployment");
  const reader = await connected(client());
  const reliable = counter(reader, "r");
  let volatiles = 0;
  reader.on("v", () => volatiles++);
  assert.strictEqual(TRANSPORT, "websocket", "a WebSocket scenario");
  // the client's TCP socket stops being read, as a busy event loop would leave it
  const tcp = reader.io.engine.transport.ws._socket;
  tcp.pause();
  const sent = await ask(probe, "mixed", reader.id, count, 10 * 1024);
  tcp.resume();
  await waitFor(() => "every reliable packet: " + reliable.received, 60000, async () => reliable.received >= count);
  await delay(500);
  assert.strictEqual(reliable.received, count);
  assert.strictEqual(reliable.outOfOrder, 0, "reliable packets in order");
  assert.ok(volatiles < count, "some volatile packets were dropped (" + volatiles + " of " + count + " arrived)");
  assert.ok(reader.connected);
  report("volatile", { reliable: reliable.received, volatileSent: count, volatileReceived: volatiles, longestEmitMs: sent.longestEmitMs });
  reader.disconnect();
  probe.disconnect();
}

// ---------------------------------------------------------------------------------------------

async function stalledRole() {
  const rooms = ARGS.rooms.split(",");
  const sockets = await crowd(Number(ARGS.clients), rooms, 10);
  console.log(JSON.stringify({ ids: sockets.map((s) => s.id) }));
  setInterval(() => {}, 1 << 30);
}

if (ARGS.role === "stalled") {
  stalledRole().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  kit.honourLifeline();
  kit.runScenarios({ dropped, many, volatile: volatilePackets }, { only: ARGS.only && ARGS.only.split(",") });
}
