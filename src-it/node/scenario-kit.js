// What the scenario scripts share: a bounded wait and the loop that runs named scenarios one
// after another and prints one JSON line each, {"scenario": id, "ok": true} or
// {"scenario": id, "ok": false, "error": "..."}, which the Java tests read.
"use strict";

/** Resolves or rejects as {@code promise} does, or rejects after {@code ms} naming {@code what}. */
function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out after " + ms + " ms waiting for "
      + (typeof what === "function" ? what() : what))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs each scenario (all, or those named in {@code only}), reports it, then exits 0. */
async function runScenarios(scenarios, only) {
  for (const [id, run] of Object.entries(scenarios)) {
    if (only && !only.includes(id)) continue;
    try {
      await run();
      console.log(JSON.stringify({ scenario: id, ok: true }));
    } catch (e) {
      console.log(JSON.stringify({ scenario: id, ok: false, error: String((e && e.stack) || e) }));
    }
  }
  process.exit(0);
}

/**
 * {@code --name value} pairs of the command line as an object; a malformed pair, or a missing
 * name of {@code required}, prints {@code usage} and exits with 2.
 */
function parseArgs(argv, usage, required = []) {
  const fail = (message) => {
    console.error(message + (usage ? "\nusage: " + usage : ""));
    process.exit(2);
  };
  const args = {};
  for (let i = 2; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || i + 1 >= argv.length) fail("bad argument " + argv[i]);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const name of required) if (!args[name]) fail("--" + name + " is required");
  return args;
}

module.exports = { within, runScenarios, parseArgs };
