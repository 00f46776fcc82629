package io.socketee.it.protocol;

import java.net.URI;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.socketee.it.protocol.support.ReferenceServer;

/** {@link SocketIoEio3Rules} against the Node.js reference server. */
class ReferenceSocketIoEio3IT extends SocketIoEio3Rules {

    @RegisterExtension
    static final ReferenceServer SERVER = ReferenceServer.contract();

    @Override
    protected URI baseUrl() {
        return SERVER.baseUrl();
    }
}
