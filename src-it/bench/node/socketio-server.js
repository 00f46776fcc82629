// The benchmark contract of issue 7 on the Node.js reference server (socket.io from
// src-it/node/package-lock.json; run with NODE_PATH=src-it/node/node_modules).
// SocketEE's io.socketee.bench.app.BenchApp implements the same contract.
//
// Usage: node --expose-gc socketio-server.js <port>
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
const httpServer = http.createServer((req, res) => {
  if (req.url === "/bench/heap") {
    if (global.gc) global.gc();
    res.end(String(process.memoryUsage().heapUsed));
  }
});
const io = new Server(httpServer);

io.on("connection", (socket) => {
  socket.on("echo", (payload, ack) => { if (typeof ack === "function") ack(payload); });
  socket.on("join", (room, ack) => { socket.join(room); if (typeof ack === "function") ack("ok"); });
  socket.on("fanout", (room, payload) => io.to(room).emit("fan", payload));
});

httpServer.listen(port, "127.0.0.1", () => console.log("listening " + httpServer.address().port));
const stop = () => { io.close(); httpServer.close(); process.exit(0); };
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
