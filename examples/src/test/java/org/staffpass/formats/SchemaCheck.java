package org.staffpass.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.staffpass.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JSON Schema (2020-12) from docs/schemas, applied by an independent validator
 * (networknt json-schema-validator, test scope only) to documents our code generates.
 */
final class SchemaCheck {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Where our schemas say they live ({@code $id}); they are read from docs/schemas, never fetched. */
    private static final String ID_PREFIX = "https://staffpass.org/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(SchemaCheck::local));

    private final String name;
    private final Schema schema;

    private SchemaCheck(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** The schema at {@code docs/schemas/<relative>}. */
    static SchemaCheck of(String relative) {
        Path file = Repository.root().resolve("docs/schemas").resolve(relative);
        try {
            return new SchemaCheck(relative, REGISTRY.getSchema(Files.newInputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static String local(String iri) {
        if (!iri.startsWith(ID_PREFIX)) {
            return null; // anything else is not ours: the validator's default loaders answer (and fail offline)
        }
        try {
            return Files.readString(Repository.root().resolve("docs/schemas").resolve(iri.substring(ID_PREFIX.length())));
        } catch (IOException e) {
            throw new UncheckedIOException(iri, e);
        }
    }

    /** Every violation of {@code document}, as text (empty when valid). */
    List<String> violations(JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream().map(e -> name + " " + e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
