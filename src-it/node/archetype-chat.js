// Chats through a project generated from io.socketee:socketee-archetype (the WAR ArchetypeIT
// deploys): the chat of namespace /chat with its nickname middleware, "join" and "message", with
// socket.io-client 4, and reports one JSON line per scenario (scenario-kit.js).
//
// Usage: node archetype-chat.js --url http://127.0.0.1:PORT/contextRoot/ [--transport polling|websocket]
//   Exits 1 if any scenario failed, 2 on bad usage; with SOCKETEE_STDIN_LIFELINE=1 it exits
//   (code 3) when its stdin closes.
"use strict";
const assert = require("assert");
const { io } = require("socket.io-client");
const { within, runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");

const STEP_TIMEOUT = 10000;
const USAGE = "node archetype-chat.js --url URL [--transport polling|websocket]";
const ARGS = parseArgs(process.argv, USAGE, ["url"]);
const TRANSPORT = ARGS.transport || "websocket";
if (!["polling", "websocket"].includes(TRANSPORT)) {
  console.error("--transport must be polling or websocket\nusage: " + USAGE);
  process.exit(2);
}
const BASE = new URL(ARGS.url);
const PATH = BASE.pathname.replace(/\/?$/, "/") + "socket.io";
let opened = [];

honourLifeline();

/** A client of /chat with `auth`, recording what it receives, not yet connected. */
function client(auth) {
  const socket = io(BASE.origin + "/chat", {
    path: PATH, transports: [TRANSPORT], forceNew: true, reconnection: false, timeout: STEP_TIMEOUT, auth,
  });
  opened.push(socket);
  socket.received = [];
  socket.onAny((event, ...args) => socket.received.push({ event, args }));
  return socket;
}

/** Resolves once `socket` is connected; rejects with its connect_error. */
function connected(socket) {
  return within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  }), "the connection");
}

/** Emits `event` with `arg` and resolves with the server's acknowledgement. */
function ask(socket, event, arg) {
  return within(STEP_TIMEOUT, new Promise((resolve) => socket.emit(event, arg, resolve)), "the answer to " + event);
}

/** Resolves with the arguments of the next `event` on `socket`. */
function next(socket, event) {
  return within(STEP_TIMEOUT, new Promise((resolve) => socket.once(event, (...args) => resolve(args))), event);
}

async function member(nickname, room) {
  const socket = client({ nickname });
  await connected(socket);
  assert.strictEqual(await ask(socket, "join", room), room);
  return socket;
}

const scenarios = {
  async "a client without a nickname is refused by the middleware"() {
    const err = await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
      const socket = client({});
      socket.on("connect", () => reject(new Error("connected without a nickname")));
      socket.on("connect_error", resolve);
    }), "the refusal");
    assert.strictEqual(err.message, "a nickname of 1 to 32 characters is required");
    assert.deepStrictEqual(err.data, { field: "nickname" });
  },

  async "two clients in one room chat, a third in another room hears nothing"() {
    const ann = await member("ann", "lobby");
    const joined = next(ann, "joined");
    const bob = await member("bob", "lobby");
    assert.deepStrictEqual(await joined, ["bob"]);
    const eve = await member("eve", "elsewhere");
    const toAnn = next(ann, "message");
    const toBob = next(bob, "message");
    bob.emit("message", "hello");
    assert.deepStrictEqual(await toAnn, [{ nickname: "bob", text: "hello" }]);
    assert.deepStrictEqual(await toBob, [{ nickname: "bob", text: "hello" }]);
    // eve's own room gets a line after bob's: when it arrives, bob's would have arrived before it
    const own = next(eve, "message");
    eve.emit("message", "anyone?");
    assert.deepStrictEqual(await own, [{ nickname: "eve", text: "anyone?" }]);
    assert.deepStrictEqual(eve.received.filter((r) => r.event === "message").map((r) => r.args[0].nickname), ["eve"]);
  },

  async "a member who disconnects is announced to the room"() {
    const ann = await member("ann", "kitchen");
    const bob = await member("bob", "kitchen");
    const left = next(ann, "left");
    bob.disconnect();
    assert.deepStrictEqual(await left, ["bob"]);
  },
};

runScenarios(scenarios, {
  timeoutMs: 30000,
  afterEach: async () => {
    for (const socket of opened) socket.close();
    opened = [];
  },
});
