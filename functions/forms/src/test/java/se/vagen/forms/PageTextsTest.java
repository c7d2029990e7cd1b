package se.vagen.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.vagen.checkin.HelpTopic;
import se.vagen.checkin.Participation;
import se.vagen.common.Language;
import se.vagen.i18n.Texts;
import se.vagen.survey.SurveyTexts;

/**
 * Every text key the public pages use exists, non-empty, in every language the page is offered in: the keys are read
 * from the page code itself (string literals passed to the text lookups, the message pages' names, and the option
 * keys built from the answer enums), so a key added to a page without its translations fails here, not in front of
 * an aspirant. The check-in pages: all seven languages (Texts); the survey pages: Swedish and English (SurveyTexts).
 */
class PageTextsTest {

    private static final Path SOURCES = Path.of("src/main/java/se/vagen/forms");
    private static final Texts TEXTS = new Texts();
    private static final SurveyTexts SURVEY = new SurveyTexts();

    /** Keys of the check-in form, the thank-you page and the 404/410/error pages. */
    static Set<String> checkinKeys() throws IOException {
        String code = source("CheckInFormController.java") + source("Page.java");
        Set<String> keys = new TreeSet<>();
        Matcher literal = Pattern.compile("\"((?:form|page)\\.[A-Za-z0-9.]*[A-Za-z0-9])\"").matcher(code);
        while (literal.find()) {
            keys.add(literal.group(1));
        }
        Matcher message = Pattern.compile("Page\\.message\\(texts, [^,]+, \"(\\w+)\"\\)").matcher(code);
        while (message.find()) {
            keys.add("page." + message.group(1) + ".title");
            keys.add("page." + message.group(1) + ".body");
        }
        // Keys built from a prefix: the code appends the answer enums' names and the 1-5 scale.
        if (code.contains("\"form.option.participation.\"")) {
            for (Participation p : Participation.values()) {
                keys.add("form.option.participation." + p.name());
            }
        }
        if (code.contains("\"form.option.wellbeing.\"")) {
            for (int i = 1; i <= 5; i++) {
                keys.add("form.option.wellbeing." + i);
            }
        }
        if (code.contains("\"form.option.help.\"")) {
            for (HelpTopic t : HelpTopic.values()) {
                keys.add("form.option.help." + t.name());
            }
        }
        return keys;
    }

    /** Keys of the survey pages: literals given to texts.get and the message pages' names. */
    static Set<String> surveyKeys() throws IOException {
        String code = source("SurveyFormController.java");
        Set<String> keys = new TreeSet<>();
        Matcher literal = Pattern.compile("texts\\.get\\([^,]+, \"([A-Za-z0-9.]+)\"").matcher(code);
        while (literal.find()) {
            String key = literal.group(1);
            if (key.endsWith(".")) {
                // A prefix the code completes (error codes): every survey key under it.
                SURVEY.keys().stream().filter(k -> k.startsWith(key)).forEach(keys::add);
            } else {
                keys.add(key);
            }
        }
        Matcher option = Pattern.compile("\\{SurveyAnswers\\.\\w+, \"([A-Za-z0-9.]+)\"\\}").matcher(code);
        while (option.find()) {
            keys.add(option.group(1));
        }
        Matcher message = Pattern.compile("message\\(HttpStatus\\.\\w+, \"(\\w+)\"").matcher(code);
        while (message.find()) {
            keys.add(message.group(1) + ".title");
            keys.add(message.group(1) + ".body");
        }
        return keys;
    }

