// Clients through nginx (server-config/nginx/socketee.conf) in front of two members of a mixed
// cluster that serve the same path: a SocketEE node (A) and a Node.js node (N).
//
// Usage: node proxy-scenario.js --proxy URL --a URL --n URL
//   URLs are application bases with the same path (http://127.0.0.1:9086/socketee-cluster-a/).
// Prints one JSON line per scenario: {"scenario": id, "ok": true} or {..., "ok": false, "error"},
// then the summary line of scenario-kit.js.
"use strict";
const assert = require("assert");
const { io } = require("socket.io-client");

const { within, runScenarios, parseArgs } = require("./scenario-kit");

const ARGS = parseArgs(process.argv, "node proxy-scenario.js --proxy URL --a URL --n URL", ["proxy", "a", "n"]);
const STEP = 8000;


function connect(base, transports) {
  const url = new URL(base);
  const socket = io(url.origin, { path: url.pathname.replace(/\/?$/, "/") + "socket.io/", transports, forceNew: true, reconnection: false });
  socket.upgraded = new Promise((resolve) => socket.io.engine.on("upgrade", (t) => resolve(t.name)));
  return within(STEP, new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", reject);
  }), "connect to " + base);
}

const scenarios = {
  async "polling-client-upgrades-through-nginx-and-hears-the-other-node"() {
    const x = await connect(ARGS.proxy, ["polling", "websocket"]);
    try {
      assert.strictEqual(await within(STEP, x.upgraded, "upgrade"), "websocket");
      const served = await within(STEP, x.emitWithAck("whoami"), "whoami");
      const other = await connect(served === "N" ? ARGS.a : ARGS.n, ["websocket"]);
      try {
        const heard = new Promise((resolve) => x.on("via-proxy", resolve));
        await within(STEP, other.emitWithAck("emit", { event: "via-proxy", args: [served] }), "emit from the other node");
        assert.strictEqual(await within(STEP, heard, "the broadcast from the other node"), served);
      } finally { other.disconnect(); }
    } finally { x.disconnect(); }
  },

  async "polling-only-sessions-stay-on-their-server"() {
    const clients = await Promise.all([1, 2, 3, 4].map(() => connect(ARGS.proxy, ["polling"])));
    try {
      for (let round = 0; round < 10; round++) {
        const names = await Promise.all(clients.map((c) => within(STEP, c.emitWithAck("whoami"), "whoami")));
        assert.ok(names.every((n) => n === "A" || n === "N"), JSON.stringify(names));
      }
      assert.ok(clients.every((c) => c.connected && c.io.engine.transport.name === "polling"));
    } finally { clients.forEach((c) => c.disconnect()); }
  },
};

runScenarios(scenarios);
