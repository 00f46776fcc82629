package io.socketee.it.protocol;

import java.net.URI;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.socketee.it.protocol.support.ReferenceServer;

/** {@link ErrorResponseRules} against the Node.js reference server. */
class ReferenceErrorResponseIT extends ErrorResponseRules {

    @RegisterExtension
    static final ReferenceServer SERVER = ReferenceServer.contract();

    @Override
    protected URI baseUrl() {
        return SERVER.baseUrl();
    }
}
