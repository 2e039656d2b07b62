package org.staffpass.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.cli.demo.region.RegionDemo;

/** The demo's report.json, from a real (small) run, against docs/schemas/demo-report.schema.json. */
class DemoReportMatchesSchemaTest {
    @Test
    void aRealReportMatchesAndAnAlteredOneDoesNot(@TempDir Path dir) throws Exception {
        RegionDemo.run(new RegionDemo.Settings(3, 80, 15, 8), dir, line -> { });
        SchemaCheck schema = SchemaCheck.of("demo-report.schema.json");
        ObjectNode report = (ObjectNode) SchemaCheck.read(Files.readString(dir.resolve("report.json")));
        assertEquals(List.of(), schema.violations(report));
        ObjectNode altered = report.deepCopy();
        ((ObjectNode) altered.get("pay_by_band_gbp")).put("day", "12.3");
        assertFalse(schema.violations(altered).isEmpty(), "money has two decimals");
        altered = report.deepCopy();
        altered.remove("decision_log");
        assertFalse(schema.violations(altered).isEmpty(), "decision_log is required");
    }
}
