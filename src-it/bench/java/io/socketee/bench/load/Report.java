package io.socketee.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every repetition's figures per server, and the table of medians with the SocketEE / Node
 * ratio. Generator-core rows show the maximum over the repetitions and carry a "!" above 85%;
 * S6's ratios of a figure with the stalled client to the same figure without it (computed
 * within each repetition) carry a "✗" when they are 10% or more away from 1, issue 14's target.
 * Confined to the runner's thread.
 */
final class Report {
    private static final double GENERATOR_LIMIT = 85.0;
    /** The end of the title of a row that divides a figure with the stalled client by the same without it. */
    static final String STALLED_OVER_WITHOUT = " stalled / without";
    /** The end of the title of the row of when the stalled client was dropped (+∞: not within the wait). */
    static final String DROPPED_AFTER = " stalled client dropped after s";
    /** How far a figure may move because of one stalled client: issue 14's target. */
    static final double STALL_TARGET = 0.10;

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
                sb.append(' ').append(format(row, v)).append(mark(row, v)).append(" |");
            }
            for (String s : ratios) {
                // a ratio to a figure shown as 0.00 (Node's context switches per delivery) says
                // nothing, nor one to "not dropped", nor a ratio of ratios
                double node = shown("node", row);
                boolean none = Math.abs(node) < 0.005 || Double.isInfinite(node) || row.endsWith(STALLED_OVER_WITHOUT);
                double ratio = none ? Double.NaN : shown(s, row) / node;
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

    /** The mark after a shown value: "!" for a busy generator core, "✗" for a stalled-client ratio off target. */
    static String mark(String row, double v) {
        if (row.endsWith("generator core %") && v > GENERATOR_LIMIT) {
            return " !";
        }
        if (row.endsWith(STALLED_OVER_WITHOUT) && Double.isFinite(v) && Math.abs(v - 1) >= STALL_TARGET) {
            return " ✗";
        }
        return "";
    }

    /** A row's value as the table shows it: {@link #format(double)}, and "not dropped" for a stalled client that was not. */
    static String format(String row, double v) {
        return row.endsWith(DROPPED_AFTER) && v == Double.POSITIVE_INFINITY ? "not dropped" : format(v);
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
