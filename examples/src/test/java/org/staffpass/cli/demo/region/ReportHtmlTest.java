package org.staffpass.cli.demo.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {
    @TempDir
    Path work;

    static RegionReport sample() {
        TreeMap<String, RegionReport.Fill> byTrust = new TreeMap<>();
        byTrust.put("RA1", new RegionReport.Fill(40, 31));
        byTrust.put("RA2", new RegionReport.Fill(35, 35));
        byTrust.put("RA3 <&> \"quoted\"", new RegionReport.Fill(10, 0));
        return new RegionReport(9, 2000, 9, 85, new TreeMap<>(Map.of("ACCEPTED", 1990, "SIGNATURE_INVALID", 1)),
                new TreeMap<>(Map.of("ACCEPTED", 900, "CREDENTIAL_REVOKED", 3)),
                new TreeMap<>(Map.of("ELIGIBLE", 600, "INELIGIBLE", 280, "NEEDS_APPROVAL", 20)),
                new TreeMap<>(Map.of("GRADE_TOO_LOW", 120, "COMPLIANCE_TRAINING_LAPSED", 30)),
                new TreeMap<>(Map.of("RATE_ESCALATION", 20, "RATE_ABOVE_CAP", 2)),
                new TreeMap<>(Map.of("rota-coordinator", 14, "medical-staffing-manager", 6)), byTrust,
                new TreeMap<>(Map.of("300", new RegionReport.Fill(20, 15))),
                new TreeMap<>(Map.of("DAY", new BigDecimal("12345.67"), "NIGHT", new BigDecimal("23456.78"))), 900,
                "abc123", java.util.Optional.empty(), new RegionReport.Timing(1500, 4200, 900, 900));
    }

    @Test
    void thePageIsSelfContainedAndEscapesWhatItShows() {
        String html = ReportHtml.render(sample());
        for (String external : new String[] {"<script", "<link", "src=", "http://", "https://", "url("}) {
            assertFalse(html.contains(external), "no external asset or script: " + external);
        }
        assertTrue(html.contains("RA3 &lt;&amp;&gt; &quot;quoted&quot;"));
        assertFalse(html.contains("RA3 <&>"));
    }

    @Test
    void chromiumRendersEveryChartWithOneBarPerFigure() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        RegionReport report = sample();
        Path page = work.resolve("report.html");
        Files.writeString(page, ReportHtml.render(report));

        String dom = chromium.dumpDom(page, work);
        assertTrue(dom.contains("Collaborative bank: month report"), "title rendered");
        assertEquals(3 + 1 + 2 + 2 + 3 + 2 + 2 + 2 + 2, count(dom, "<rect class=\"bar\""), "one bar per figure");
        Matcher fill = Pattern.compile("id=\"kpi-fill-rate\"><b>([^<]+)</b>").matcher(dom);
        assertTrue(fill.find(), "fill-rate KPI present");
        assertEquals("77.6%", fill.group(1), "66 of 85 shifts");
        for (String id : new String[] {"fill-by-trust", "fill-by-specialty", "enrolment", "verification", "outcomes", "reasons",
            "pay-by-band", "rate-findings", "approvals", "audit"}) {
            assertTrue(dom.contains("<section id=\"" + id + "\""), id);
        }

        BufferedImage shot = ImageIO.read(chromium.screenshot(page, work, 1000, 1400).toFile());
        assertTrue(countColour(shot, 0x005eb8) > 500, "NHS blue bars are painted");
        assertTrue(countColour(shot, 0x007f3b) > 200, "the second bar colour is painted");
    }

    /** Occurrences of {@code needle} in {@code text}. */
    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int countColour(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
