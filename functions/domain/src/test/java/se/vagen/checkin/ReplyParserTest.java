package se.vagen.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.common.Language;

class ReplyParserTest {

    private static final ReplyParser PARSER = new ReplyParser();

    /** ANSWER value as text: participation name, wellbeing number, or help topics joined by ",". */
    private static String describe(ParsedReply r) {
        if (r.kind() != ParsedReply.Kind.ANSWER) {
            return r.kind().name();
        }
        if (r.participation() != null) {
            return r.participation().name();
        }
        if (r.wellbeing() != null) {
            return r.wellbeing().toString();
        }
        return r.helpNeeded().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static void check(String text, Question q, Language lang, String expected, String freeText) {
        ParsedReply r = PARSER.parse(text, q, lang);
        assertEquals(expected, describe(r), () -> "value of '" + text + "' -> " + r);
        assertEquals(freeText, r.freeText(), () -> "free text of '" + text + "' -> " + r);
    }

    @ParameterizedTest(name = "[{1}/{2}] ''{0}'' -> {3} ''{4}''")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // text                        | question      | lang | expected       | freeText
            "1                              | PARTICIPATION | SV   | YES            | -",
            "2                              | PARTICIPATION | SV   | PARTLY         | -",
            "3                              | PARTICIPATION | SV   | NO             | -",
            "' 3. '                         | PARTICIPATION | SV   | NO             | -",
            "3)                             | PARTICIPATION | SV   | NO             | -",
            "'2 '                           | PARTICIPATION | SV   | PARTLY         | -",
            "1️⃣                             | PARTICIPATION | SV   | YES            | -",
            "2 jag var sjuk                 | PARTICIPATION | SV   | PARTLY         | jag var sjuk",
            "2, jag var sjuk i tisdags.     | PARTICIPATION | SV   | PARTLY         | jag var sjuk i tisdags.",
            "3 - sjuk hela veckan           | PARTICIPATION | SV   | NO             | sjuk hela veckan",
            "2jag var sjuk                  | PARTICIPATION | SV   | PARTLY         | jag var sjuk",
            "Ja                             | PARTICIPATION | SV   | YES            | -",
            // the option copied from the message is not free text
            "1 Ja                           | PARTICIPATION | SV   | YES            | -",
            "1. Ja!                         | PARTICIPATION | SV   | YES            | -",
            "2 Delvis                       | PARTICIPATION | SV   | PARTLY         | -",
            "3 Nej, sjuk                    | PARTICIPATION | SV   | NO             | sjuk",
            "1 نعم                          | PARTICIPATION | AR   | YES            | -",
            "1 Ja 3 Nej                     | PARTICIPATION | SV   | NOT_UNDERSTOOD | 1 Ja 3 Nej",
            "3 ja                           | PARTICIPATION | SV   | NO             | ja",
            "Ja!                            | PARTICIPATION | SV   | YES            | -",
            "ja tack                        | PARTICIPATION | SV   | YES            | -",
            "JA TACK!                       | PARTICIPATION | SV   | YES            | -",
            "Hej! Ja                        | PARTICIPATION | SV   | YES            | -",
            "Tack, nej                      | PARTICIPATION | SV   | NO             | -",
            "Nej!!                          | PARTICIPATION | SV   | NO             | -",
            "NEJ tack                       | PARTICIPATION | SV   | NO             | -",
            "nej jag var sjuk               | PARTICIPATION | SV   | NO             | jag var sjuk",
            "delvis                         | PARTICIPATION | SV   | PARTLY         | -",
            "Delvis, var hos läkaren        | PARTICIPATION | SV   | PARTLY         | var hos läkaren",
            "till viss del                  | PARTICIPATION | SV   | PARTLY         | -",
            "👍                             | PARTICIPATION | SV   | YES            | -",
            "👍🏽                             | PARTICIPATION | SV   | YES            | -",
            "👎                             | PARTICIPATION | SV   | NO             | -",
            "✅ tack                        | PARTICIPATION | SV   | YES            | -",
            "yes                            | PARTICIPATION | SV   | YES            | -",
            "Yes, partly?                   | PARTICIPATION | EN   | YES            | partly?",
            "partly                         | PARTICIPATION | EN   | PARTLY         | -",
            "Partly.                        | PARTICIPATION | EN   | PARTLY         | -",
            "No                             | PARTICIPATION | EN   | NO             | -",
            "no thanks                      | PARTICIPATION | EN   | NO             | -",
            "نعم                            | PARTICIPATION | AR   | YES            | -",
            "نعم، شكراً                     | PARTICIPATION | AR   | YES            | -",
            "جزئياً                          | PARTICIPATION | AR   | PARTLY         | -",
            "جزئيا                          | PARTICIPATION | AR   | PARTLY         | -",
            "لا                             | PARTICIPATION | AR   | NO             | -",
            "٣                              | PARTICIPATION | AR   | NO             | -",
            "٢ كنت مريضاً                   | PARTICIPATION | AR   | PARTLY         | كنت مريضاً",
            "بله                            | PARTICIPATION | FA   | YES            | -",
            "بلی                            | PARTICIPATION | FA   | YES            | -",
            "نخیر                           | PARTICIPATION | FA   | NO             | -",
            "نه                             | PARTICIPATION | FA   | NO             | -",
            "تا اندازه‌ای                    | PARTICIPATION | FA   | PARTLY         | -",
            "۲                              | PARTICIPATION | FA   | PARTLY         | -",
            "۱ تشکر                         | PARTICIPATION | FA   | YES            | -",
            "بلي                            | PARTICIPATION | FA   | YES            | -",
            "haa                            | PARTICIPATION | SO   | YES            | -",
            "Haa!                           | PARTICIPATION | SO   | YES            | -",
            "Maya                           | PARTICIPATION | SO   | NO             | -",
            "qayb ahaan                     | PARTICIPATION | SO   | PARTLY         | -",
            "እወ                             | PARTICIPATION | TI   | YES            | -",
            "እወ።                            | PARTICIPATION | TI   | YES            | -",
            "ኣይፋል                          | PARTICIPATION | TI   | NO             | -",
            "ብኸፊል                          | PARTICIPATION | TI   | PARTLY         | -",
            "፪                              | PARTICIPATION | TI   | PARTLY         | -",
            "так                            | PARTICIPATION | UK   | YES            | -",
            "Так!                           | PARTICIPATION | UK   | YES            | -",
            "ні                             | PARTICIPATION | UK   | NO             | -",
            "НІ                             | PARTICIPATION | UK   | NO             | -",
            "частково                       | PARTICIPATION | UK   | PARTLY         | -",
            // not understood: whole text kept
            "4                              | PARTICIPATION | SV   | NOT_UNDERSTOOD | 4",
            "0                              | PARTICIPATION | SV   | NOT_UNDERSTOOD | 0",
            "12                             | PARTICIPATION | SV   | NOT_UNDERSTOOD | 12",
            "1 3                            | PARTICIPATION | SV   | NOT_UNDERSTOOD | 1 3",
            "1 och 3                        | PARTICIPATION | SV   | NOT_UNDERSTOOD | 1 och 3",
            "jag var sjuk 2                 | PARTICIPATION | SV   | NOT_UNDERSTOOD | jag var sjuk 2",
            "''                             | PARTICIPATION | SV   | NOT_UNDERSTOOD | -",
            "'   '                          | PARTICIPATION | SV   | NOT_UNDERSTOOD | -",
            "?!                             | PARTICIPATION | SV   | NOT_UNDERSTOOD | ?!",
            "tack                           | PARTICIPATION | SV   | NOT_UNDERSTOOD | tack",
            "🙂                             | PARTICIPATION | SV   | NOT_UNDERSTOOD | 🙂",
            "kanske                         | PARTICIPATION | SV   | NOT_UNDERSTOOD | kanske",
            "99999999999999999999           | PARTICIPATION | SV   | NOT_UNDERSTOOD | 99999999999999999999",
    })
    void participation(String text, Question q, Language lang, String expected, String freeText) {
        check(text, q, lang, expected, freeText);
    }

    @ParameterizedTest(name = "[{1}/{2}] ''{0}'' -> {3} ''{4}''")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "1                              | WELLBEING | SV | 1              | -",
            "5                              | WELLBEING | SV | 5              | -",
            "'4.'                           | WELLBEING | SV | 4              | -",
            "3 trött                        | WELLBEING | SV | 3              | trött",
            "bra                            | WELLBEING | SV | 4              | -",
            "4 Bra                          | WELLBEING | SV | 4              | -",
            "4 mycket bra                   | WELLBEING | SV | 4              | mycket bra",
            "Bra tack!                      | WELLBEING | SV | 4              | -",
            "mycket bra                     | WELLBEING | SV | 5              | -",
            "Jättebra                       | WELLBEING | SV | 5              | -",
            "dåligt                         | WELLBEING | SV | 2              | -",
            "inte bra                       | WELLBEING | SV | 2              | -",
            "mycket dåligt, ont i ryggen    | WELLBEING | SV | 1              | ont i ryggen",
            "okej                           | WELLBEING | SV | 3              | -",
            "👍                             | WELLBEING | SV | 4              | -",
            "👎                             | WELLBEING | SV | 2              | -",
            "good                           | WELLBEING | EN | 4              | -",
            "Very good!                     | WELLBEING | EN | 5              | -",
            "not good                       | WELLBEING | EN | 2              | -",
            "٥                              | WELLBEING | AR | 5              | -",
            "جيد جداً                        | WELLBEING | AR | 5              | -",
            "جيد                            | WELLBEING | AR | 4              | -",
            "سيئ                            | WELLBEING | AR | 2              | -",
            "۴                              | WELLBEING | FA | 4              | -",
            "خوب                            | WELLBEING | FA | 4              | -",
            "بسیار خوب                      | WELLBEING | FA | 5              | -",
            "بد نیست                        | WELLBEING | FA | 3              | -",
            "fiican                         | WELLBEING | SO | 4              | -",
            "aad u fiican                   | WELLBEING | SO | 5              | -",
            "ጽቡቕ                            | WELLBEING | TI | 4              | -",
            "ብጣዕሚ ጽቡቕ                      | WELLBEING | TI | 5              | -",
            "добре                          | WELLBEING | UK | 4              | -",
            "Дуже добре                     | WELLBEING | UK | 5              | -",
            "так собі                       | WELLBEING | UK | 3              | -",
            "0                              | WELLBEING | SV | NOT_UNDERSTOOD | 0",
            "6                              | WELLBEING | SV | NOT_UNDERSTOOD | 6",
            "4/5                            | WELLBEING | SV | NOT_UNDERSTOOD | 4/5",
            "ja                             | WELLBEING | SV | NOT_UNDERSTOOD | ja",
    })
    void wellbeing(String text, Question q, Language lang, String expected, String freeText) {
        check(text, q, lang, expected, freeText);
    }

    @ParameterizedTest(name = "[{1}/{2}] ''{0}'' -> {3} ''{4}''")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "0                              | HELP | SV | NONE                     | -",
            "nej                            | HELP | SV | NONE                     | -",
            "Nej tack!                      | HELP | SV | NONE                     | -",
            "1                              | HELP | SV | HOUSING                  | -",
            "1 Bostad, 3 Studier/SFI        | HELP | SV | HOUSING,STUDIES          | -",
            "2 Pengar/bidrag                | HELP | SV | MONEY                    | -",
            "0 Nej                          | HELP | SV | NONE                     | -",
            "0 nej tack                     | HELP | SV | NONE                     | -",
            "1 Житло, 5 Здоров’я            | HELP | UK | HOUSING,HEALTH           | -",
            "7                              | HELP | SV | OTHER                    | -",
            "1 och 3                        | HELP | SV | HOUSING,STUDIES          | -",
            "1,3                            | HELP | SV | HOUSING,STUDIES          | -",
            "1, 3                           | HELP | SV | HOUSING,STUDIES          | -",
            "1 3                            | HELP | SV | HOUSING,STUDIES          | -",
            "1+3                            | HELP | SV | HOUSING,STUDIES          | -",
            "3 1                            | HELP | SV | HOUSING,STUDIES          | -",
            "1 1 1                          | HELP | SV | HOUSING                  | -",
            "1 and 3                        | HELP | EN | HOUSING,STUDIES          | -",
            "2 & 5                          | HELP | EN | MONEY,HEALTH             | -",
            "1, 2 och 6                     | HELP | SV | HOUSING,MONEY,CHILDCARE  | -",
            "7 jag behöver prata med någon  | HELP | SV | OTHER                    | jag behöver prata med någon",
            "4 och 5, har ont i knät        | HELP | SV | WORK,HEALTH              | har ont i knät",
            "١ و ٣                          | HELP | AR | HOUSING,STUDIES          | -",
            "١و٣                            | HELP | AR | HOUSING,STUDIES          | -",
            "لا                             | HELP | AR | NONE                     | -",
            "۱ و ۳                          | HELP | FA | HOUSING,STUDIES          | -",
            "نخیر                           | HELP | FA | NONE                     | -",
            "1 iyo 4                        | HELP | SO | HOUSING,WORK             | -",
            "maya                           | HELP | SO | NONE                     | -",
            "ኣይፋል                          | HELP | TI | NONE                     | -",
            "1 і 3                          | HELP | UK | HOUSING,STUDIES          | -",
            "ні                             | HELP | UK | NONE                     | -",
            "no                             | HELP | EN | NONE                     | -",
            "👎                             | HELP | SV | NONE                     | -",
            "0 1                            | HELP | SV | NOT_UNDERSTOOD           | 0 1",
            "nej 3                          | HELP | SV | NOT_UNDERSTOOD           | nej 3",
            "8                              | HELP | SV | NOT_UNDERSTOOD           | 8",
            "1 och 9                        | HELP | SV | NOT_UNDERSTOOD           | 1 och 9",
            "ja                             | HELP | SV | NOT_UNDERSTOOD           | ja",
            "👍                             | HELP | SV | NOT_UNDERSTOOD           | 👍",
            // topic words, when no number is given
            "bostad                         | HELP | SV | HOUSING                  | -",
            "Bostad och pengar              | HELP | SV | HOUSING,MONEY            | -",
            "Studier eller SFI              | HELP | SV | STUDIES                  | -",
            "barn, jobb                     | HELP | SV | WORK,CHILDCARE           | -",
            "Barn. De är sjuka              | HELP | SV | CHILDCARE                | De är sjuka",
            "housing and money              | HELP | EN | HOUSING,MONEY            | -",
            "السكن                          | HELP | AR | HOUSING                  | -",
            "صحت                            | HELP | FA | HEALTH                   | -",
            "guri iyo lacag                 | HELP | SO | HOUSING,MONEY            | -",
            "ገዛ                             | HELP | TI | HOUSING                  | -",
            "житло                          | HELP | UK | HOUSING                  | -",
            "Здоров’я                       | HELP | UK | HEALTH                   | -",
            "3 det är svårt med SFI         | HELP | SV | STUDIES                  | det är svårt med SFI",
            "nej, bostad                    | HELP | SV | NOT_UNDERSTOOD           | nej, bostad",
            "jag behöver bostad             | HELP | SV | NOT_UNDERSTOOD           | jag behöver bostad",
    })
    void help(String text, Question q, Language lang, String expected, String freeText) {
        check(text, q, lang, expected, freeText);
    }

    @ParameterizedTest(name = "[{1}/{2}] ''{0}'' -> {3} ''{4}''")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "STOP                           | PARTICIPATION | SV | STOP  | -",
            "stopp                          | WELLBEING     | SV | STOP  | -",
            "Stop.                          | HELP          | EN | STOP  | -",
            "' STOPP! '                     | PARTICIPATION | AR | STOP  | -",
            "Avsluta                        | PARTICIPATION | SV | STOP  | -",
            "stop please                    | PARTICIPATION | EN | STOP  | -",
            "Snälla stoppa                  | PARTICIPATION | SV | STOP  | -",
            "stopp jag har fått jobb        | PARTICIPATION | SV | STOP  | jag har fått jobb",
            "توقف                           | PARTICIPATION | AR | STOP  | -",
            "Стоп                           | PARTICIPATION | UK | STOP  | -",
            "START                          | PARTICIPATION | SV | START | -",
            "start                          | -             | SO | START | -",
            "HELP                           | PARTICIPATION | EN | HELP  | -",
            "hjälp                          | HELP          | SV | HELP  | -",
            "Hjälp?                         | WELLBEING     | SV | HELP  | -",
            "HJALP                          | PARTICIPATION | SV | HELP  | -",
            "stopp                          | -             | SV | STOP  | -",
            "2                              | -             | SV | NOT_UNDERSTOOD | 2",
            "stoppen                        | PARTICIPATION | SV | NOT_UNDERSTOOD | stoppen",
    })
    void keywordsComeFirstWhateverTheQuestion(String text, Question q, Language lang, String expected,
            String freeText) {
        check(text, q, lang, expected, freeText);
    }
}
