package io.socketee.it.model.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** egg's helper.parseMsg: {meta: {timestamp, ...metadata}, data: {action, payload}}. Stateless. */
final class Messages {
    private Messages() {
    }

    static Map<String, Object> parse(String action, Object payload, Map<String, Object> metadata) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("timestamp", System.currentTimeMillis());
        meta.putAll(metadata);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", action);
        data.put("payload", payload == null ? Map.of() : payload);
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("meta", meta);
        msg.put("data", data);
        return msg;
    }
}
