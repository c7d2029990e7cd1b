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
        StringBuilder table = new StringBuilder("| language | longest SMS (key) | encoding | units | segments |\n"
                + "|---|---|---|---|---|\n");
        for (Language lang : Language.values()) {
            String worstKey = null;
            Segments worst = null;
            int worstRatio = -1;
            for (String key : texts.keys(lang)) {
                if (!key.startsWith("sms.")) {
                    continue;
                }
                for (String name : LONG_NAMES) {
                    String sms = texts.text(lang, key, Map.of("firstName", name, "link", LINK));
                    Segments s = SmsSegments.count(sms);
                    if (!SmsSegments.withinLimit(sms)) {
                        tooLong.add(lang.code() + " " + key + " with '" + name + "': " + s);
                    }
                    // how full the allowance is: units per allowed units, in per mille
                    int allowance = s.encoding() == SmsSegments.Encoding.GSM7
                            ? SmsSegments.MAX_GSM7_SEGMENTS * SmsSegments.GSM7_PART
                            : SmsSegments.MAX_UCS2_SEGMENTS * SmsSegments.UCS2_PART;
                    int ratio = s.units() * 1000 / allowance;
                    if (ratio > worstRatio) {
                        worstRatio = ratio;
                        worst = s;
                        worstKey = key + (key.startsWith("sms.reminder") ? " + long name" : "");
                    }
                }
            }
            table.append("| ").append(lang.code()).append(" | ").append(worstKey).append(" | ")
                    .append(worst.encoding()).append(" | ").append(worst.units()).append(" | ")
                    .append(worst.segments()).append(" |\n");
        }
        System.out.println("Longest SMS per language (link " + LINK.length() + " chars, names up to "
                + LONG_NAMES.stream().mapToInt(String::length).max().orElse(0) + " chars):\n" + table);
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
