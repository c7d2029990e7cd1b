package se.vagen.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTokensTest {

    /** Normalised tokens joined by "|". */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = ';', value = {
            "' 3. ';                3",
            "3);                    3",
            "1,3;                   1|3",
            "1+3;                   1|3",
            "1och3;                 1|och|3",
            "٠١٢٣٤٥٦٧٨٩;            0123456789",
            "۰۱۲۳۴۵۶۷۸۹;            0123456789",
            "፩ ፪ ፯;                 1|2|7",
            "١و٣;                   1|و|3",
            "1️⃣;                    1",
            "JA!;                   ja",
            "HJÄLP;                 hjälp",
            "ТАК;                   так",
            "جزئياً;                 جزئیا",
            "إلى حد ما;             الی|حد|ما",
            "سيئة;                  سیئه",
            "كيف;                   کیف",
            "تا اندازه‌ای;           تا|اندازه|ای",
            "بلي;                   بلی",
            "እወ።;                   እወ",
            "ጽቡቕ፣ እወ;              ጽቡቕ|እወ",
            "👍👍;                  👍|👍",
            "👍🏽;                    👍",
            "ja👍;                  ja|👍",
            "Здоров’я;              здоров|я",
            "'  ';                  ''",
    })
    void normalises(String text, String expected) {
        String got = ReplyTokens.tokenize(text).stream().map(ReplyTokens.Token::norm).collect(Collectors.joining("|"));
        assertEquals(expected, got);
    }

    @ParameterizedTest(name = "''{0}'' token {1} at {2}..{3}")
    @CsvSource(delimiter = ';', value = {
            "2 jag var sjuk;    1; 2;  5",
            "'  Nej!! tack';    0; 2;  5",
            "جزئياً، شكراً;      0; 0;  6",
            "👍🏽 ok;             1; 5;  7",
    })
    void keepsOffsetsInTheOriginalText(String text, int index, int start, int end) {
        ReplyTokens.Token t = ReplyTokens.tokenize(text).get(index);
        assertEquals(start, t.start());
        assertEquals(end, t.end());
    }
}
