// A Node.js member of a mixed cluster: socket.io 4.8 with @socket.io/redis-adapter (createAdapter,
// the classic protocol), implementing the cluster contract of SocketEE's test application
// (src-it/java/io/socketee/it/cluster/app/ClusterApp.java), so one scenario script drives both.
//
// Usage: node cluster-node.js <port> <redis-url> <node-name> [path] [adapter] [subscription-mode] [topology] [channel-prefix]
//   path: where the transports are, /socket.io/ by default (a WAR's is /<context>/socket.io/)
//   adapter: redis (the classic @socket.io/redis-adapter, the default), redis-streams
//     (@socket.io/redis-streams-adapter, with connectionStateRecovery on) or redis-sharded
//     (createShardedAdapter of @socket.io/redis-adapter, on the Redis Cluster that the node at
//     redis-url belongs to)
//   subscription-mode: redis-sharded's subscriptionMode (static, dynamic, dynamic-private); none:
//     the adapter's default (dynamic)
//   topology: cluster to reach a Redis Cluster through node-redis' cluster client with the classic
//     adapter too (redis-url: the seed nodes, comma-separated); none: one Redis (redis-sharded is
//     always on a cluster)
//   channel-prefix: redis-streams' channelPrefix (socket.io by default; the stream keeps its
//     default name, socket.io)
//   prints "listening <port>" once ready; stops on SIGTERM, or when stdin closes if
//   SOCKETEE_STDIN_LIFELINE=1.
//
// Contract on "/" (every event acknowledges its result):
//   whoami                      the node's name
//   state                       {node, recovered, rooms, data} of the socket
//   join(room)                  socket.join(room)
//   set-data(key, value)        socket.data[key] = value
//   emit({room?, except?, event, args})          io[.to(room)][.except(except)].emit(event, ...args)
//   emit-ack({room?, except?, timeout})          io...timeout(t).emitWithAck("question") → answers, or {error}
//   fetch({room?, except?})     io...fetchSockets() → [{id, rooms, data, query}], or {error}
//   sockets-join({room?, except?, join})         io...socketsJoin(join)
//   sockets-leave({room?, except?, leave})       io...socketsLeave(leave)
//   disconnect-sockets({room?, except?})         io...disconnectSockets(true)
//   server-side                 io.serverSideEmitWithAck("hello", name) → answers, or {error}
//   all-rooms                   [...await io.of("/").adapter.allRooms()]
// Server side: "hello" from another server is answered "<name> hears <sender>".
"use strict";
const http = require("http");
const { Server } = require("socket.io");
const { createAdapter, createShardedAdapter } = require("@socket.io/redis-adapter");
const streams = require("@socket.io/redis-streams-adapter");
const { createClient, createCluster } = require("redis");

const [port, redisUrl, name, path, adapter, subscriptionMode, topology, channelPrefix] = [Number(process.argv[2]),
  process.argv[3], process.argv[4], process.argv[5] || "/socket.io/", process.argv[6] || "redis", process.argv[7],
  process.argv[8], process.argv[9]];

async function main() {
  const cluster = adapter === "redis-sharded" || topology === "cluster";
  const pub = cluster ? createCluster({ rootNodes: redisUrl.split(",").map((url) => ({ url })) })
    : createClient({ url: redisUrl });
  const sub = pub.duplicate();
  pub.on("error", () => {});
  sub.on("error", () => {});
  await Promise.all([pub.connect(), sub.connect()]);
  const httpServer = http.createServer();
  const options = { path, pingInterval: 1500, pingTimeout: 3000 };
  if (adapter === "redis-streams") {
    options.adapter = streams.createAdapter(pub, channelPrefix ? { channelPrefix } : {});
    options.connectionStateRecovery = { maxDisconnectionDuration: 120000 };
  } else if (adapter === "redis-sharded") {
    options.adapter = createShardedAdapter(pub, sub, subscriptionMode ? { subscriptionMode } : {});
  } else {
    options.adapter = createAdapter(pub, sub);
  }
  const io = new Server(httpServer, options);

  const target = (spec) => {
    let op = io;
    if (spec.room != null) op = op.to(spec.room);
    if (spec.except != null) op = op.except(spec.except);
    return op;
  };
  const failed = (e) => ({ error: String(e && e.message) });

  io.on("hello", (sender, ack) => ack(name + " hears " + sender));
  io.on("connection", (socket) => {
    socket.on("whoami", (ack) => ack(name));
    socket.on("state", (ack) => ack({ node: name, recovered: socket.recovered, rooms: [...socket.rooms], data: socket.data }));
    socket.on("join", (room, ack) => { socket.join(room); ack("ok"); });
    socket.on("set-data", (key, value, ack) => { socket.data[key] = value; ack("ok"); });
    socket.on("emit", (spec, ack) => { target(spec).emit(spec.event, ...(spec.args || [])); ack("ok"); });
    socket.on("emit-ack", (spec, ack) => {
      target(spec).timeout(spec.timeout).emitWithAck("question").then(ack, (e) => ack(failed(e)));
    });
    socket.on("fetch", (spec, ack) => {
      target(spec).fetchSockets().then(
        (found) => ack(found.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data, query: s.handshake.query }))),
        (e) => ack(failed(e)));
    });
    socket.on("sockets-join", (spec, ack) => { target(spec).socketsJoin(spec.join); ack("ok"); });
    socket.on("sockets-leave", (spec, ack) => { target(spec).socketsLeave(spec.leave); ack("ok"); });
    socket.on("disconnect-sockets", (spec, ack) => { target(spec).disconnectSockets(true); ack("ok"); });
    socket.on("server-side", (ack) => {
      io.serverSideEmitWithAck("hello", name).then(ack, (e) => ack(failed(e)));
    });
    socket.on("all-rooms", (ack) => {
      io.of("/").adapter.allRooms().then((rooms) => ack([...rooms]), (e) => ack(failed(e)));
    });
  });

  httpServer.listen(port, "127.0.0.1", () => console.log("listening " + httpServer.address().port));
  const stop = () => { io.close(); pub.quit().catch(() => {}); sub.quit().catch(() => {}); process.exit(0); };
  process.on("SIGTERM", stop);
  if (process.env.SOCKETEE_STDIN_LIFELINE === "1") {
    process.stdin.on("end", stop);
    process.stdin.resume();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
