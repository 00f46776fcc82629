package io.socketee.demo.push;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The push configuration, read once from MicroProfile Config:
 * {@code demo.push.apps} (names), {@code demo.push.app.<name>.key} (required),
 * {@code demo.push.app.<name>.signature} ({@code hmac-sha256}, the default, or {@code md5-legacy})
 * and {@code demo.push.window} (an ISO-8601 duration, default {@code PT5M}). Builds the
 * {@link RequestVerifier}.
 *
 * <p>Thread-safe: immutable once constructed.
 */
@ApplicationScoped
public class PushApps {
    @Inject
    Config config;

    private RequestVerifier verifier;

    @PostConstruct
    void load() {
        Map<String, PushApp> apps = new HashMap<>();
        for (String name : config.getOptionalValues("demo.push.apps", String.class).orElse(List.of())) {
            String app = name.strip();
            String key = config.getValue("demo.push.app." + app + ".key", String.class);
            SignatureMode mode = SignatureMode.fromConfig(
                    config.getOptionalValue("demo.push.app." + app + ".signature", String.class).orElse("hmac-sha256"));
            apps.put(app, new PushApp(app, key.getBytes(StandardCharsets.UTF_8), mode));
        }
        Duration window = Duration.parse(config.getOptionalValue("demo.push.window", String.class).orElse("PT5M"));
        verifier = new RequestVerifier(apps, window, new ReplayGuard());
    }

    /** The verifier of every push request. */
    public RequestVerifier verifier() {
        return verifier;
    }
}
