// Drives the official engine.io-client (6.x, Engine.IO v4) against a raw Engine.IO endpoint that
// greets with "welcome <sid> v4", echoes text as "echo:<text>" and binary reversed
// (src-it/java/io/socketee/it/app/EchoEngine.java).
// Usage: node engine-client.js <url of the endpoint, e.g. http://127.0.0.1:9081/ctx/engine.io/> polling|websocket|upgrade
// Prints one JSON line per check (welcome, transport, text, binary, server-close; the check under
// way when something fails is reported failed), then the summary line of scenario-kit.js.
"use strict";
const { Socket } = require("engine.io-client");
const assert = require("assert");
const { reporter } = require("./scenario-kit");

const [, , url, mode] = process.argv;
const u = new URL(url);
const transports = mode === "websocket" ? ["websocket"] : ["polling", "websocket"];
const socket = new Socket(u.origin, { path: u.pathname, transports, upgrade: mode !== "polling" });
const received = [];
const report = reporter();
let check = "welcome"; // the check under way: a failure is reported as its
let finished = false;
const timer = setTimeout(() => finish(new Error("timed out; received " + JSON.stringify(received))), 15000);

/** The check under way passed; {@code following} is under way now. */
function passed(following) {
  report.report({ scenario: check, mode, ok: true });
  check = following;
}

/** Reports the check under way as failed when there is an error, then the summary, and exits. */
function finish(error) {
  if (finished) return; // closing the socket below may report its close again
  finished = true;
  clearTimeout(timer);
  if (error) report.report({ scenario: check, mode, ok: false, error: String(error.message || error) });
  socket.close();
  report.finish();
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
    passed("transport");
    if (mode === "upgrade") {
      await new Promise((resolve) => (socket.transport.name === "websocket" ? resolve() : socket.once("upgrade", resolve)));
    }
    assert.strictEqual(socket.transport.name, mode === "polling" ? "polling" : "websocket");
    passed("text");
    socket.send("héllo");
    assert.strictEqual(await next(), "echo:héllo");
    passed("binary");
    socket.send(Uint8Array.from([1, 2, 3, 250]));
    const bin = await next();
    assert.deepStrictEqual(Array.from(new Uint8Array(bin)), [250, 3, 2, 1]);
    passed("server-close");
    socket.on("close", (reason) => {
      try {
        assert.strictEqual(reason, "transport close");
        passed(null);
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
