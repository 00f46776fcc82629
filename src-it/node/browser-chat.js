// Drives the two chat examples in headless Chromium through Playwright, as people use them. The
// tutorial chat at "/" (src-it/demo/webapp/index.html): three browser contexts (one forced to
// HTTP long-polling) send with the form and each sees every message, its own included. The chat
// rooms (rooms.html): two contexts (one on polling) join a channel, talk, and see each other's
// join and leave notices; a third, in another channel, hears nothing of it. Reports one JSON
// line per scenario, like model-scenarios.js.
//
// Usage: node browser-chat.js --url http://127.0.0.1:PORT/contextRoot/ [--screenshot file.png]
//   Uses Debian's chromium at /usr/bin/chromium (CHROMIUM overrides it) and never downloads a
//   browser; a missing chromium fails the run with a message saying how to install it.
//   Exits 1 if any scenario failed, 2 on bad usage; with SOCKETEE_STDIN_LIFELINE=1 it exits
//   (code 3) when its stdin closes.
"use strict";
const assert = require("assert");
const fs = require("fs");
const path = require("path");

const STEP_TIMEOUT = 15000;
const { runScenarios, parseArgs, honourLifeline } = require("./scenario-kit");
const { launchChromium } = require("./browser-kit");

const ARGS = parseArgs(process.argv, "node browser-chat.js --url URL [--screenshot file.png]", ["url"]);
honourLifeline();

/** A page (`rooms.html` unless named) in its own browser context (its own cookies and storage: another person). */
async function person(browser, query = "", page = "rooms.html") {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const tab = await context.newPage();
  tab.setDefaultTimeout(STEP_TIMEOUT);
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  await tab.goto(new URL(page + query, ARGS.url).toString());
  await tab.locator("#status.online").waitFor();
  return { context, page: tab, errors };
}

async function join(p, nickname, channel) {
  await p.page.fill("#nickname", nickname);
  await p.page.fill("#channel", channel);
  await p.page.click("#enter");
  await p.page.locator("#messages li.self", { hasText: "you joined #" + channel }).last().waitFor();
}

async function say(p, text) {
  await p.page.fill("#input", text);
  await p.page.press("#input", "Enter");
}

/** Waits for the nth (1-based) line of `selector` holding `text`. */
async function sees(p, selector, text, nth = 1) {
  await p.page.locator("#messages " + selector, { hasText: text }).nth(nth - 1).waitFor();
}

async function count(p, selector, text) {
  return p.page.locator("#messages " + selector, { hasText: text }).count();
}

async function transport(p) {
  return p.page.evaluate(() => window.chat.transport());
}

/** The texts of the tutorial page's message list, in order. */
async function lines(p) {
  return p.page.locator("#messages li").allTextContents();
}

const SCENARIOS = {
  async "the tutorial chat at /: every chat message reaches everyone, the sender included, over polling and WebSocket"(browser) {
    const eve = await person(browser, "", "");                    // polling, then WebSocket
    const fay = await person(browser, "?transport=polling", "");  // HTTP long-polling only
    const gus = await person(browser, "", "");                    // only reads
    await eve.page.waitForFunction(() => window.chat.transport() === "websocket");

    await say(eve, "hello from eve");
    for (const p of [eve, fay, gus]) await sees(p, "li", "hello from eve");
    await say(fay, "hello from fay");
    for (const p of [eve, fay, gus]) await sees(p, "li", "hello from fay");
    // a blank message, sent past the form, is dropped by the server: the next one from the same
    // socket follows it in order, so once that one is shown the blank one would be too
    await eve.page.evaluate(() => window.chat.socket.emit("chat message", "   "));
    await say(eve, "third");
    for (const p of [eve, fay, gus]) await sees(p, "li", "third");
    for (const p of [eve, fay, gus]) {
      assert.deepStrictEqual(await lines(p), ["hello from eve", "hello from fay", "third"], "each page lists all, in order");
    }
    assert.strictEqual(await transport(fay), "polling", "the polling-only page left polling");
    assert.strictEqual(await eve.page.getAttribute("nav a[href='rooms.html']", "href"), "rooms.html", "the link to the chat rooms");
    for (const p of [eve, fay, gus]) assert.deepStrictEqual(p.errors, [], "page errors");
    for (const p of [eve, fay, gus]) await p.context.close();
  },

  async "two people, one on polling only, chat and see each other join and leave"(browser) {
    const ann = await person(browser);                          // polling, then WebSocket
    const bob = await person(browser, "?transport=polling");    // HTTP long-polling only
    const carl = await person(browser);                         // another channel
    await join(carl, "carl", "elsewhere");
    await join(ann, "ann", "lobby");
    await join(bob, "bob", "lobby");
    await sees(ann, "li.notice.in", "bob joined");

    await say(ann, "hello bob");
    await sees(ann, "li.message.mine", "ann: hello bob");
    await sees(bob, "li.message:not(.mine)", "ann: hello bob");
    await say(bob, "hi ann");
    await sees(bob, "li.message.mine", "bob: hi ann");
    await sees(ann, "li.message:not(.mine)", "bob: hi ann");

    await bob.page.click("#leave");                             // bob leaves and comes back
    await sees(ann, "li.notice.out", "bob left");
    await join(bob, "bob", "lobby");
    await sees(ann, "li.notice.in", "bob joined", 2);
    await ann.page.click("#leave");                             // ann leaves and comes back
    await sees(bob, "li.notice.out", "ann left");
    await join(ann, "ann", "lobby");
    await sees(bob, "li.notice.in", "ann joined");
    await say(bob, "welcome back");
    await sees(ann, "li.message:not(.mine)", "bob: welcome back");

    assert.strictEqual(await transport(bob), "polling", "the polling-only page left polling");
    await ann.page.waitForFunction(() => window.chat.transport() === "websocket");
    if (ARGS.screenshot) {
      fs.mkdirSync(path.dirname(ARGS.screenshot), { recursive: true });
      await ann.page.screenshot({ path: ARGS.screenshot, fullPage: true });
    }
    await ann.context.close();                                  // ann closes her window
    await sees(bob, "li.notice.out", "ann left", 2);

    assert.strictEqual(await count(carl, "li", "ann"), 0, "a person in another channel heard the lobby");
    assert.strictEqual(await count(carl, "li", "bob"), 0, "a person in another channel heard the lobby");
    for (const p of [ann, bob, carl]) assert.deepStrictEqual(p.errors, [], "page errors");
    await bob.context.close();
    await carl.context.close();
  },

  async "a message before joining and an empty nickname are refused"(browser) {
    const dan = await person(browser);
    await dan.page.click("#enter");                             // the browser's "required" check stops it
    assert.strictEqual(await dan.page.isVisible("#form"), false, "joined without a nickname");
    const answer = await dan.page.evaluate(() => new Promise((resolve) =>
      window.chat.socket.emit("room", { nickname: "   " }, resolve)));
    assert.match(answer.error, /nickname/, "a blank nickname was accepted");
    const early = await dan.page.evaluate(() => new Promise((resolve) =>
      window.chat.socket.emit("message", { message: "hi" }, resolve)));
    assert.match(early.error, /enter a channel first/);
    await dan.context.close();
  },
};

async function main() {
  const browser = await launchChromium();
  await runScenarios(SCENARIOS, { argument: browser, afterAll: () => browser.close() });
}

main();
