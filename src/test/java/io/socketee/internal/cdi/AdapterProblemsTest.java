package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which adapter choices fail the deployment. */
class AdapterProblemsTest {

    @Test
    void noFactoryBeanOrOneWithoutRedisIsFine() {
        assertEquals(List.of(), SocketEeExtension.adapterProblems(List.of(), false));
        assertEquals(List.of(), SocketEeExtension.adapterProblems(List.of(), true));
        assertEquals(List.of(), SocketEeExtension.adapterProblems(List.of("app.Mine"), false));
    }

    @Test
    void twoFactoryBeansAreAmbiguous() {
        List<String> problems = SocketEeExtension.adapterProblems(List.of("app.A", "app.B"), false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("SOCKETEE-ADAPTER-001 "), problems.get(0));
        assertTrue(problems.get(0).contains("[app.A, app.B]"), problems.get(0));
    }

    @Test
    void aFactoryBeanBesideTheRedisSettingIsRefused() {
        List<String> problems = SocketEeExtension.adapterProblems(List.of("app.Mine"), true);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("SOCKETEE-ADAPTER-002 socketio.adapter=redis and the AdapterFactory bean app.Mine"),
                problems.get(0));
    }
}
