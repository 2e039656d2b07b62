package org.staffpass.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The repository's Maven POMs as the build-shape tests read them: the root's module list, and
 * for each module its coordinates, plugins and dependencies. Reads files only; runs nothing.
 */
final class ModulePoms {
    /** The repository root, one level above the examples module the tests run in. */
    static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().getParent();

    private ModulePoms() {
    }

    /** One module's POM. */
    record Pom(String directory, Element project) {

        String artifactId() {
            return text(project, "artifactId").orElseThrow();
        }

        String packaging() {
            return text(project, "packaging").orElse("jar");
        }

        Optional<String> property(String name) {
            return child(project, "properties").flatMap(p -> text(p, name));
        }

        /** Published: a jar module that does not opt out of deployment. */
        boolean isPublished() {
            return packaging().equals("jar") && !property("maven.deploy.skip").orElse("false").equals("true");
        }

        /** artifactIds of the plugins in build/plugins. */
        List<String> buildPlugins() {
            return child(project, "build").flatMap(b -> child(b, "plugins"))
                    .map(p -> children(p, "plugin").stream().map(e -> text(e, "artifactId").orElseThrow()).toList())
                    .orElse(List.of());
        }

        /** groupId:artifactId of the dependencies that reach a user at run time (not test, not provided). */
        List<String> runtimeDependencies() {
            return child(project, "dependencies")
                    .map(d -> children(d, "dependency").stream()
                            .filter(e -> !List.of("test", "provided").contains(text(e, "scope").orElse("compile")))
                            .filter(e -> text(e, "type").orElse("jar").equals("jar"))
                            .map(e -> text(e, "groupId").orElseThrow() + ":" + text(e, "artifactId").orElseThrow())
                            .toList())
                    .orElse(List.of());
        }
    }

    static Element read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new AssertionError("cannot read " + pom + ": " + e, e);
        }
    }

    static Element root() {
        return read(ROOT.resolve("pom.xml"));
    }

    /** The root POM's modules, in order. */
    static List<String> moduleNames() {
        return child(root(), "modules").map(m -> children(m, "module").stream().map(Node::getTextContent).toList())
                .orElseThrow();
    }

    static Pom module(String directory) {
        Path pom = ROOT.resolve(directory).resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw new AssertionError("module " + directory + " has no pom.xml");
        }
        return new Pom(directory, read(pom));
    }

    static List<Pom> modules() {
        return moduleNames().stream().map(ModulePoms::module).toList();
    }

    static List<Pom> publishedModules() {
        return modules().stream().filter(Pom::isPublished).toList();
    }

    static String version() {
        return text(root(), "version").orElseThrow();
    }

    static String groupId() {
        return text(root(), "groupId").orElseThrow();
    }

    static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }
}
