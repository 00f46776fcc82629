package io.socketee.it.broken.app;

import io.socketee.adapter.Adapter;
import io.socketee.adapter.AdapterFactory;
import io.socketee.adapter.AdapterHost;
import jakarta.enterprise.context.ApplicationScoped;

/** Two adapter factory beans: SocketEE cannot tell which one the application means. */
public final class TwoAdapterFactories {
    private TwoAdapterFactories() {
    }

    /** The first. Thread-safe: stateless. */
    @ApplicationScoped
    public static class First implements AdapterFactory {
        @Override
        public Adapter create(AdapterHost host, Adapter local) {
            return local;
        }
    }

    /** The second. Thread-safe: stateless. */
    @ApplicationScoped
    public static class Second implements AdapterFactory {
        @Override
        public Adapter create(AdapterHost host, Adapter local) {
            return local;
        }
    }
}
