package io.socketee.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition (what a {@code /metrics} endpoint answers). A
 * counter's {@code _total} suffix is dropped from its name, so one name reads the same whatever
 * the registry; a lookup names the labels it cares about and ignores the others (MicroProfile's
 * {@code mp_scope}, tags a server adds). Immutable.
 */
public record PrometheusText(List<Sample> samples) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line: name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public PrometheusText {
        samples = List.copyOf(samples);
    }

    /** Parses an exposition. */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            String name = m.group(1).endsWith("_total") ? m.group(1).substring(0, m.group(1).length() - 6) : m.group(1);
            samples.add(new Sample(name, Map.copyOf(labels), Double.parseDouble(m.group(4))));
        }
        return new PrometheusText(samples);
    }

    /**
     * The sum of the samples named {@code name} whose labels include {@code labelPairs} (key,
     * value, key, value...); 0 when there is none (a series not yet created).
     */
    public double value(String name, String... labelPairs) {
        double sum = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && has(s.labels(), labelPairs)) {
                sum += s.value();
            }
        }
        return sum;
    }

    /** Whether any sample's name starts with {@code prefix}. */
    public boolean hasAny(String prefix) {
        return samples.stream().anyMatch(s -> s.name().startsWith(prefix));
    }

    private static boolean has(Map<String, String> labels, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
