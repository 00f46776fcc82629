// Writes the test vectors of the Redis Streams wire format (src/test/resources/io/socketee/internal/
// adapter/redis/streams/node-vectors.json) with the real @socket.io/redis-streams-adapter 0.3.1 and
// socket.io 4.8.1, over a fake ioredis-style client that records every command instead of sending it
// (no Redis needed). Run once from src-it/node: node streams-vectors.js > <that file>.
// Uids and request ids are random, so each run differs; the Java tests decode and re-encode each vector.
"use strict";
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-streams-adapter");
const { encode } = require("@msgpack/msgpack");

const commands = [];
const duplicates = [];

function fakeClient(name) {
  const listeners = {};
  return {
    name,
    options: {},
    duplicate() {
      const c = fakeClient(name + "'");
      duplicates.push(c);
      return c;
    },
    on(event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
      return this;
    },
    emitLocal(event, ...args) {
      (listeners[event] || []).forEach((fn) => fn(...args));
    },
    connect() {
      return Promise.resolve();
    },
    disconnect() {},
    xadd(...given) {
      const args = Array.isArray(given[0]) ? given[0] : given; // the adapter passes one array
      const [stream, , , , id, ...kv] = args;
      const fields = {};
      for (let i = 0; i < kv.length; i += 2) fields[kv[i]] = kv[i + 1];
      commands.push({ command: "XADD", stream, trim: args.slice(1, 4).map(String), id, fields });
      return Promise.resolve("1700000000000-" + commands.length);
    },
    xread() {
      return new Promise(() => {}); // blocks forever: nothing to read here
    },
    publish(channel, payload) {
      commands.push({ command: "PUBLISH", channel, payload: Buffer.from(payload).toString("base64") });
      return Promise.resolve(1);
    },
    subscribe() {},
    set(key, value, px, ms) {
      commands.push({ command: "SET", key, value, px, ms });
      return Promise.resolve("OK");
    },
    send_command(cmd, args, cb) {
      cb(null, [args[1], 3]); // three servers: two others
    },
  };
}

async function main() {
  const redis = fakeClient("main");
  const io = new Server({ adapter: createAdapter(redis) });
  await new Promise((r) => setTimeout(r, 20));
  const adapter = io.of("/").adapter;
  const settle = () => new Promise((r) => setTimeout(r, 10));
  const step = (description) => commands.push({ step: description });

  step("io.emit('e1', 'a')");
  io.emit("e1", "a");
  await settle();
  step("io.to('room1').emit('e2', <Buffer 09 08>)");
  io.to("room1").emit("e2", Buffer.from([9, 8]));
  await settle();
  step("io.except('x').compress(false).volatile.emit('e3', {n: 1.5, neg: -3, big: 2**40, s: 'é'})");
  io.except("x").compress(false).volatile.emit("e3", { n: 1.5, neg: -3, big: 2 ** 40, s: "é" });
  await settle();
  step("io.socketsJoin('room9')");
  io.socketsJoin("room9");
  await settle();
  step("io.in('room9').socketsLeave('room9')");
  io.in("room9").socketsLeave("room9");
  await settle();
  step("io.in('s1').disconnectSockets(true)");
  io.in("s1").disconnectSockets(true);
  await settle();
  step("io.serverSideEmit('hello', 'world', 1)");
  io.serverSideEmit("hello", "world", 1);
  await settle();
  step("io.serverSideEmit('ask', cb) with 3 servers");
  io.serverSideEmit("ask", () => {});
  await settle();
  step("io.timeout(1000).fetchSockets()");
  io.timeout(1000).fetchSockets().catch(() => {});
  await settle();
  step("io.timeout(1000).emit('ask2', cb)");
  io.timeout(1000).emit("ask2", () => {});
  await settle();
  await new Promise((r) => setTimeout(r, 20));

  io.on("hello2", (x, ack) => ack && ack({ got: x }));
  const other = "0123456789abcdef";
  const deliver = (message) => duplicates.forEach((c) => c.emitLocal("messageBuffer", Buffer.from("socket.io#/#"),
      Buffer.from(encode(message))));
  step("answer to FETCH_SOCKETS r1 from " + other + " (no local sockets)");
  deliver({ type: 7, data: { opts: { rooms: [], except: [], flags: {} }, requestId: "r1" }, uid: other, nsp: "/" });
  await settle();
  step("answer to SERVER_SIDE_EMIT r2 from " + other);
  deliver({ type: 9, data: { requestId: "r2", packet: ["hello2", "x"] }, uid: other, nsp: "/" });
  await settle();
  step("answer to BROADCAST with ack r3 from " + other + " (no local sockets)");
  deliver({ type: 3, data: { packet: { type: 2, data: ["q"] }, requestId: "r3", opts: { rooms: [], except: [], flags: { timeout: 500 } } }, uid: other, nsp: "/" });
  await settle();
  await new Promise((r) => setTimeout(r, 20));

  step("persistSession({sid, pid, rooms, data}) with maxDisconnectionDuration 30000");
  io.opts.connectionStateRecovery = { maxDisconnectionDuration: 30000 };
  await settle();
  adapter.persistSession({ sid: "_GNs_uTwJ6oVTFXXAAAA", pid: "PPtDJscSKnUVKyyXAAAB", rooms: ["_GNs_uTwJ6oVTFXXAAAA", "room1"], data: { user: "u1", n: 7 } });

  process.stdout.write(JSON.stringify(commands, null, 1) + "\n");
  process.exit(0);
}

main();
