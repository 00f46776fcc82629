package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.event.OnEvent;
import io.socketee.event.SocketEvent;
import io.socketee.internal.config.SocketIoConfig.NamespaceConfig;
import io.socketee.internal.handler.HandlerMethod;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Middleware names and routes checked at deployment, every problem reported. */
class DeploymentChecksTest {

    static class Chat {
        void chat(@Observes @OnEvent("chat") SocketEvent e) {
        }
    }

    /** A BeanManager that knows no interceptor and no bean. */
    private static final BeanManager EMPTY = (BeanManager) Proxy.newProxyInstance(
            DeploymentChecksTest.class.getClassLoader(), new Class<?>[] {BeanManager.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "resolveInterceptors":
                        return List.of();
                    case "getBeans":
                        return Set.of();
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });

    @Test
    void unknownMiddlewareNamesAreEachReported() {
        List<String> problems = MiddlewareChains.problems(EMPTY, List.of(
                new NamespaceConfig("/a", List.of("auth", "audit"), List.of("filter"))));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("SOCKETEE-MIDDLEWARE-001 namespace /a: no connection middleware named \"auth\""),
                problems.get(0));
        assertTrue(problems.get(2).contains("no packet middleware named \"filter\""), problems.get(2));
    }

    @Test
    void duplicateAndUnresolvableRoutesAreEachReported() throws Exception {
        List<String> problems = new ArrayList<>();
        HandlerMethod chat = HandlerMethod.read(Chat.class, Chat.class.getDeclaredMethod("chat", SocketEvent.class), 0,
                List.of(OnEvent.Literal.of("chat")), 1000, problems).orElseThrow();
        List<HandlerMethod> routed = Routes.resolve(name -> java.util.Optional.empty(),
                List.of(new NamespaceConfig("/", List.of(), List.of(), Map.of("chat", "chat#chat", "ping", "nobody#ping"))),
                List.of(chat), problems);
        assertTrue(routed.isEmpty());
        String all = String.join("\n", problems);
        assertEquals(2, problems.size(), all);
        assertTrue(all.contains("SOCKETEE-ROUTE-002 namespace / route \"chat\" -> chat#chat: duplicate route"), all);
        assertTrue(all.contains("SOCKETEE-ROUTE-001 namespace / route \"ping\" -> nobody#ping: no bean"), all);
    }
}
