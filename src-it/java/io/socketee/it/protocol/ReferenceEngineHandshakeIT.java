package io.socketee.it.protocol;

import java.net.URI;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.socketee.it.protocol.support.ReferenceServer;

/** {@link EngineHandshakeRules} against the Node.js reference server. */
class ReferenceEngineHandshakeIT extends EngineHandshakeRules {

    @RegisterExtension
    static final ReferenceServer SERVER = ReferenceServer.contract();

    @Override
    protected URI baseUrl() {
        return SERVER.baseUrl();
    }
}
