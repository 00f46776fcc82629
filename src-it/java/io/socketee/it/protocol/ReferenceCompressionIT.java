package io.socketee.it.protocol;

import java.net.URI;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.socketee.it.protocol.support.ReferenceServer;

/** {@link CompressionRules} against the Node.js reference server, perMessageDeflate on (threshold 1024). */
class ReferenceCompressionIT extends CompressionRules {

    @RegisterExtension
    static final ReferenceServer SERVER = ReferenceServer.withOptions("{\"perMessageDeflate\":{\"threshold\":1024}}");

    @Override
    protected URI baseUrl() {
        return SERVER.baseUrl();
    }
}
