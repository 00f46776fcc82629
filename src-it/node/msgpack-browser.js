// The msgpack browser bundle a server serves (<path>/socket.io.msgpack.min.js: socket.io-client
// with socket.io-msgpack-parser built in) in headless Chromium (browser-kit.js), against a server
// with the msgpack parser on the contract of reference-server.js: one emit with an acknowledgement,
// nested data and an ArrayBuffer, over polling, WebSocket and an upgrade. One JSON line per
// scenario, then the summary line of scenario-kit.js.
//
// Usage: node msgpack-browser.js --url http://127.0.0.1:PORT/contextRoot/
"use strict";
const assert = require("assert");
const { runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");
const { launchChromium } = require("./browser-kit");

const ARGS = parseArgs(process.argv, "node msgpack-browser.js --url URL", ["url"]);
const BASE = new URL(ARGS.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
const BUNDLE = BASE.origin + PATH + "/socket.io.msgpack.min.js";
honourLifeline();

/** In a fresh page of the server's origin with the served bundle: connect, emit with ack, report. */
async function echoInChromium(browser, transports) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    // any page of the server's origin will do: the bundle itself, shown as text
    const response = await tab.goto(BUNDLE);
    assert.strictEqual(response.status(), 200, "the bundle is served");
    await tab.addScriptTag({ url: BUNDLE });
    return await tab.evaluate(async ({ origin, path, transports }) => {
      const socket = io(origin, { path, transports, reconnection: false, timeout: 10000 });
      await new Promise((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
        socket.once("disconnect", (r) => reject(new Error("disconnected: " + r)));
      });
      const engine = socket.io.engine;
      if (transports.length > 1 && engine.transport.name !== "websocket") {
        await new Promise((resolve) => engine.once("upgrade", resolve));
      }
      const answer = await new Promise((resolve) => socket.emit("echo", { a: [1, "x", { b: null }], n: 1.5 },
        new Uint8Array([1, 2, 255]).buffer, (...args) => resolve(args)));
      const result = {
        transport: engine.transport.name,
        data: answer[0],
        binaryType: Object.prototype.toString.call(answer[1]),
        bytes: Array.from(new Uint8Array(answer[1])),
      };
      socket.close();
      return result;
    }, { origin: BASE.origin, path: PATH, transports });
  } finally {
    await context.close();
  }
}

function checked(result, transport) {
  assert.strictEqual(result.transport, transport);
  assert.deepStrictEqual(result.data, { a: [1, "x", { b: null }], n: 1.5 });
  assert.strictEqual(result.binaryType, "[object ArrayBuffer]");
  assert.deepStrictEqual(result.bytes, [1, 2, 255]);
}

const SCENARIOS = {
  async "the served msgpack bundle emits and is acknowledged over polling"(browser) {
    checked(await echoInChromium(browser, ["polling"]), "polling");
  },
  async "the served msgpack bundle emits and is acknowledged over WebSocket"(browser) {
    checked(await echoInChromium(browser, ["websocket"]), "websocket");
  },
  async "the served msgpack bundle emits and is acknowledged after an upgrade"(browser) {
    checked(await echoInChromium(browser, ["polling", "websocket"]), "websocket");
  },
};

async function main() {
  const browser = await launchChromium();
  await runScenarios(SCENARIOS, { argument: browser, timeoutMs: 60000, afterAll: () => browser.close() });
}

main();
