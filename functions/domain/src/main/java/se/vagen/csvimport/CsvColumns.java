package se.vagen.csvimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.vagen.validation.CodeList;

/**
 * The columns one kind of import understands, from {@code csvimport/columns.json}: field path -> accepted
 * headers (Swedish and English; the first is the Swedish name used when a message must name a column the
 * file does not have). Headers are compared ignoring case, spaces, hyphens and diacritics.
 */
public final class CsvColumns {

    public static final CsvColumns ASPIRANTS = load("aspirants");
    public static final CsvColumns EMPLOYERS = load("employers");

    private final Map<String, List<String>> headersByField;
    private final Map<String, String> fieldByKey = new LinkedHashMap<>();

    private CsvColumns(Map<String, List<String>> headersByField) {
        this.headersByField = headersByField;
        headersByField.forEach((field, headers) -> headers.forEach(h -> fieldByKey.put(CodeList.key(h), field)));
    }

    /** The field a header names, if any. */
    public Optional<String> field(String header) {
        return Optional.ofNullable(fieldByKey.get(CodeList.key(header.replace("\uFEFF", ""))));
    }

    /** The Swedish column name of a field. */
    public String swedishName(String field) {
        List<String> headers = headersByField.get(field);
        return headers == null || headers.isEmpty() ? field : headers.get(0);
    }

    public Map<String, List<String>> all() {
        return headersByField;
    }

    private static CsvColumns load(String kind) {
        try (InputStream in = CsvColumns.class.getResourceAsStream("/csvimport/columns.json")) {
            if (in == null) {
                throw new IllegalStateException("csvimport/columns.json missing from the classpath");
            }
            JsonNode section = new ObjectMapper().readTree(in).path(kind);
            Map<String, List<String>> map = new LinkedHashMap<>();
            section.properties().forEach(e -> {
                List<String> headers = new ArrayList<>();
                e.getValue().forEach(h -> headers.add(h.asText()));
                map.put(e.getKey(), List.copyOf(headers));
            });
            return new CsvColumns(map);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read csvimport/columns.json", e);
        }
    }
}
