package io.socketee.demo.push;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo's JAX-RS resources live under {@code <context root>/api/}. */
@ApplicationPath("api")
public class PushApi extends Application {
}
