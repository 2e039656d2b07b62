package org.staffpass.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The BOM vendors import (bom/pom.xml) lists exactly the published modules at the build's
 * version, and every published module ships sources, javadoc and the API check: a module
 * added to the build cannot be forgotten in the BOM.
 */
class BomTest {

    @Test
    void listsEveryPublishedModuleAndNothingElse() {
        Element bom = ModulePoms.read(ModulePoms.ROOT.resolve("bom/pom.xml"));
        Element managed = ModulePoms.child(bom, "dependencyManagement").flatMap(d -> ModulePoms.child(d, "dependencies"))
                .orElseThrow(() -> new AssertionError("bom/pom.xml has no dependencyManagement/dependencies"));
        Set<String> listed = new TreeSet<>();
        for (Element dependency : ModulePoms.children(managed, "dependency")) {
            String artifactId = ModulePoms.text(dependency, "artifactId").orElseThrow();
            assertEquals(ModulePoms.groupId(), ModulePoms.text(dependency, "groupId").orElseThrow(), artifactId);
            assertEquals("${project.version}", ModulePoms.text(dependency, "version").orElseThrow(), artifactId);
            assertTrue(listed.add(artifactId), "listed twice: " + artifactId);
        }
        Set<String> published = ModulePoms.publishedModules().stream().map(ModulePoms.Pom::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
        // The detection itself works: the three library modules count, the CLI and benchmarks do not.
        assertTrue(published.containsAll(Set.of("staffpass-crypto", "staffpass-passport-core",
                "staffpass-eligibility-rules")), "published modules found: " + published);
        assertTrue(!published.contains("staffpass-examples") && !published.contains("staffpass-benchmarks"),
                "published modules found: " + published);
        assertEquals(published, listed, "bom/pom.xml must list exactly the published modules");
    }

    @Test
    void hasNoParentAndTheBuildsVersion() {
        Element bom = ModulePoms.read(ModulePoms.ROOT.resolve("bom/pom.xml"));
        // A parent would leak our build's dependencyManagement (JUnit, JMH, picocli) into vendors' builds.
        assertTrue(ModulePoms.child(bom, "parent").isEmpty(), "bom/pom.xml must not have a parent");
        assertEquals(ModulePoms.groupId(), ModulePoms.text(bom, "groupId").orElseThrow());
        assertEquals("staffpass-bom", ModulePoms.text(bom, "artifactId").orElseThrow());
        assertEquals("pom", ModulePoms.text(bom, "packaging").orElseThrow());
        assertEquals(ModulePoms.version(), ModulePoms.text(bom, "version").orElseThrow(),
                "bom/pom.xml's version must follow the parent's");
        assertTrue(ModulePoms.moduleNames().contains("bom"), "the root builds the BOM");
    }

    @Test
    void publishedModulesShipSourcesJavadocAndTheApiCheck() {
        for (ModulePoms.Pom module : ModulePoms.publishedModules()) {
            List<String> plugins = module.buildPlugins();
            for (String required : List.of("maven-source-plugin", "maven-javadoc-plugin", "japicmp-maven-plugin")) {
                assertTrue(plugins.contains(required), module.directory() + "/pom.xml must declare " + required);
            }
        }
    }
}
