package io.socketee.event;

import io.socketee.Ack;
import io.socketee.Args;
import io.socketee.DisconnectReason;
import io.socketee.Namespace;
import io.socketee.Socket;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler of {@link OnEvent}, {@link OnConnect}, {@link OnDisconnecting},
 * {@link OnDisconnect} or {@link OnError} is told, like egg-socket.io's {@code ctx}: the socket,
 * the event and its arguments, the acknowledgement the client asked for, and for lifecycle events
 * the reason or the error.
 *
 * <h2>Handler methods</h2>
 * A handler is a method of a CDI bean with one parameter annotated {@code @Observes} and one of
 * the qualifiers above, for example {@code String chat(@Observes @OnEvent("chat") ChatMessage m,
 * Socket socket)}. SocketEE finds handlers at deployment and calls them itself (CDI never fires
 * these events: a CDI event fired with these qualifiers reaches no handler, and
 * {@code @ObservesAsync} with one, or an injected {@code Event} qualified with one, fails the
 * deployment), so every parameter, the observed one included, is one of:
 * <ul>
 * <li>{@code SocketEvent}, {@link Socket}, {@link Args}, {@link io.socketee.Handshake},
 * {@link Namespace};</li>
 * <li>{@link Ack}: the acknowledgement, or one that sends nothing when none was asked;
 * {@code Optional<Ack>};</li>
 * <li>{@link DisconnectReason} ({@code @OnDisconnecting}, {@code @OnDisconnect} only);
 * {@link Throwable} or a subtype ({@code @OnError} only);</li>
 * <li>{@code jakarta.servlet.http.HttpSession}: the HTTP session of the handshake request, or
 * null when it had none;</li>
 * <li>any other type ({@code @OnEvent} only): the event's arguments, in order, each converted as
 * {@link Args#get(int, java.lang.reflect.Type)} does (JSON-B for records and POJOs).</li>
 * </ul>
 * A handler may be public, protected, package-private or static, but not private. Its namespace
 * comes from {@link IoNamespace}. A bad handler fails the deployment, with every problem listed.
 *
 * <h2>Results and failures</h2>
 * When the client asked for an acknowledgement, a handler's returned value answers it (a
 * {@code CompletionStage} once it completes; a {@code void} handler answers through {@link Ack}
 * itself). A handler that throws, or whose stage fails, is logged; the acknowledgement, if asked,
 * is answered with {@code {"error": message}} (the exception's message for an
 * {@link io.socketee.IoException}, else "Internal server error"); the {@link OnError} handlers of
 * the namespace are told; the socket stays connected.
 *
 * <h2>Threads</h2>
 * Handlers of one client run one at a time, in the order its packets arrived. By default they run
 * on a worker thread carrying the application's context (a managed executor when the server has
 * one), never on a thread of the container, and they may block. With
 * {@code socketio.inlineHandlers=true}, a packet whose client has nothing else queued is handled
 * on the container thread that delivered it (a pool thread, not a selector): handlers must then
 * not block.
 *
 * <h2>CDI request context</h2>
 * A request context is active in every handler, and in the listeners of
 * {@link Socket#on(String, Socket.EventListener)}: SocketEE activates one for each packet, each
 * connect and disconnect, and each acknowledgement timeout, and ends it afterwards, so a
 * {@code @RequestScoped} bean is one instance for the handlers of one packet and a new one for the
 * next. When the thread already has a request context, the handlers run in that one instead:
 * with {@code socketio.inlineHandlers=true} over HTTP long-polling, the context of the POST that
 * carried the packet. Work a handler hands to another thread (a {@code CompletionStage} completed
 * later) runs after the context ended. SocketEE activates no other context.
 *
 * <p>Immutable and thread-safe.
 *
 * @param socket the socket concerned
 * @param name the event name; for lifecycle events "connect", "disconnecting", "disconnect", or
 *     for {@link OnError} the name of the event whose handler failed
 * @param args the event's arguments (empty for lifecycle events)
 * @param ack the acknowledgement, when the client asked for one
 * @param reason why the socket left, for {@link OnDisconnecting} and {@link OnDisconnect}
 * @param error the failure, for {@link OnError}
 */
public record SocketEvent(Socket socket, String name, Args args, Optional<Ack> ack,
        Optional<DisconnectReason> reason, Optional<Throwable> error) {

    /**
     * Checks that no component is null (absent ones are empty).
     *
     * @param socket see {@link #socket()}
     * @param name see {@link #name()}
     * @param args see {@link #args()}
     * @param ack see {@link #ack()}
     * @param reason see {@link #reason()}
     * @param error see {@link #error()}
     */
    public SocketEvent {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
    }

    /**
     * The argument at {@code index} as a {@code type}; see {@link Args#get(int, Class)}.
     * @param <T> the type asked for
     * @param index the index, from 0
     * @param type the type
     * @return the argument at {@code index} as a {@code type}; see {@link Args#get(int, Class)}
     */
    public <T> T arg(int index, Class<T> type) {
        return args.get(index, type);
    }

    /**
     * The socket's namespace.
     * @return the socket's namespace
     */
    public Namespace namespace() {
        return socket.namespace();
    }

    /**
     * Answers the acknowledgement, if the client asked for one; see {@link Ack#send}.
     * @param values the values
     */
    public void reply(Object... values) {
        ack.ifPresent(a -> a.send(values));
    }
}
