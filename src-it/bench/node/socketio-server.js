// The benchmark contract of issue 7 on the Node.js reference server (socket.io from
// src-it/node/package-lock.json; run with NODE_PATH=src-it/node/node_modules).
// SocketEE's io.socketee.bench.app.BenchApp implements the same contract.
//
// Usage: node --expose-gc socketio-server.js <port> [adapter redis-url]
//   adapter (for the cluster benchmark, io.socketee.bench.load.ClusterBench): redis
//     (createAdapter of @socket.io/redis-adapter), redis-streams (@socket.io/redis-streams-adapter)
//     or redis-sharded (createShardedAdapter of @socket.io/redis-adapter, its default subscription
//     mode, on the Redis Cluster that the node at redis-url belongs to); none: in memory
//   prints "listening <port>" once ready; stops on SIGTERM or when stdin closes.
// Contract on "/":
//   echo(payload, ack)        ack(payload)
//   join(room, ack)           socket.join(room); ack("ok")
//   fanout(room, payload)     io.to(room).emit("fan", payload), the sender included
// GET /bench/heap answers the heap in use after a full GC (bytes), for scenario S3.
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || 0);
const [adapter, redisUrl] = [process.argv[3], process.argv[4]];
const httpServer = http.createServer((req, res) => {
  if (req.url === "/bench/heap") {
    if (global.gc) global.gc();
    res.end(String(process.memoryUsage().heapUsed));
  }
});

async function clusterAdapter() {
  if (!adapter) return undefined;
  const { createClient, createCluster } = require("redis");
  const pub = adapter === "redis-sharded" ? createCluster({ rootNodes: [{ url: redisUrl }] }) : createClient({ url: redisUrl });
  pub.on("error", (e) => console.error("redis: " + e));
  if (adapter === "redis-streams") {
    await pub.connect();
    return require("@socket.io/redis-streams-adapter").createAdapter(pub);
  }
  const sub = pub.duplicate();
  sub.on("error", (e) => console.error("redis: " + e));
  await Promise.all([pub.connect(), sub.connect()]);
  const { createAdapter, createShardedAdapter } = require("@socket.io/redis-adapter");
  if (adapter === "redis-sharded") return createShardedAdapter(pub, sub);
  if (adapter === "redis") return createAdapter(pub, sub);
  throw new Error("unknown adapter " + adapter + " (redis, redis-streams, redis-sharded)");
}

let io;
clusterAdapter().then((a) => {
  io = new Server(httpServer, a ? { adapter: a } : {});
  io.on("connection", (socket) => {
    socket.on("echo", (payload, ack) => { if (typeof ack === "function") ack(payload); });
    socket.on("join", (room, ack) => { socket.join(room); if (typeof ack === "function") ack("ok"); });
    socket.on("fanout", (room, payload) => io.to(room).emit("fan", payload));
  });
  httpServer.listen(port, "127.0.0.1", () => console.log("listening " + httpServer.address().port));
}, (e) => { console.error(e); process.exit(1); });
const stop = () => { if (io) io.close(); httpServer.close(); process.exit(0); };
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
