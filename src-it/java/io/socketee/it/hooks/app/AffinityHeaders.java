package io.socketee.it.hooks.app;

import io.socketee.ConnectionRequest;
import io.socketee.ResponseHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The Socket.IO server's response headers, as an application adds a load balancer's affinity
 * cookie: the handshake gets the cookie and {@code X-Initial} (the transport it was asked on),
 * every response {@code X-Every}. Stateless and thread-safe.
 */
@ApplicationScoped
public class AffinityHeaders implements ResponseHeaders {

    @Override
    public void initialHeaders(ConnectionRequest request, Map<String, String> headers) {
        headers.put("Set-Cookie", "lb=node-1; Path=/");
        headers.put("X-Initial", request.query().getOrDefault("transport", "?"));
    }

    @Override
    public void headers(ConnectionRequest request, Map<String, String> headers) {
        headers.put("X-Every", "yes");
    }
}
