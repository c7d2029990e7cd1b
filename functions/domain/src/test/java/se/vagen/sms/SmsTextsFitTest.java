package se.vagen.sms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vagen.common.Language;
import se.vagen.i18n.Texts;
import se.vagen.sms.SmsSegments.Segments;

/**
 * Every SMS text in every language, rendered with long names and a real link, stays within
 * {@link SmsSegments#withinLimit}. Prints the longest SMS per language (copied into docs/languages.md).
 */
class SmsTextsFitTest {

    static final String LINK = "https://vagen.example.se/c/" + "AbCdEfGhIjKlMnOpQrStUv";
    static final List<String> LONG_NAMES = List.of(
            "Abdirahmaan-Mohamed Warsame Xasan",
            "عبد الرحمن محمد عبد الله الحسيني",
            "ገብረመድህን ተስፋማርያም ወልደሚካኤል",
            "Олександра-Вікторія Шевченко");

    @Test
    void everySmsTextFitsWithLongNamesAndARealLink() {
        Texts texts = new Texts();
        List<String> tooLong = new ArrayList<>();
        StringBuilder table = new StringBuilder("| language | longest SMS | with a Latin name | with " + LONG_NAMES.get(1)
                + " (Arabic script) | longest SMS without a name |\n|---|---|---|---|---|\n");
        for (Language lang : Language.values()) {
            String[] worstKey = new String[3];
            Segments[] worst = new Segments[3];
            for (String key : texts.keys(lang)) {
                if (!key.startsWith("sms.")) {
                    continue;
                }
                for (int n = 0; n < LONG_NAMES.size(); n++) {
                    String name = LONG_NAMES.get(n);
                    String sms = texts.text(lang, key, Map.of("firstName", name, "link", LINK));
                    Segments s = SmsSegments.count(sms);
                    if (!SmsSegments.withinLimit(sms)) {
                        tooLong.add(lang.code() + " " + key + " with '" + name + "': " + s);
                    }
                    boolean withName = texts.rawTemplate(lang, key).orElseThrow().contains("{firstName}");
                    int column = !withName ? 2 : n == 0 ? 0 : n == 1 ? 1 : -1;
                    if (column >= 0 && (worst[column] == null || s.units() > worst[column].units())) {
                        worst[column] = s;
                        worstKey[column] = key;
                    }
                }
            }
            table.append("| ").append(lang.code()).append(" | ").append(worstKey[0]);
            for (int c = 0; c < 3; c++) {
                table.append(" | ").append(c == 2 ? worstKey[2] + ": " : "").append(worst[c].encoding()).append(", ")
                        .append(worst[c].units()).append(" units, ").append(worst[c].segments()).append(" segments");
            }
            table.append(" |\n");
        }
        System.out.println("Longest SMS per language (link " + LINK.length() + " chars, Latin name "
                + LONG_NAMES.get(0).length() + " chars, Arabic name " + LONG_NAMES.get(1).length() + " chars):\n"
                + table);
        assertTrue(tooLong.isEmpty(), "SMS texts over the limit:\n" + String.join("\n", tooLong));
    }

    @Test
    void swedishEnglishAndSomaliSmsTextsAreGsm7() {
        Texts texts = new Texts();
        List<String> ucs2 = new ArrayList<>();
        for (Language lang : List.of(Language.SV, Language.EN, Language.SO)) {
            for (String key : texts.keys(lang)) {
                if (key.startsWith("sms.")) {
                    String sms = texts.text(lang, key, Map.of("firstName", "Amina", "link", LINK));
                    if (!SmsSegments.isGsm7(sms)) {
                        ucs2.add(lang.code() + " " + key);
                    }
                }
            }
        }
        assertTrue(ucs2.isEmpty(), "These need UCS-2 (a non-GSM character slipped in): " + ucs2);
    }
}
