package io.socketee.it.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.socketee.it.support.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a scenario script of {@code src-it/node} once and turns each reported scenario into a
 * test. Stateless.
 */
public final class NodeScenarios {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private NodeScenarios() {
    }

    /** One test per scenario line of {@code script} run with {@code args}, plus one for the run itself. */
    public static Stream<DynamicTest> run(String script, String context, String... args) {
        NodeProcess.Result result = NodeProcess.run(RUN_TIMEOUT, script, args);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("[" + context + "] the run ends in time with a result per scenario", () -> {
            assertFalse(result.timedOut(), result::summary);
            if (lines(result).isEmpty()) {
                fail("no scenario reported: " + result.summary());
            }
        }));
        for (JSONObject line : lines(result)) {
            tests.add(DynamicTest.dynamicTest("[" + context + "] " + line.optString("scenario"), () -> {
                if (!line.optBoolean("ok")) {
                    fail(line.optString("error") + "\n" + result.stderr());
                }
            }));
        }
        return tests.stream();
    }

    private static List<JSONObject> lines(NodeProcess.Result result) {
        List<JSONObject> lines = new ArrayList<>();
        for (String line : result.stdout()) {
            if (line.startsWith("{")) {
                try {
                    lines.add(new JSONObject(line));
                } catch (JSONException e) {
                    fail("unparsable result line " + line);
                }
            }
        }
        return lines;
    }
}
