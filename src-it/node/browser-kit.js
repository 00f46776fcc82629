// Headless Chromium for the browser scenario scripts (browser-chat.js, admin-ui.js): Debian's
// chromium at /usr/bin/chromium (CHROMIUM overrides it) through playwright-core, never a
// downloaded browser. A missing or failing browser is reported as a failed scenario, with how to
// install it, and ends the run.
"use strict";
const fs = require("fs");
const { chromium } = require("playwright-core");
const { reporter, describeError } = require("./scenario-kit");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Reports a failure that stops the run before any scenario, then the summary (which exits). */
function cannotRun(scenario, error) {
  const report = reporter();
  report.report({ scenario, ok: false, error });
  report.finish();
}

/** The browser, launched; the process ends with a failed scenario when it cannot be. */
async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    cannotRun("chromium is installed", CHROMIUM + " is missing: run .ci/install-system-packages (Debian package chromium)");
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    cannotRun("the browser starts", describeError(e));
  }
  return null;
}

module.exports = { launchChromium };
