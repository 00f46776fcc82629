package io.socketee.it.support;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The verdict on one finished run of a scenario script of {@code src-it/node}, the one checker
 * every test that runs such a script goes through. The script reports as
 * {@code scenario-kit.js} describes: a JSON line per scenario, {@code {"scenario": id, "ok":
 * true|false, "error": ..., "skipped": reason}}, then a last JSON line {@code {"summary":
 * {"scenarios": n, "failed": f}}}, and exits with 1 when a scenario failed, else 0.
 *
 * <p>A scenario passes when its line says ok; the run passes only when it ended in time, with
 * the exit code its results call for, with a summary line last that counts what it reported, and
 * with exactly the expected scenarios, each once. So a script that crashes halfway, skips a
 * scenario, reports one twice, or ends without its summary, fails.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScenarioRun {
    private final NodeProcess.Result result;
    private final List<String> expected;
    private final Map<String, JSONObject> scenarios = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private ScenarioRun(NodeProcess.Result result, List<String> expected) {
        this.result = result;
        this.expected = List.copyOf(expected);
        check();
    }

    /** The verdict on {@code result}, a run that should have reported exactly {@code expected}. */
    public static ScenarioRun of(NodeProcess.Result result, List<String> expected) {
        return new ScenarioRun(result, expected);
    }

    /** Runs {@code node script args...} to its end (or {@code timeout}) and judges it. */
    public static ScenarioRun run(Duration timeout, List<String> expected, String script, String... args) {
        return of(NodeProcess.run(timeout, script, args), expected);
    }

    /**
     * One test per expected scenario, named {@code [context] scenario}, and one for the run as a
     * whole, of {@code script} run with {@code args} within four minutes.
     */
    public static Stream<DynamicTest> tests(String script, String context, List<String> expected, String... args) {
        return run(Duration.ofMinutes(4), expected, script, args).tests(context);
    }

    /** One test per expected scenario, named {@code [context] scenario}, and one for the run as a whole. */
    public Stream<DynamicTest> tests(String context) {
        Stream<DynamicTest> each = expected.stream().map(id -> dynamicTest("[" + context + "] " + id, () -> assertScenario(id)));
        return Stream.concat(each, Stream.of(dynamicTest("[" + context + "] the run reports every scenario once, a summary,"
                + " and exits as its results say", this::assertComplete)));
    }

    /**
     * Passes when {@code id} reported ok, aborts (JUnit assumption) when it reported itself
     * skipped, fails otherwise.
     */
    public void assertScenario(String id) {
        JSONObject line = scenarios.get(id);
        if (line == null) {
            throw new AssertionError("no result for " + id + ": " + result.summary());
        }
        if (line.has("skipped")) {
            Assumptions.abort(line.optString("skipped"));
        }
        if (!line.optBoolean("ok")) {
            throw new AssertionError(id + ": " + line.optString("error") + "\nstderr:\n" + result.stderr());
        }
    }

    /** Fails, listing {@link #problems()}, unless the run as a whole was clean. */
    public void assertComplete() {
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems) + "\n" + result.summary());
        }
    }

    /** What went wrong with the run as a whole; empty when it was clean. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The line {@code id} reported, if it reported one. */
    public Optional<JSONObject> scenario(String id) {
        return Optional.ofNullable(scenarios.get(id));
    }

    /** What the script printed and how it ended. */
    public NodeProcess.Result result() {
        return result;
    }

    private void check() {
        if (result.timedOut()) {
            problems.add("the run timed out");
        }
        List<JSONObject> lines = jsonLines();
        Optional<JSONObject> summary = summaryLast(lines);
        int failed = 0;
        Set<String> duplicates = new LinkedHashSet<>();
        for (JSONObject line : lines) {
            if (line.has("summary")) {
                continue;
            }
            String id = line.optString("scenario", null);
            if (id == null) {
                problems.add("a result line names no scenario: " + line);
                continue;
            }
            if (scenarios.put(id, line) != null) {
                duplicates.add(id);
            }
            if (!line.optBoolean("ok")) {
                failed++;
            }
        }
        int reported = (int) lines.stream().filter(line -> !line.has("summary")).count();
        if (!duplicates.isEmpty()) {
            problems.add("reported more than once: " + duplicates);
        }
        List<String> missing = expected.stream().filter(id -> !scenarios.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            problems.add("no result for " + missing);
        }
        List<String> unexpected = scenarios.keySet().stream().filter(id -> !expected.contains(id)).toList();
        if (!unexpected.isEmpty()) {
            problems.add("not expected: " + unexpected);
        }
        if (summary.isPresent()) {
            checkSummary(summary.get(), reported, failed);
        }
        if (!result.timedOut() && result.exitCode() != (failed > 0 ? 1 : 0)) {
            problems.add("exit code " + result.exitCode() + " after " + failed + " failed scenario(s)");
        }
    }

    private void checkSummary(JSONObject line, int reported, int failed) {
        JSONObject summary = line.optJSONObject("summary");
        if (summary == null || summary.optInt("scenarios", -1) != reported || summary.optInt("failed", -1) != failed) {
            problems.add("the summary " + line + " does not count the " + reported + " scenario line(s), "
                    + failed + " failed");
        }
    }

    private Optional<JSONObject> summaryLast(List<JSONObject> lines) {
        long summaries = lines.stream().filter(line -> line.has("summary")).count();
        if (summaries == 0) {
            problems.add("no summary line: the script did not finish");
            return Optional.empty();
        }
        if (summaries > 1 || !lines.get(lines.size() - 1).has("summary")) {
            problems.add("the summary is not the one last result line");
            return Optional.empty();
        }
        return Optional.of(lines.get(lines.size() - 1));
    }

    private List<JSONObject> jsonLines() {
        List<JSONObject> lines = new ArrayList<>();
        for (String line : result.stdout()) {
            if (line.startsWith("{")) {
                try {
                    lines.add(new JSONObject(line));
                } catch (JSONException e) {
                    problems.add("unparsable result line " + line + ": " + e.getMessage());
                }
            }
        }
        return lines;
    }
}