    @Test
    void theKeysAreFoundInThePageCode() throws IOException {
        Set<String> checkin = checkinKeys();
        assertTrue(checkin.containsAll(List.of("form.title", "form.submit", "page.thanks.title", "page.gone.body",
                "page.notfound.title", "form.option.help.HOUSING", "form.option.wellbeing.3")), checkin::toString);
        Set<String> survey = surveyKeys();
        assertTrue(survey.containsAll(List.of("page.title", "page.submit", "thanks.title", "used.body",
                "expired.title", "unknown.body", "unsubscribe.title")), survey::toString);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCheckinPageTextExistsInEveryLanguage(Language lang) throws IOException {
        List<String> missing = checkinKeys().stream().filter(k -> !TEXTS.has(lang, k)).toList();
        assertTrue(missing.isEmpty(), () -> "Missing or empty in " + lang.code() + ": " + missing);
    }

    @Test
    void everySurveyPageTextExistsInSwedishAndEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String lang : SurveyTexts.LANGUAGES) {
            for (String key : surveyKeys()) {
                if (!SURVEY.keys().contains(key)) {
                    problems.add(lang + ":" + key + " missing");
                } else if (SURVEY.get(lang, key).isBlank()) {
                    problems.add(lang + ":" + key + " empty");
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join(", ", problems));
    }

    @Test
    void theNotFoundPageHasItsEnglishLineToo() {
        for (String key : List.of("page.notfound.title", "page.notfound.body")) {
            assertTrue(TEXTS.has(Language.EN, key), key);
        }
    }

    @Test
    void noPageTextIsLeftUntranslated() throws IOException {
        // A copy of the Swedish text in another language is a forgotten translation (names like "SFI" aside).
        List<String> same = new ArrayList<>();
        for (Language lang : Language.values()) {
            if (lang == Language.SV) {
                continue;
            }
            Properties sv = properties(Language.SV);
            Properties other = properties(lang);
            for (String key : checkinKeys()) {
                String text = sv.getProperty(key, "");
                if (text.length() > 12 && text.equals(other.getProperty(key))) {
                    same.add(lang.code() + ":" + key);
                }
            }
        }
        assertEquals(List.of(), same, "texts identical to Swedish");
    }

    /**
     * The glossary in docs/languages.md is the one the pages use: the check-in term is in the form's title, the
     * internship term in the "work" help option, and SFI in the "studies" option, in every language.
     */
    @Test
    void theGlossaryTermsAreTheOnesTheFormUses() throws IOException {
        Path doc = Path.of("../../docs/languages.md");
        assertTrue(Files.exists(doc), "no " + doc.toAbsolutePath());
        List<String> rows = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<String> header = cells(rows.stream().filter(r -> r.startsWith("| term |")).findFirst()
                .orElseThrow(() -> new AssertionError("no glossary table in " + doc)));
        List<String> problems = new ArrayList<>();
        for (String[] use : new String[][] {{"check-in", "form.title"}, {"internship", "form.option.help.WORK"},
                {"SFI", "form.option.help.STUDIES"}}) {
            List<String> row = cells(rows.stream().filter(r -> r.startsWith("| " + use[0] + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no glossary row for " + use[0])));
            for (Language lang : Language.values()) {
                int column = -1;
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).equals(lang.code()) || header.get(i).startsWith(lang.code() + " ")) {
                        column = i;
                    }
                }
                assertTrue(column > 0, "no glossary column for " + lang.code());
                // "(veckans) avstämning": the part in brackets is optional.
                String term = row.get(column).replaceAll("\\([^)]*\\)", "").strip().toLowerCase(java.util.Locale.ROOT);
                String text = TEXTS.text(lang, use[1]).toLowerCase(java.util.Locale.ROOT);
                if (!text.contains(term)) {
                    problems.add(lang.code() + ": " + use[1] + " \"" + text + "\" lacks the glossary's " + use[0] + " \"" + term + "\"");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells.subList(1, cells.size());
    }

    private static Properties properties(Language lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PageTextsTest.class.getClassLoader()
                .getResourceAsStream("texts/messages_" + lang.code() + ".properties")) {
            assertTrue(in != null, "texts/messages_" + lang.code() + ".properties on the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String source(String file) throws IOException {
        Path path = SOURCES.resolve(file);
        assertFalse(!Files.exists(path), "no " + path.toAbsolutePath());
        return Files.readString(path, StandardCharsets.UTF_8).lines().collect(Collectors.joining("\n"));
    }
}
