package org.staffpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints ours / baseline ratios from one JMH JSON result file, so every ratio compares
 * figures measured in the same run.
 *
 * <p>For each benchmark class and parameter set that has an {@code oursJws} result, divides
 * it by every result whose method name ends in {@code Raw} ({@code bcRaw}, {@code jdkRaw}).
 * The range in brackets combines both scores' 99.9% error bars (worst case both ways), so
 * a ratio whose range straddles the target is not a verdict. The ratio of 50th percentiles
 * follows: in a sample-time run ({@code -bm sample}) that is the median single operation,
 * which a busy machine disturbs far less than the mean (a preempted operation moves the
 * mean, not the median); in an average-time run it is the median iteration.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.staffpass.bench.BenchmarkRatios /tmp/bench-sig.json [target]
 * </pre>
 *
 * The optional target (default 1.15) is the bound ours / bcRaw must stay under.
 */
public final class BenchmarkRatios {
    private static final String OURS = "oursJws";

    private BenchmarkRatios() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BenchmarkRatios JMH_RESULT.json [target-ratio, default 1.15]");
            System.exit(2);
        }
        double target = args.length == 2 ? Double.parseDouble(args[1]) : 1.15;
        JsonNode results = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));

        // group key "Class (params)" -> method -> primary metric
        Map<String, Map<String, JsonNode>> groups = new TreeMap<>();
        for (JsonNode result : results) {
            String benchmark = result.get("benchmark").textValue();
            int lastDot = benchmark.lastIndexOf('.');
            String className = benchmark.substring(benchmark.lastIndexOf('.', lastDot - 1) + 1, lastDot);
            String method = benchmark.substring(lastDot + 1);
            StringBuilder params = new StringBuilder();
            JsonNode paramNode = result.get("params");
            if (paramNode != null) {
                for (Map.Entry<String, JsonNode> field : paramNode.properties()) {
                    params.append(params.length() == 0 ? "" : ", ").append(field.getKey()).append('=').append(field.getValue().asText());
                }
            }
            String mode = result.get("mode").textValue();
            groups.computeIfAbsent(className + " [" + mode + "] (" + params + ")", k -> new TreeMap<>())
                    .put(method, result.get("primaryMetric"));
        }

        for (Map.Entry<String, Map<String, JsonNode>> group : groups.entrySet()) {
            JsonNode ours = group.getValue().get(OURS);
            if (ours == null) {
                continue;
            }
            System.out.println(group.getKey());
            System.out.printf(Locale.ROOT, "  %-10s %s%n", OURS, describe(ours));
            for (Map.Entry<String, JsonNode> baseline : group.getValue().entrySet()) {
                if (!baseline.getKey().endsWith("Raw")) {
                    continue;
                }
                JsonNode base = baseline.getValue();
                double ratio = score(ours) / score(base);
                String verdict = baseline.getKey().equals("bcRaw")
                        ? String.format(Locale.ROOT, "  target <= %.2f: %s", target, ratio <= target ? "met" : "MISSED")
                        : "";
                System.out.printf(Locale.ROOT, "  %-10s %s   ours/%s = %.3f%s%s%n", baseline.getKey(), describe(base),
                        baseline.getKey(), ratio, range(ours, base), verdict);
                if (!Double.isNaN(median(ours)) && !Double.isNaN(median(base))) {
                    System.out.printf(Locale.ROOT, "  %-10s by p50: ours/%s = %.3f%n", "",
                            baseline.getKey(), median(ours) / median(base));
                }
            }
        }
    }

    private static String describe(JsonNode metric) {
        String text = String.format(Locale.ROOT, "%10.3f ± %8.3f %s", score(metric), error(metric), metric.get("scoreUnit").textValue());
        return Double.isNaN(median(metric)) ? text : text + String.format(Locale.ROOT, " (p50 %.3f)", median(metric));
    }

    /** Worst-case ratio bounds from both error bars; open-ended when a bar reaches zero. */
    private static String range(JsonNode ours, JsonNode base) {
        if (Double.isNaN(error(ours)) || Double.isNaN(error(base))) {
            return "";
        }
        double low = Math.max(0, score(ours) - error(ours)) / (score(base) + error(base));
        double denominator = score(base) - error(base);
        String high = denominator <= 0 ? "unbounded" : String.format(Locale.ROOT, "%.3f", (score(ours) + error(ours)) / denominator);
        return String.format(Locale.ROOT, " [%.3f .. %s]", low, high);
    }

    /**
     * The 50th percentile JMH reports: of single operations in a sample-time run, of
     * iteration averages in an average-time run.
     */
    private static double median(JsonNode metric) {
        JsonNode percentiles = metric.get("scorePercentiles");
        return percentiles == null || !percentiles.has("50.0") ? Double.NaN : percentiles.get("50.0").asDouble();
    }

    private static double score(JsonNode metric) {
        return metric.get("score").asDouble();
    }

    private static double error(JsonNode metric) {
        JsonNode error = metric.get("scoreError");
        // JMH writes "NaN" (a string) when a single iteration gives no error estimate.
        return error == null || !error.isNumber() ? Double.NaN : error.asDouble();
    }
}
