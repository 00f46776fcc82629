// Drives the official engine.io-client (6.x, Engine.IO v4) against a raw Engine.IO endpoint that
// greets with "welcome <sid> v4", echoes text as "echo:<text>" and binary reversed
// (src-it/java/io/socketee/it/app/EchoEngine.java).
// Usage: node engine-client.js <url of the endpoint, e.g. http://127.0.0.1:9081/ctx/engine.io/> polling|websocket|upgrade
// Prints one JSON line per check and exits non-zero when any failed.
"use strict";
const { Socket } = require("engine.io-client");
const assert = require("assert");

const [, , url, mode] = process.argv;
const u = new URL(url);
const transports = mode === "websocket" ? ["websocket"] : ["polling", "websocket"];
const socket = new Socket(u.origin, { path: u.pathname, transports, upgrade: mode !== "polling" });
const received = [];
let failed = false;
const timer = setTimeout(() => finish(new Error("timed out; received " + JSON.stringify(received))), 15000);

function report(check, error) {
  console.log(JSON.stringify({ check, mode, ok: !error, error: error ? String(error.message || error) : undefined }));
  if (error) failed = true;
}

function finish(error) {
  clearTimeout(timer);
  if (error) report("all", error);
  socket.close();
  process.exit(failed ? 1 : 0);
}

function next() {
  return new Promise((resolve) => {
    if (received.length) return resolve(received.shift());
    socket.once("message", () => resolve(received.shift()));
  });
}

socket.on("message", (data) => received.push(data));
socket.on("open", async () => {
  try {
    const welcome = await next();
    assert.strictEqual(welcome, "welcome " + socket.id + " v4");
    report("welcome");
    if (mode === "upgrade") {
      await new Promise((resolve) => (socket.transport.name === "websocket" ? resolve() : socket.once("upgrade", resolve)));
    }
    assert.strictEqual(socket.transport.name, mode === "polling" ? "polling" : "websocket");
    report("transport");
    socket.send("héllo");
    assert.strictEqual(await next(), "echo:héllo");
    report("text");
    socket.send(Uint8Array.from([1, 2, 3, 250]));
    const bin = await next();
    assert.deepStrictEqual(Array.from(new Uint8Array(bin)), [250, 3, 2, 1]);
    report("binary");
    socket.on("close", (reason) => {
      try {
        assert.strictEqual(reason, "transport close");
        report("server-close");
        finish();
      } catch (e) {
        finish(e);
      }
    });
    socket.send("close-me");
  } catch (e) {
    finish(e);
  }
});
socket.on("error", (e) => finish(e));
