// Drives the official Socket.IO admin UI (@socket.io/admin-ui 0.5.1, its ui/dist served here by
// a small static HTTP server, as an operator would host it) in headless Chromium through
// Playwright, against a SocketEE server with socketio.admin.enabled: the UI refuses a wrong
// password and logs in with the right one, lists the server, shows a real socket.io-client's
// socket with its rooms and transport, and a "disconnect" clicked in the UI disconnects that
// client. Reports one JSON line per scenario, like browser-chat.js.
//
// Usage: node admin-ui.js --url http://127.0.0.1:PORT/contextRoot/ --user NAME --password SECRET
//          --server-id ID [--screenshots DIR --name SERVER]
//   Uses Debian's chromium at /usr/bin/chromium (CHROMIUM overrides it), never a downloaded
//   browser. Exits 1 if any scenario failed, 2 on bad usage; with SOCKETEE_STDIN_LIFELINE=1 it
//   exits (code 3) when its stdin closes.
"use strict";
const assert = require("assert");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { io } = require("socket.io-client");

const STEP_TIMEOUT = 15000;
const { runScenarios, parseArgs, honourLifeline, within } = require("./scenario-kit");
const { launchChromium } = require("./browser-kit");

const ARGS = parseArgs(process.argv, "node admin-ui.js --url URL --user NAME --password SECRET --server-id ID"
  + " [--screenshots DIR --name SERVER]", ["url", "user", "password", "server-id"]);
honourLifeline();

const APP = new URL(ARGS.url);
const ORIGIN = APP.origin;
const SOCKET_PATH = APP.pathname.replace(/\/?$/, "/") + "socket.io";
const UI_DIST = path.join(path.dirname(require.resolve("@socket.io/admin-ui/package.json")), "ui", "dist");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".png": "image/png",
  ".svg": "image/svg+xml", ".map": "application/json" };

/** Serves the UI's static files on 127.0.0.1 and an ephemeral port; resolves with its base URL. */
function serveUi() {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(UI_DIST, rel);
    if (!file.startsWith(UI_DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ server, url: "http://127.0.0.1:" + server.address().port + "/" })));
}

/** A real client of the application's main namespace, upgraded to WebSocket. */
async function realClient() {
  const socket = io(ORIGIN + "/", { path: SOCKET_PATH, reconnection: false, forceNew: true });
  const disconnected = new Promise((resolve) => socket.on("disconnect", resolve));
  await within(STEP_TIMEOUT, new Promise((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  }), "the real client's connect");
  if (socket.io.engine.transport.name !== "websocket") {
    await within(STEP_TIMEOUT, new Promise((resolve) => socket.io.engine.once("upgrade", resolve)),
      "the real client's upgrade");
  }
  return { socket, disconnected };
}

/** The UI in a fresh browser context, the advanced "path" option preset to the application's. */
async function openUi(browser, uiUrl) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
  // only the UI's server and the application: the UI's web fonts and icon CSS stay offline
  await context.route((url) => url.origin !== ORIGIN && !url.href.startsWith(uiUrl), (route) => route.abort());
  await context.addInitScript((p) => localStorage.setItem("path", p), SOCKET_PATH);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(uiUrl);
  return { context, page, errors };
}

/** Fills the connection dialog as a person does and submits it. */
async function login(page, password) {
  const dialog = page.locator(".v-dialog--active");
  await dialog.getByLabel("Server URL").fill(ORIGIN);
  await dialog.getByLabel("Username").fill(ARGS.user);
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Connect" }).click();
}

async function screenshot(page, what) {
  if (ARGS.screenshots) {
    fs.mkdirSync(ARGS.screenshots, { recursive: true });
    await page.screenshot({ path: path.join(ARGS.screenshots, "admin-ui-" + what + "-" + (ARGS.name || "server") + ".png"),
      fullPage: true });
  }
}

const state = {};

/** The real client's row on the Sockets page (the only row naming its id and its transport). */
function socketRow(page) {
  return page.locator("tbody tr", { hasText: state.client.socket.id }).filter({ hasText: "WebSocket" });
}

const SCENARIOS = {
  async "a wrong password is refused in the UI, the right one logs in"({ browser, uiUrl }) {
    state.client = await realClient();
    state.ui = await openUi(browser, uiUrl);
    const { page } = state.ui;
    await login(page, ARGS.password + "-wrong");
    await page.locator(".v-dialog--active", { hasText: "Invalid credentials" }).waitFor();
    await login(page, ARGS.password);
    await page.locator(".v-dialog--active").waitFor({ state: "detached" }).catch(async () =>
      page.locator(".v-dialog--active").waitFor({ state: "hidden" }));
    // the server's "session" event: the UI keeps the id to reconnect without the password
    await page.waitForFunction(() => /^[0-9a-f]{16}$/.test(localStorage.getItem("session_id") || ""));
  },

  async "the Servers page lists this server with its clients"() {
    const { page } = state.ui;
    await page.goto(new URL("#/servers/", page.url()).toString());
    const row = page.locator("tbody tr", { hasText: ARGS["server-id"] });
    await row.getByText(/healthy/i).waitFor();
    // ID, hostname, PID, uptime, clients: the real client and the UI's own connection
    assert.strictEqual((await row.locator("td").nth(4).innerText()).trim(), "2", "clients count");
    await screenshot(page, "servers");
  },

  async "the Sockets page shows the real client's socket on WebSocket, with its rooms"() {
    const { page } = state.ui;
    const id = state.client.socket.id;
    await page.goto(new URL("#/sockets/", page.url()).toString());
    const row = socketRow(page);
    await row.waitFor();
    await row.getByText("WebSocket").waitFor();
    await screenshot(page, "sockets");
    await row.click();                                          // the socket's own page: its rooms
    const rooms = page.locator(".v-card", { has: page.locator(".v-card__title", { hasText: /^\s*Rooms\s*$/ }) });
    await rooms.locator("tbody tr", { hasText: "lobby" }).first().waitFor();
    await rooms.locator("tbody tr", { hasText: id }).first().waitFor();
    await screenshot(page, "socket");
  },

  async "a disconnect clicked in the UI disconnects the real client"() {
    const { page } = state.ui;
    await page.goto(new URL("#/sockets/", page.url()).toString());
    const row = socketRow(page);
    await row.locator("button").click();
    const reason = await within(STEP_TIMEOUT, state.client.disconnected, "the real client's disconnect");
    assert.strictEqual(reason, "io server disconnect");
    await row.waitFor({ state: "detached" });
    assert.deepStrictEqual(state.ui.errors, [], "page errors");
  },
};

async function main() {
  const browser = await launchChromium();
  const ui = await serveUi();
  await runScenarios(SCENARIOS, {
    argument: { browser, uiUrl: ui.url },
    afterAll: async () => {
      if (state.client) state.client.socket.close();
      await browser.close();
      ui.server.close();
    },
  });
}

main();
