package io.socketee.internal.admin;

import java.util.Optional;

/**
 * Who this process is for the admin UI: the configured server id or the host name, the host name
 * and the process id. Stateless and thread-safe.
 */
final class ServerIdentities {

    private ServerIdentities() {
    }

    /** This process, named {@code serverId} when given, else after its host. */
    static AdminPayloads.ServerIdentity of(Optional<String> serverId) {
        String host = hostname();
        return new AdminPayloads.ServerIdentity(serverId.orElse(host), host, ProcessHandle.current().pid());
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
