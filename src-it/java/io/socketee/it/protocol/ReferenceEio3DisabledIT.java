package io.socketee.it.protocol;

import java.net.URI;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.socketee.it.protocol.support.ReferenceServer;

/** {@link Eio3DisabledRules} against the Node.js reference server started with allowEIO3=false. */
class ReferenceEio3DisabledIT extends Eio3DisabledRules {

    @RegisterExtension
    static final ReferenceServer SERVER = ReferenceServer.withOptions("{\"allowEIO3\":false}");

    @Override
    protected URI baseUrl() {
        return SERVER.baseUrl();
    }
}
