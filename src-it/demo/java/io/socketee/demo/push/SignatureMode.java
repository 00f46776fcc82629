package io.socketee.demo.push;

import java.util.Arrays;

/** How an application signs its push requests; see {@link Signatures}. Immutable. */
public enum SignatureMode {
    /** The default: header {@code X-Signature}, HMAC-SHA256 over app, timestamp and body. */
    HMAC_SHA256("hmac-sha256"),
    /** Opt-in, the seed's: body field {@code sign} = {@code md5(app + key + timestamp)}. */
    MD5_LEGACY("md5-legacy");

    private final String configName;

    SignatureMode(String configName) {
        this.configName = configName;
    }

    /** Its spelling in {@code demo.push.app.<app>.signature}. */
    public String configName() {
        return configName;
    }

    /** The mode spelled {@code name} in configuration. */
    static SignatureMode fromConfig(String name) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown signature mode \"" + name
                        + "\": use hmac-sha256 or md5-legacy"));
    }
}
