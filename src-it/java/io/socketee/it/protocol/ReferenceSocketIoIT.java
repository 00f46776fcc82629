package io.socketee.it.protocol;

import java.net.URI;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.socketee.it.protocol.support.ReferenceServer;

/** {@link SocketIoRules} against the Node.js reference server. */
class ReferenceSocketIoIT extends SocketIoRules {

    @RegisterExtension
    static final ReferenceServer SERVER = ReferenceServer.contract();

    @Override
    protected URI baseUrl() {
        return SERVER.baseUrl();
    }
}
