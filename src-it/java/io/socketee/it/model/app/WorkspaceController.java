package io.socketee.it.model.app;

import io.socketee.Socket;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Handlers of every child of the dynamic namespace "workspaces" (declared in configuration with
 * the same pattern): each socket sees its own workspace's name.
 *
 * <p>Thread-safe: its only state is the injected roster.
 */
@ApplicationScoped
@IoNamespace(pattern = "^/workspace-\\w+$")
public class WorkspaceController {
    @Inject
    Roster roster;

    String whoami(@Observes @OnEvent("whoami") Socket socket) {
        return socket.namespace().name();
    }

    /** How many packets the workspace's packet middleware counted for this socket, this one included. */
    Object packets(@Observes @OnEvent("packets") Socket socket) {
        return socket.data().get("packets");
    }

    List<String> departures(@Observes @OnEvent("departures") Socket socket) {
        return roster.departures();
    }
}
