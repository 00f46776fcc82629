// The floor of issue 7: the benchmark contract on a raw WebSocket server (the `ws` package from
// src-it/node/package-lock.json; run with NODE_PATH=src-it/node/node_modules), with the same
// operations as socketio-server.js but no Engine.IO / Socket.IO framing: each text message is
// a JSON array.
//
// Usage: node --expose-gc ws-server.js <port>
//   prints "listening <port>" once ready; stops on SIGTERM or when stdin closes.
// Messages (client -> server, then server -> client):
//   ["echo", id, payload]       [id, payload]
//   ["join", id, room]          [id, "ok"]
//   ["fanout", room, payload]   ["fan", payload] to every member of room, the sender included
// GET /bench/heap answers the heap in use after a full GC (bytes), for scenario S3.
"use strict";
const http = require("http");
const { WebSocketServer } = require("ws");

const port = Number(process.argv[2] || 0);
const httpServer = http.createServer((req, res) => {
  if (req.url === "/bench/heap") {
    if (global.gc) global.gc();
    res.end(String(process.memoryUsage().heapUsed));
  }
});
const wss = new WebSocketServer({ server: httpServer });
const rooms = new Map();

wss.on("connection", (ws) => {
  const joined = new Set();
  ws.on("message", (data) => {
    const msg = JSON.parse(data.toString());
    if (msg[0] === "echo") {
      ws.send(JSON.stringify([msg[1], msg[2]]));
    } else if (msg[0] === "join") {
      let members = rooms.get(msg[2]);
      if (!members) rooms.set(msg[2], (members = new Set()));
      members.add(ws);
      joined.add(msg[2]);
      ws.send(JSON.stringify([msg[1], "ok"]));
    } else if (msg[0] === "fanout") {
      const members = rooms.get(msg[1]);
      if (members) {
        const text = JSON.stringify(["fan", msg[2]]);   // encoded once per broadcast
        for (const member of members) member.send(text);
      }
    }
  });
  ws.on("close", () => {
    for (const room of joined) {
      const members = rooms.get(room);
      members.delete(ws);
      if (members.size === 0) rooms.delete(room);
    }
  });
});

httpServer.listen(port, "127.0.0.1", () => console.log("listening " + httpServer.address().port));
const stop = () => { wss.close(); httpServer.close(); process.exit(0); };
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
