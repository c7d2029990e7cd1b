package se.vagen.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyTextTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("plain answer", "2", "2"),
                Arguments.of("English Gmail", "1\n\nOn Mon, 30 Nov 2026 at 09:30, Vägen <noreply@vagen.se> wrote:\n> Question 1\n> 1 Yes", "1"),
                Arguments.of("English wrapped over two lines", "Yes\nOn Mon, 30 Nov 2026 at 09:30, Vägen <\nnoreply@vagen.se> wrote:\n> Q", "Yes"),
                Arguments.of("Swedish", "Delvis, var sjuk i tisdags\n\nDen mån 30 nov. 2026 kl. 09:30 skrev Vägen <noreply@vagen.se>:\n> Fråga 1", "Delvis, var sjuk i tisdags"),
                Arguments.of("Outlook Swedish", "3\n\nFrån: Vägen <noreply@vagen.se>\nSkickat: den 30 november 2026 09:30\nÄmne: Veckans avstämning", "3"),
                Arguments.of("Outlook English", "4\r\n\r\n-----Original Message-----\r\nFrom: Vägen", "4"),
                Arguments.of("iPhone signature", "1\n\nSkickat från min iPhone", "1"),
                Arguments.of("only quoted lines", "> 1 Ja\n> 2 Delvis", ""),
                Arguments.of("inline quote kept out", "2\n> Hur mår du?\nbra vecka", "2\nbra vecka"),
                Arguments.of("Arabic Gmail", "نعم\n\nفي الاثنين، 30 نوفمبر 2026 في 9:30 ص كتب Vägen <noreply@vagen.se>:\n> سؤال", "نعم"),
                Arguments.of("Persian", "بله\n\nVägen <noreply@vagen.se> در تاریخ دوشنبه ۳۰ نوامبر ۲۰۲۶ نوشت:\n> سوال", "بله"),
                Arguments.of("Somali", "Haa\n\nIsniin, 30 Nof 2026, Vägen <noreply@vagen.se> ayaa qoray:\n> Su'aal", "Haa"),
                Arguments.of("Ukrainian", "Так\n\nпн, 30 лист. 2026 р. о 09:30 Vägen <noreply@vagen.se> пише:\n> Питання", "Так"),
                Arguments.of("Tigrinya", "እወ\n\nVägen <noreply@vagen.se> ጸሓፈ:\n> ሕቶ", "እወ"),
                Arguments.of("number line not taken for a marker", "2\nDen 30 nov skrev Vägen <noreply@vagen.se>:\n> x", "2"),
                Arguments.of("null", null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void takesTheTextAboveTheQuote(String name, String body, String expected) {
        assertEquals(expected, ReplyText.of(body));
    }
}
