// What the scenario scripts share: a bounded wait, the reporter every script prints its results
// through, and the loop that runs named scenarios one after another.
//
// The output the Java tests read (io.socketee.it.support.ScenarioRun): one JSON line per
// scenario, {"scenario": id, "ok": true, ...} or {"scenario": id, "ok": false, "error": "..."},
// then, as the last JSON line, {"summary": {"scenarios": n, "failed": f}}, and exit code 1 when
// any scenario failed, else 0. A script that crashes, or ends any other way, prints no summary,
// so the Java side can tell a finished run from one that stopped halfway.
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

/** Resolves after {@code ms}. */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves once {@code check()} (may be async) is true, looking every {@code everyMs}; rejects
 * after {@code ms}, naming {@code what()}.
 */
async function waitFor(what, ms, check, everyMs = 100) {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error("timed out after " + ms + " ms waiting for " + what());
    await delay(everyMs);
  }
}

/**
 * Prints scenario results and counts them; {@code finish()} prints the summary line and exits,
 * with 1 when any reported scenario failed, else 0. Not for concurrent use across processes; a
 * script's scenarios may report in any order.
 */
function reporter() {
  const counts = { scenarios: 0, failed: 0 };
  return {
    /** Prints one scenario's line; {@code line} has at least "scenario" and "ok". */
    report(line) {
      counts.scenarios++;
      if (!line.ok) counts.failed++;
      console.log(JSON.stringify(line));
    },
    /** Prints the summary line and ends the process. */
    finish() {
      console.log(JSON.stringify({ summary: counts }));
      process.exit(counts.failed ? 1 : 0);
    },
  };
}

/** An error as reported: its stack when it has one. */
function describeError(e) {
  return String((e && e.stack) || e);
}

/**
 * Runs each scenario one after the other, reports it, then prints the summary and exits.
 * Options: {@code only} (ids to run; an unknown id is reported as failed), {@code timeoutMs}
 * (bound on each scenario), {@code argument} (passed to each scenario), {@code afterEach}
 * (awaited after each scenario, pass or fail), {@code afterAll} (awaited before the summary),
 * {@code timed} (adds "ms" to each line).
 */
async function runScenarios(scenarios, options = {}) {
  const report = reporter();
  const ids = options.only || Object.keys(scenarios);
  try {
    for (const id of ids) {
      const started = Date.now();
      const line = { scenario: id, ok: true };
      try {
        if (!Object.prototype.hasOwnProperty.call(scenarios, id)) throw new Error("unknown scenario");
        const run = scenarios[id](options.argument);
        await (options.timeoutMs ? within(options.timeoutMs, run, "the scenario") : run);
      } catch (e) {
        line.ok = false;
        line.error = describeError(e);
      } finally {
        if (options.afterEach) await options.afterEach();
      }
      if (options.timed) line.ms = Date.now() - started;
      report.report(line);
    }
  } finally {
    if (options.afterAll) await options.afterAll();
  }
  report.finish();
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

/** With SOCKETEE_STDIN_LIFELINE=1 (set by the Java tests), exits with 3 when stdin closes. */
function honourLifeline() {
  if (process.env.SOCKETEE_STDIN_LIFELINE === "1") {
    process.stdin.on("end", () => process.exit(3));
    process.stdin.on("close", () => process.exit(3));
    process.stdin.resume();
  }
}

module.exports = { within, delay, waitFor, reporter, runScenarios, parseArgs, honourLifeline, describeError };
