package io.socketee.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * {@link ScenarioRun} judges real runs of {@code src-it/node/fixtures/scenario-kit-fixture.js},
 * a script that reports through {@code scenario-kit.js} and misbehaves as told: a complete run
 * passes, and a run that crashes halfway, ends early with exit code 0, leaves a scenario out,
 * ends without its summary, reports a scenario twice or miscounts fails. No server; run once,
 * with the liberty execution.
 */
class ScenarioRunIT {
    private static final List<String> EXPECTED = List.of("first", "second", "third");

    @Test
    void aCompleteRunPasses() {
        ScenarioRun run = fixture("complete");
        EXPECTED.forEach(run::assertScenario);
        run.assertComplete();
    }

    @Test
    void aFailedScenarioFailsItsOwnTestAndTheRunStaysConsistent() {
        ScenarioRun run = fixture("failing");
        run.assertScenario("first");
        assertFails(() -> run.assertScenario("second"), "second fails");
        run.assertScenario("third");
        run.assertComplete(); // exit code 1 and a summary counting one failure: what a failure calls for
    }

    @Test
    void aScriptThatCrashesHalfwayFails() {
        ScenarioRun run = fixture("crash");
        run.assertScenario("first");
        assertFails(() -> run.assertScenario("second"), "no result for second");
        assertFails(run::assertComplete, "no summary line");
        assertProblem(run, "no result for [second, third]");
    }

    @Test
    void aScriptThatEndsHalfwayWithExitCodeZeroFails() {
        ScenarioRun run = fixture("exit");
        assertEquals(0, run.result().exitCode(), run.result()::summary);
        assertFails(run::assertComplete, "no summary line");
        assertProblem(run, "no result for [second, third]");
    }

    @Test
    void aRunThatLeavesAScenarioOutFails() {
        ScenarioRun run = fixture("only");
        assertEquals(0, run.result().exitCode(), run.result()::summary);
        assertFails(() -> run.assertScenario("second"), "no result for second");
        assertFails(run::assertComplete, "no result for [second]");
    }

    @Test
    void aRunWithoutItsSummaryFails() {
        ScenarioRun run = fixture("no-summary");
        EXPECTED.forEach(run::assertScenario);
        assertFails(run::assertComplete, "no summary line");
    }

    @Test
    void aScenarioReportedTwiceFails() {
        assertFails(fixture("twice")::assertComplete, "reported more than once: [first]");
    }

    @Test
    void aSummaryThatMiscountsFails() {
        assertFails(fixture("miscount")::assertComplete, "does not count the 3 scenario line(s)");
    }

    @Test
    void aScenarioOutsideTheExpectedListFails() {
        ScenarioRun run = ScenarioRun.run(Duration.ofSeconds(30), List.of("first", "second"),
                "fixtures/scenario-kit-fixture.js", "--mode", "complete");
        assertFails(run::assertComplete, "not expected: [third]");
    }

    @Test
    void aSkippedScenarioIsAbortedNotPassed() {
        NodeProcess.Result skipped = new NodeProcess.Result("fixture", 0, false, List.of(
                "{\"scenario\":\"first\",\"ok\":true,\"skipped\":\"a known quirk\"}",
                "{\"summary\":{\"scenarios\":1,\"failed\":0}}"), "");
        ScenarioRun run = ScenarioRun.of(skipped, List.of("first"));
        assertThrows(TestAbortedException.class, () -> run.assertScenario("first"));
        run.assertComplete();
    }

    private static ScenarioRun fixture(String mode) {
        return ScenarioRun.run(Duration.ofSeconds(30), EXPECTED, "fixtures/scenario-kit-fixture.js", "--mode", mode);
    }

    private static void assertFails(Executable check, String saying) {
        AssertionError e = assertThrows(AssertionError.class, check);
        assertTrue(e.getMessage().contains(saying), () -> "expected a failure saying \"" + saying + "\", got: " + e.getMessage());
    }

    private static void assertProblem(ScenarioRun run, String problem) {
        assertTrue(run.problems().contains(problem), () -> "expected the problem \"" + problem + "\" in " + run.problems());
    }
}
