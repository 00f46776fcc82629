package io.socketee.demo.push;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST api/transportMessage}: the seed's push API. The body is taken as a string, so the
 * signature is checked over the exact bytes sent. Answers 200 {@code {"delivered": socketId}},
 * or the {@link Refusal}'s status with {@code {"error", "message"}}.
 *
 * <p>Request scoped (the JAX-RS default); thread-safe.
 */
@Path("transportMessage")
public class TransportMessageResource {
    /** The header carrying the HMAC-SHA256 signature. */
    public static final String SIGNATURE_HEADER = "X-Signature";

    @Inject
    PushGateway gateway;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response transportMessage(String body, @HeaderParam(SIGNATURE_HEADER) String signature) {
        PushGateway.Outcome outcome = gateway.push(body, signature);
        return outcome.refusal()
                .map(r -> Response.status(r.status()).type(MediaType.APPLICATION_JSON).entity(r.body()).build())
                .orElseGet(() -> Response.ok(Map.of("delivered", outcome.deliveredTo().orElseThrow())).build());
    }
}
