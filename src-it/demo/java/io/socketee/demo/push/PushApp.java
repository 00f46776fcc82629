package io.socketee.demo.push;

import java.util.Arrays;

/**
 * An application allowed to push, with its key and signature mode. Immutable (the key is copied).
 *
 * @param name the {@code app} field of its requests
 * @param key the shared secret, UTF-8 bytes of {@code demo.push.app.<name>.key}
 * @param mode how it signs
 */
public record PushApp(String name, byte[] key, SignatureMode mode) {
    public PushApp {
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushApp p && p.name.equals(name) && Arrays.equals(p.key, key) && p.mode == mode;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "PushApp[" + name + ", " + mode.configName() + "]";
    }
}
