package io.socketee.demo.push;

import io.socketee.IoServer;
import io.socketee.RemoteSocket;
import io.socketee.demo.envelope.Action;
import io.socketee.demo.envelope.Envelope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Verifies a push request and delivers its message to one client of
 * {@value PushController#NAMESPACE}: the socket of its {@code userId} when that user is registered,
 * else the socket {@code target}. The client receives {@code responseMessage} with the envelope
 * {@code parseMsg("exchange", message, {target, userId, app})}.
 *
 * <p>Thread-safe: stateless apart from thread-safe beans and a thread-safe {@link Jsonb}.
 */
@ApplicationScoped
public class PushGateway {
    private static final long LOOKUP_SECONDS = 5;

    @Inject
    IoServer io;

    @Inject
    PushApps apps;

    @Inject
    UserDirectory users;

    private final Jsonb json = JsonbBuilder.create();

    /**
     * Delivers, or says why not.
     *
     * @param body the request body exactly as received
     * @param signatureHeader the {@code X-Signature} header, or null
     * @return the socket id delivered to, or the refusal
     */
    public Outcome push(String body, String signatureHeader) {
        Optional<TransportRequest> parsed = parse(body);
        if (parsed.isEmpty()) {
            return refused(Refusal.badRequest("the body is not a JSON object {timestamp, app, target, userId, sign, message}"));
        }
        TransportRequest request = parsed.get();
        long now = System.currentTimeMillis();
        Optional<Refusal> refusal = apps.verifier().check(request, body, signatureHeader, now);
        if (refusal.isPresent()) {
            return new Outcome(Optional.empty(), refusal);
        }
        String target = users.socketOf(request.userId()).orElse(request.target());
        if (target == null || target.isBlank()) {
            return refused(Refusal.badRequest("neither a registered userId nor a target socket id"));
        }
        List<RemoteSocket> found = lookup(target);
        if (found.isEmpty()) {
            return refused(new Refusal(404, "not_connected", "no client " + target + " is connected"));
        }
        Envelope msg = Envelope.parseMsg(Action.EXCHANGE, request.message(), null, target, now)
                .withUser(request.userId(), request.app());
        found.forEach(socket -> socket.emit(PushController.RESPONSE, msg));
        return new Outcome(Optional.of(target), Optional.empty());
    }

    /** Releases JSON-B; a lifecycle callback may not throw checked exceptions (Payara refuses the WAR). */
    @PreDestroy
    void close() {
        try {
            json.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing JSON-B failed", e);
        }
    }

    private Optional<TransportRequest> parse(String body) {
        try {
            return body == null || body.isBlank() ? Optional.empty()
                    : Optional.ofNullable(json.fromJson(body, TransportRequest.class));
        } catch (JsonbException e) {
            return Optional.empty();
        }
    }

    private List<RemoteSocket> lookup(String socketId) {
        try {
            return io.of(PushController.NAMESPACE).in(socketId).fetchSockets().toCompletableFuture()
                    .get(LOOKUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    private static Outcome refused(Refusal refusal) {
        return new Outcome(Optional.empty(), Optional.of(refusal));
    }

    /**
     * What became of a push: delivered to a socket id, or refused. Immutable.
     *
     * @param deliveredTo the socket id, when delivered
     * @param refusal why not, otherwise
     */
    public record Outcome(Optional<String> deliveredTo, Optional<Refusal> refusal) {
    }
}
