package org.staffpass.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOM the build writes to target/staffpass-sbom.json (docs/dependencies.md)
 * describes what we publish: each published module, each of its run-time dependencies, and
 * nothing of the CLI or the benchmarks.
 *
 * <p>The SBOM is made in the root project's package phase, before this module's tests, by a
 * plugin that only runs online. So the checks run only on an SBOM written by the build running
 * them (an online build with the root in its reactor, as {@code ./mvnw verify} and CI are);
 * otherwise they are skipped with that reason, and the root's verify-phase check (enforcer,
 * online only) is what insists the file exists.
 */
class SbomTest {
    static final Path SBOM = ModulePoms.ROOT.resolve("target/staffpass-sbom.json");

    private static JsonNode sbom;

    @BeforeAll
    static void readSbomOfThisBuild() throws IOException {
        assumeTrue(Files.isRegularFile(SBOM), "no " + SBOM + ": it is made by an online ./mvnw package or verify");
        String started = System.getProperty("staffpass.build.started", "");
        assumeTrue(!started.isEmpty(), "not run by Maven: the SBOM's age is unknown");
        Instant made = Files.getLastModifiedTime(SBOM).toInstant().truncatedTo(ChronoUnit.SECONDS);
        assumeTrue(!made.isBefore(Instant.parse(started)),
                SBOM + " was made before this build (offline, or the root project is not in the reactor): not checked");
        sbom = new ObjectMapper().readTree(SBOM.toFile());
    }

    private static String purl(String groupId, String artifactId, String version) {
        return "pkg:maven/" + groupId + "/" + artifactId + "@" + version + "?type=jar";
    }

    @Test
    void isACycloneDxDocumentAboutStaffpass() {
        assertEquals("CycloneDX", sbom.path("bomFormat").asText());
        assertEquals("pkg:maven/" + ModulePoms.groupId() + "/staffpass-parent@" + ModulePoms.version() + "?type=pom",
                sbom.path("metadata").path("component").path("purl").asText());
    }

    @Test
    void listsThePublishedModulesAndOnlyThose() {
        Set<String> components = componentPurls();
        for (ModulePoms.Pom module : ModulePoms.publishedModules()) {
            String purl = purl(ModulePoms.groupId(), module.artifactId(), ModulePoms.version());
            assertTrue(components.contains(purl), "SBOM lacks " + purl);
        }
        for (ModulePoms.Pom module : ModulePoms.modules()) {
            if (!module.isPublished()) {
                assertTrue(components.stream().noneMatch(p -> p.contains("/" + module.artifactId() + "@")),
                        "SBOM lists unpublished " + module.artifactId());
            }
        }
    }

    @Test
    void listsEachPublishedModulesRuntimeDependencies() {
        Map<String, Set<String>> dependsOn = new HashMap<>();
        for (JsonNode entry : sbom.path("dependencies")) {
            Set<String> targets = new HashSet<>();
            entry.path("dependsOn").forEach(t -> targets.add(t.asText()));
            dependsOn.put(entry.path("ref").asText(), targets);
        }
        Set<String> components = componentPurls();
        for (ModulePoms.Pom module : ModulePoms.publishedModules()) {
            String ref = purl(ModulePoms.groupId(), module.artifactId(), ModulePoms.version());
            Set<String> direct = dependsOn.getOrDefault(ref, Set.of());
            List<String> declared = module.runtimeDependencies();
            assertTrue(!declared.isEmpty(), module.directory() + " declares run-time dependencies");
            for (String dependency : declared) {
                String prefix = "pkg:maven/" + dependency.replace(':', '/') + "@";
                assertTrue(direct.stream().anyMatch(d -> d.startsWith(prefix)),
                        "SBOM: " + module.artifactId() + " should depend on " + dependency + ", has " + direct);
            }
            // Every edge ends at a listed component: the graph is closed.
            for (String target : direct) {
                assertTrue(components.contains(target), "dependency " + target + " of " + ref + " is not a component");
            }
        }
    }

    @Test
    void leavesOutTestOnlyLibraries() {
        Set<String> names = componentPurls().stream().map(p -> p.substring(0, p.indexOf('@'))).collect(Collectors.toSet());
        for (String testOnly : List.of("pkg:maven/org.junit.jupiter/junit-jupiter", "pkg:maven/org.bouncycastle/bcpkix-jdk18on",
                "pkg:maven/info.picocli/picocli", "pkg:maven/org.openjdk.jmh/jmh-core")) {
            assertTrue(!names.contains(testOnly), "SBOM lists " + testOnly);
        }
    }

    private static Set<String> componentPurls() {
        Set<String> purls = new HashSet<>();
        sbom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
        return purls;
    }
}
