// Writes the test vectors of the sharded Redis adapter's wire format (src/test/resources/io/socketee/
// internal/adapter/redis/sharded/node-vectors.json) with the real createShardedAdapter of
// @socket.io/redis-adapter 8.3.0 and socket.io 4.8.1, in each subscription mode, over a fake
// node-redis v4 client that records every SPUBLISH and SSUBSCRIBE instead of sending it (no Redis
// needed). Run once from src-it/node: node sharded-vectors.js > <that file>.
// Uids and request ids are random, so each run differs; the Java tests decode and re-encode each
// payload and name its channel again.
"use strict";
const { Server } = require("socket.io");
const { createShardedAdapter } = require("@socket.io/redis-adapter");

function fakeClient(log) {
  return {
    sSubscribe(channel, handler) {
      log.push({ command: "SSUBSCRIBE", channel });
      return Promise.resolve();
    },
    sUnsubscribe(channel) {
      log.push({ command: "SUNSUBSCRIBE", channel });
      return Promise.resolve();
    },
    sPublish(channel, payload) {
      const bytes = Buffer.isBuffer(payload) || payload instanceof Uint8Array ? Buffer.from(payload) : Buffer.from(payload, "utf8");
      log.push({ command: "SPUBLISH", channel, payload: bytes.toString("base64") });
      return Promise.resolve(1);
    },
    sendCommand(args) {
      // PUBSUB SHARDNUMSUB <channel>: one server, this one, so requests need no answers
      return Promise.resolve([args[2], 1]);
    },
  };
}

async function run(mode) {
  const log = [];
  const client = fakeClient(log);
  const io = new Server({ adapter: createShardedAdapter(client, client, { subscriptionMode: mode }) });
  const adapter = io.of("/").adapter;
  adapter.addAll("socket-id-of-20-char", new Set(["socket-id-of-20-char", "room1"]));
  adapter.delAll("socket-id-of-20-char");
  io.emit("hello", 1, "two", { three: [3] });
  io.to("room1").emit("to-room", "é ☃ 😀");
  io.to("socket-id-of-20-char").emit("to-private", true);
  io.to(["room1", "room2"]).except("room3").emit("two-rooms", null);
  io.compress(false).volatile.emit("flags", 1.5);
  io.emit("binary", Buffer.from([1, 2, 3]), { nested: Buffer.from([255]) });
  io.to("room1").timeout(1000).emit("with-ack", 1, () => {});
  io.socketsJoin(["a", "b"]);
  io.in("room1").socketsLeave("a");
  io.except("room2").disconnectSockets(true);
  io.serverSideEmit("server-side", 1, { two: 2 });
  io.serverSideEmit("server-side-binary", Buffer.from([7]));
  await new Promise((resolve) => setTimeout(resolve, 50));
  io.of("/chat").to("room1").emit("other-namespace", "x");
  await new Promise((resolve) => setTimeout(resolve, 50));
  // answers: the adapter's publishResponse, as a remote server's request would trigger it
  adapter.publishResponse("0123456789abcdef", { type: 8, data: { requestId: "r1", sockets: [] } });
  adapter.publishResponse("0123456789abcdef", { type: 10, data: { requestId: "r2", packet: [Buffer.from([9])] } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { mode, uid: adapter.uid, commands: log };
}

(async () => {
  const out = [];
  for (const mode of ["static", "dynamic", "dynamic-private"]) {
    out.push(await run(mode));
  }
  console.log(JSON.stringify(out, null, 1));
  process.exit(0); // the servers have no HTTP server to close
})().catch((e) => { console.error(e); process.exit(1); });
