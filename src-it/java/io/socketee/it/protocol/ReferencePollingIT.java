package io.socketee.it.protocol;

import java.net.URI;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.socketee.it.protocol.support.ReferenceServer;

/** {@link PollingRules} against the Node.js reference server. */
class ReferencePollingIT extends PollingRules {

    @RegisterExtension
    static final ReferenceServer SERVER = ReferenceServer.contract();

    @Override
    protected URI baseUrl() {
        return SERVER.baseUrl();
    }
}
