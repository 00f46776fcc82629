package io.socketee.it.model.app;

import io.socketee.Socket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Plain methods reached through egg's router, in configuration:
 * {@code socketio.namespace./egg.route.ping=pings#ping}. No annotation on the methods. Stateless.
 */
@ApplicationScoped
@Named("pings")
public class PingRoutes {

    String ping(String who, Socket socket) {
        return "pong " + who + " from " + socket.namespace().name();
    }
}
