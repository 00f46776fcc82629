package io.socketee.demo.push;

import io.socketee.IoServer;
import io.socketee.Socket;
import io.socketee.demo.envelope.Action;
import io.socketee.demo.envelope.Envelope;
import io.socketee.event.IoNamespace;
import io.socketee.event.OnDisconnect;
import io.socketee.event.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The socket side of the push example: clients send {@code requestMessage} with an envelope whose
 * {@code data.action} is one of the seed's constants, and hear back on {@code responseMessage}
 * (the answer is also the ack's, when one is asked):
 * <ul>
 *   <li>{@code requestId} with {@code meta.userId}: registers the user on this socket; answer
 *       {@code saveId} with {@code payload {id, userId}}.</li>
 *   <li>{@code reconnect-and-update} with {@code meta.userId}, sent by a client after it
 *       reconnected: moves the user to the new socket; answer {@code reconnect-updated}.</li>
 *   <li>{@code sendToOthers} with {@code meta.target}: the target socket receives
 *       {@code exchange} with the payload and {@code meta.client}; answer {@code exchange} too.</li>
 *   <li>{@code broadcast}: every other client receives {@code broadcast} with the payload.</li>
 *   <li>anything else, or a missing user id or target: answer {@code deny}.</li>
 * </ul>
 * The {@code sign} a client may put in {@code meta} is ignored: a key in a browser is no secret,
 * so only the HTTP API is signed.
 *
 * <p>Stateless; thread-safe.
 */
@ApplicationScoped
@IoNamespace(PushController.NAMESPACE)
public class PushController {
    /** The namespace of the example. */
    public static final String NAMESPACE = "/push";
    /** The event clients send. */
    public static final String REQUEST = "requestMessage";
    /** The event clients receive. */
    public static final String RESPONSE = "responseMessage";
    private static final String USER_KEY = "push.userId";

    @Inject
    IoServer io;

    @Inject
    UserDirectory users;

    Envelope request(@Observes @OnEvent(REQUEST) Envelope msg, Socket socket) {
        Envelope answer = answer(msg, socket);
        socket.emit(RESPONSE, answer);
        return answer;
    }

    void left(@Observes @OnDisconnect Socket socket) {
        if (socket.data().get(USER_KEY) instanceof String userId) {
            users.forget(userId, socket.id());
        }
    }

    private Envelope answer(Envelope msg, Socket socket) {
        Envelope.Meta meta = msg == null || msg.meta() == null ? new Envelope.Meta(null, null, null, null, null) : msg.meta();
        Action action = msg == null || msg.data() == null ? null : Action.fromWire(msg.data().action()).orElse(null);
        Object payload = msg == null || msg.data() == null ? null : msg.data().payload();
        if (action == null) {
            return deny(socket, "unknown-action", "data.action is none of requestId, reconnect-and-update, sendToOthers, broadcast");
        }
        return switch (action) {
            case REQUEST_ID -> register(socket, meta.userId(), Action.SAVE_ID);
            case RE_CONNECT_AND_UPDATES -> register(socket, meta.userId(), Action.RE_CONNECT_UPDATED);
            case SEND_TO_OTHERS -> sendTo(socket, meta.target(), payload);
            case BROADCAST -> broadcast(socket, payload);
            case SAVE_ID, RE_CONNECT_UPDATED, DENY, EXCHANGE ->
                    deny(socket, "unknown-action", action.wire() + " is sent by the server, not to it");
        };
    }

    private Envelope register(Socket socket, String userId, Action answer) {
        if (userId == null || userId.isBlank()) {
            return deny(socket, "no-user", "meta.userId is missing");
        }
        socket.data().put(USER_KEY, userId);
        users.register(userId, socket.id());
        return envelope(answer, Map.of("id", socket.id(), "userId", userId), socket, socket.id()).withUser(userId, null);
    }

    private Envelope sendTo(Socket socket, String target, Object payload) {
        if (target == null || target.isBlank()) {
            return deny(socket, "no-target", "meta.target is missing");
        }
        Envelope exchange = envelope(Action.EXCHANGE, payload, socket, target);
        io.of(NAMESPACE).to(target).emit(RESPONSE, exchange);
        return exchange;
    }

    private Envelope broadcast(Socket socket, Object payload) {
        Envelope broadcast = envelope(Action.BROADCAST, payload, socket, null);
        socket.broadcast().emit(RESPONSE, broadcast);
        return broadcast;
    }

    private static Envelope deny(Socket socket, String type, String message) {
        return envelope(Action.DENY, Map.of("type", type, "message", message), socket, socket.id());
    }

    private static Envelope envelope(Action action, Object payload, Socket socket, String target) {
        return Envelope.parseMsg(action, payload, socket.id(), target, System.currentTimeMillis());
    }
}
