// The integration-test contract, implemented on the Node.js reference server (socket.io 4.8).
// SocketEE's test application (src-it/java/io/socketee/it/app) implements the same contract, so
// every client scenario and protocol test can run against both and must pass against both.
//
// Usage: node reference-server.js [port] [options-json]
//   options-json: the Server's options; "parser": "msgpack" stands for require("socket.io-msgpack-parser")
//   prints "listening <port>" on stdout once ready; stops on SIGTERM, or when stdin closes if
//   SOCKETEE_STDIN_LIFELINE=1 (set by test harnesses, so no server outlives its test run).
//
// Contract, identical on "/" and "/custom":
//   echo(...args, ack?)         ack(...args), or emit("echo", ...args) when no ack is asked
//   emit-back(event, ...args)   socket.emit(event, ...args)
//   ask(event, ...args, ack)    server emits event with an ack to the client, then ack(...answer)
//   join(room, ack?)            socket.join(room); ack("joined")
//   leave(room, ack?)           socket.leave(room); ack("left")
//   rooms(ack)                  ack([...socket.rooms])
//   broadcast(room, event, ...) to everyone in room of this namespace (null room: everyone)
//   broadcast-others(room, event, ...)  the same, excluding the sender
//   disconnect-me(close)        socket.disconnect(close === true)
//   last-disconnect(id, ack)    ack(reason the server saw for socket id, or null)
//   handshake(ack)              ack({ auth, token: query.token ?? null, nsp })
// Handshake rule (allowRequest): a handshake whose query has "forbidden" is refused with
// 403 {"code":4,"message":"forbidden by test"}.
// "/custom" admits a socket only with auth.token (v5) or query token (v4) equal to "secret";
// otherwise the connection is refused with Error("unauthorized") and data { code: 401 }.
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || 0);
const options = Object.assign(
  { allowEIO3: true, pingInterval: 1500, pingTimeout: 3000, connectTimeout: 3000, cors: { origin: true, credentials: true } },
  JSON.parse(process.argv[3] || "{}")
);

if (options.parser === "msgpack") {
  options.parser = require("socket.io-msgpack-parser");
}

options.allowRequest = (req, callback) => {
  const forbidden = new URL(req.url, "http://localhost").searchParams.has("forbidden");
  callback(forbidden ? "forbidden by test" : null, !forbidden);
};

const httpServer = http.createServer();
const io = new Server(httpServer, options);
const reasons = new Map();

function contract(nsp) {
  nsp.on("connection", (socket) => {
    socket.on("disconnect", (reason) => reasons.set(socket.id, reason));
    socket.on("echo", (...args) => {
      const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
      if (ack) ack(...args); else socket.emit("echo", ...args);
    });
    socket.on("emit-back", (event, ...args) => socket.emit(event, ...args));
    socket.on("ask", (event, ...args) => {
      const ack = args.pop();
      socket.emit(event, ...args, (...answer) => ack(...answer));
    });
    socket.on("join", (room, ack) => { socket.join(room); if (typeof ack === "function") ack("joined"); });
    socket.on("leave", (room, ack) => { socket.leave(room); if (typeof ack === "function") ack("left"); });
    socket.on("rooms", (ack) => ack([...socket.rooms]));
    socket.on("broadcast", (room, event, ...args) => (room == null ? nsp : nsp.to(room)).emit(event, ...args));
    socket.on("broadcast-others", (room, event, ...args) =>
      (room == null ? socket.broadcast : socket.to(room)).emit(event, ...args));
    socket.on("disconnect-me", (close) => socket.disconnect(close === true));
    socket.on("last-disconnect", (id, ack) => ack(reasons.has(id) ? reasons.get(id) : null));
    socket.on("handshake", (ack) =>
      ack({ auth: socket.handshake.auth, token: socket.handshake.query.token ?? null, nsp: nsp.name }));
  });
}

contract(io.of("/"));
const custom = io.of("/custom");
custom.use((socket, next) => {
  const token = (socket.handshake.auth && socket.handshake.auth.token) || socket.handshake.query.token;
  if (token === "secret") return next();
  const err = new Error("unauthorized");
  err.data = { code: 401 };
  next(err);
});
contract(custom);

httpServer.listen(port, "127.0.0.1", () => {
  console.log("listening " + httpServer.address().port);
});
const stop = () => { io.close(); httpServer.close(); process.exit(0); };
process.on("SIGTERM", stop);
if (process.env.SOCKETEE_STDIN_LIFELINE === "1") {
  // started by a test harness: die with it when it closes our stdin
  process.stdin.on("end", stop);
  process.stdin.resume();
}
