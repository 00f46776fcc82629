package io.socketee.internal.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ContainerQuirksTest {

    /** Stands in for Undertow's session, which hands out the executor of its messages. */
    public static final class WithExecutor {
        final Executor executor = Runnable::run;

        public Executor getExecutor() {
            return executor;
        }
    }

    /** A getExecutor that returns something else. */
    public static final class WithOtherGetter {
        public String getExecutor() {
            return "not an executor";
        }
    }

    @Test
    void aPublicGetExecutorIsFound() {
        WithExecutor target = new WithExecutor();
        assertSame(target.executor, ContainerQuirks.publicExecutor(target));
    }

    @Test
    void noExecutorWhereTheGetterIsMissingOrReturnsSomethingElse() {
        assertNull(ContainerQuirks.publicExecutor(new Object()));
        assertNull(ContainerQuirks.publicExecutor(new WithOtherGetter()));
    }

    /** A session that hands out an executor as Undertow's does, on a container that is not Undertow. */
    public interface SessionWithExecutor extends Session {
        Executor getExecutor();
    }

    @Test
    void otherContainersSessionsReportTheirCloseInLineEvenWithAnExecutorGetter() {
        Executor executor = Runnable::run;
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionWithExecutor.class},
                (proxy, method, args) -> method.getName().equals("getExecutor") ? executor : null);
        assertSame(executor, ContainerQuirks.publicExecutor(session), "the session does hand out an executor");
        assertNull(ContainerQuirks.messageExecutor(session), "only Undertow's session is asked for its executor");
    }
}
