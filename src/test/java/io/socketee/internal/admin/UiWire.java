package io.socketee.internal.admin;

import io.socketee.internal.mapping.JsonMapper;
import io.socketee.internal.protocol.json.JsonParser;
import io.socketee.internal.sio.FakeEngineSocket;
import java.util.ArrayList;
import java.util.List;

/** Reads what an admin UI's fake connection received: the admin namespace's events, decoded. */
final class UiWire {
    private static final JsonMapper MAPPER = new JsonMapper();

    private UiWire() {
    }

    /** The arguments (event name first) of every event {@code ui} received on {@code nsp}, in order. */
    static List<List<Object>> events(FakeEngineSocket ui, String nsp) {
        String prefix = "2" + nsp + ",";
        List<List<Object>> events = new ArrayList<>();
        for (String text : ui.texts()) {
            if (text.startsWith(prefix)) {
                @SuppressWarnings("unchecked")
                List<Object> args = (List<Object>) MAPPER.toJava(JsonParser.parse(text.substring(prefix.length()), 64));
                events.add(args);
            }
        }
        return events;
    }

    /** The arguments after the name of each {@code event} that {@code ui} received on {@code nsp}. */
    static List<List<Object>> named(FakeEngineSocket ui, String nsp, String event) {
        return events(ui, nsp).stream().filter(e -> event.equals(e.get(0))).map(e -> e.subList(1, e.size())).toList();
    }

    /** The names of the events {@code ui} received on {@code nsp}, in order. */
    static List<Object> names(FakeEngineSocket ui, String nsp) {
        return events(ui, nsp).stream().map(e -> e.get(0)).toList();
    }
}
