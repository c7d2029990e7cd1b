package se.vagen.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A list of allowed codes from a data file: a JSON array of {@code {"code", "sv", "en", "aliases": [...]}}.
 * Look-ups ignore case, spaces, hyphens and diacritics, so "Studie- och yrkesvägledare" finds
 * {@code studie-och-yrkesvagledare} when the file lists that alias.
 */
public final class CodeList {

    /** One allowed value with its Swedish and English names. */
    public record Entry(String code, String sv, String en) {
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    private CodeList(List<Entry> entries, Map<String, List<String>> aliases) {
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            byKey.put(key(entry.code()), entry);
            byKey.put(key(entry.sv()), entry);
            byKey.put(key(entry.en()), entry);
            for (String alias : aliases.getOrDefault(entry.code(), List.of())) {
                byKey.put(key(alias), entry);
            }
        }
    }

    public static CodeList load(String resource) {
        try (InputStream in = CodeList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Data file missing from the classpath: " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> entries = new ArrayList<>();
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            for (JsonNode node : root) {
                Entry entry = new Entry(node.path("code").asText(), node.path("sv").asText(), node.path("en").asText());
                if (entry.code().isEmpty()) {
                    throw new IllegalStateException(resource + ": an entry has no code");
                }
                entries.add(entry);
                List<String> list = new ArrayList<>();
                node.path("aliases").forEach(a -> list.add(a.asText()));
                aliases.put(entry.code(), list);
            }
            return new CodeList(entries, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    public Optional<Entry> find(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(text)));
    }

    public Optional<String> code(String text) {
        return find(text).map(Entry::code);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<String> codes() {
        return entries.stream().map(Entry::code).toList();
    }

    /** Lower case, no diacritics, no spaces, hyphens, underscores or dots. */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String stripped = Normalizer.normalize(text.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return stripped.replaceAll("[\\s\\-_.]", "");
    }
}
