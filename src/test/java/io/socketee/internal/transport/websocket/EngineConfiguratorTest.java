package io.socketee.internal.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.Extension;
import jakarta.websocket.WebSocketContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineConfiguratorTest {
    private static final Extension DEFLATE = new Extension() {
        @Override
        public String getName() {
            return "permessage-deflate";
        }

        @Override
        public List<Parameter> getParameters() {
            return List.of();
        }
    };

    /** A container whose only installed extension is permessage-deflate. */
    private static final WebSocketContainer CONTAINER = (WebSocketContainer) Proxy.newProxyInstance(
            EngineConfiguratorTest.class.getClassLoader(), new Class<?>[] {WebSocketContainer.class},
            (proxy, method, args) -> {
                if (method.getName().equals("getInstalledExtensions")) {
                    return Set.of(DEFLATE);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private static EngineConfigurator configurator(boolean extensions) {
        return new EngineConfigurator(() -> null, new SessionCloser(Runnable::run, null, java.time.Duration.ofSeconds(10)),
                new HandshakeAddresses(), extensions, io.socketee.internal.transport.Callers.NO_ROLES);
    }

    @Test
    void withPerMessageDeflateOnTheEndpointOffersTheContainersInstalledExtensions() {
        ServerEndpointConfig config = EngineConfigurator.config("/socket.io/", configurator(true), CONTAINER);
        assertEquals(List.of("permessage-deflate"), config.getExtensions().stream().map(Extension::getName).toList());
    }

    @Test
    void withPerMessageDeflateOffNoExtensionIsOfferedOrNegotiatedEvenWhenTheClientAsks() {
        EngineConfigurator off = configurator(false);
        assertEquals(List.of(), EngineConfigurator.config("/socket.io/", off, CONTAINER).getExtensions());
        assertEquals(List.of(), off.getNegotiatedExtensions(List.of(DEFLATE), List.of(DEFLATE)));
    }
}
