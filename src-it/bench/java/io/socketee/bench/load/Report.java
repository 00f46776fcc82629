package io.socketee.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every repetition's figures per server, and the table of medians with the SocketEE / Node
 * ratio. Generator-core rows show the maximum over the repetitions and carry a "!" above 85%.
 * Confined to the runner's thread.
 */
final class Report {
    private static final double GENERATOR_LIMIT = 85.0;

    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    private final Set<String> rows = new LinkedHashSet<>();
    private final List<String> servers;

    Report(List<String> servers) {
        this.servers = servers;
    }

    void add(String server, Map<String, Double> metrics) {
        Map<String, List<Double>> byRow = values.computeIfAbsent(server, s -> new LinkedHashMap<>());
        metrics.forEach((row, value) -> {
            rows.add(row);
            byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(value);
        });
    }

    /** The value shown for one server and row: the median, or the maximum for generator-core rows. */
    double shown(String server, String row) {
        List<Double> list = values.getOrDefault(server, Map.of()).get(row);
        if (list == null || list.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(list);
        sorted.sort(Double::compare);
        if (row.endsWith("generator core %") || row.endsWith("generator process %")) {
            return sorted.get(sorted.size() - 1);
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The servers that run SocketEE (on Liberty twice, Payara Micro, WildFly), which get a ratio column against Node. */
    private static final List<String> SOCKETEE_SERVERS = List.of("socketee", "socketee-inline", "payara", "wildfly");

    /** The Markdown table: one row per figure, one column per server, then each SocketEE server / Node. */
    String table() {
        List<String> ratios = servers.contains("node")
                ? SOCKETEE_SERVERS.stream().filter(servers::contains).toList() : List.of();
        StringBuilder sb = new StringBuilder("| figure |");
        for (String s : servers) {
            sb.append(' ').append(s).append(" |");
        }
        for (String s : ratios) {
            sb.append(' ').append(s).append(" / node |");
        }
        sb.append("\n|---|").append("---:|".repeat(servers.size() + ratios.size())).append('\n');
        for (String row : rows) {
            sb.append("| ").append(row).append(" |");
            for (String s : servers) {
                double v = shown(s, row);
                boolean flag = row.endsWith("generator core %") && v > GENERATOR_LIMIT;
                sb.append(' ').append(format(v)).append(flag ? " !" : "").append(" |");
            }
            for (String s : ratios) {
                // a ratio to a figure shown as 0.00 (Node's context switches per delivery) says nothing
                double node = shown("node", row);
                double ratio = Math.abs(node) < 0.005 ? Double.NaN : shown(s, row) / node;
                sb.append(' ').append(Double.isFinite(ratio) ? String.format("%.2f", ratio) : "").append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every repetition's value, for the results file. */
    String raw() {
        StringBuilder sb = new StringBuilder();
        values.forEach((server, byRow) -> byRow.forEach((row, list) ->
                sb.append(server).append(" | ").append(row).append(" | ").append(list).append('\n')));
        return sb.toString();
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return "lost";
        }
        double a = Math.abs(v);
        return a >= 1000 ? String.format("%,.0f", v) : a >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
