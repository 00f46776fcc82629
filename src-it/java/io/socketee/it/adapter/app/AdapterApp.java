package io.socketee.it.adapter.app;

import io.socketee.IoServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The custom-adapter test application: {@code shout(x...)} broadcasts {@code shouted(x...)} to
 * everyone, {@code join(room)} joins; {@code GET api/audit} shows what the adapter saw and
 * {@code POST api/remote?room=r} (a JSON array: event name, then arguments) plays a broadcast from
 * another server.
 *
 * <p>Thread-safe: stateless.
 */
@ApplicationScoped
public class AdapterApp {

    @Inject
    IoServer io;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        io.onConnection(socket -> {
            socket.on("shout", (s, args, ack) -> {
                io.emit("shouted", args.toArray());
                ack.ifPresent(a -> a.send("ok"));
            });
            socket.on("shout-room", (s, args, ack) -> {
                io.to(String.valueOf(args.get(0))).emit("shouted", args.subList(1, args.size()).toArray());
                ack.ifPresent(a -> a.send("ok"));
            });
            socket.on("join", (s, args, ack) -> {
                s.join(String.valueOf(args.get(0)));
                ack.ifPresent(a -> a.send("ok"));
            });
        });
    }

    /** JAX-RS activation. */
    @ApplicationPath("api")
    public static class Rest extends Application {
    }

    /** The adapter's log and the remote entry point. */
    @Path("/")
    @jakarta.enterprise.context.RequestScoped
    public static class Resource {
        @Inject
        AuditingAdapters adapters;

        @GET
        @Path("audit")
        @Produces(MediaType.APPLICATION_JSON)
        public List<String> audit() {
            return adapters.log();
        }

        @POST
        @Path("remote")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.TEXT_PLAIN)
        public String remote(@QueryParam("room") String room, List<Object> data) {
            return adapters.remote("/", room, data) ? "delivered" : "no adapter";
        }
    }
}
