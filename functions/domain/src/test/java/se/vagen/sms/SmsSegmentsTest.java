package se.vagen.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.vagen.sms.SmsSegments.Encoding;
import se.vagen.sms.SmsSegments.Segments;

class SmsSegmentsTest {

    /** text = repeat(piece, times) + tail. */
    @ParameterizedTest(name = "{0} x{1} + ''{2}'' -> {3} {4} segments, {5} units, within={6}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // piece | times | tail | encoding | segments | units | withinLimit
            "a  | 0   | ''   | GSM7 | 1 | 0   | true",
            "a  | 160 | ''   | GSM7 | 1 | 160 | true",
            "a  | 161 | ''   | GSM7 | 2 | 161 | true",
            "a  | 306 | ''   | GSM7 | 2 | 306 | true",
            "a  | 307 | ''   | GSM7 | 3 | 307 | false",
            "å  | 160 | ''   | GSM7 | 1 | 160 | true",
            "Ä  | 161 | ''   | GSM7 | 2 | 161 | true",
            "é  | 306 | ''   | GSM7 | 2 | 306 | true",
            "€  | 80  | ''   | GSM7 | 1 | 160 | true",
            "€  | 81  | ''   | GSM7 | 2 | 162 | true",
            "a  | 159 | €    | GSM7 | 2 | 161 | true",
            "a  | 158 | [    | GSM7 | 1 | 160 | true",
            "~  | 80  | ''   | GSM7 | 1 | 160 | true",
            "~  | 80  | ~    | GSM7 | 2 | 162 | true",
            // 153 tildes are 306 septets but need 3 parts, because a pair is never split
            "~  | 153 | ''   | GSM7 | 3 | 306 | false",
            // an escape pair is never split: 152 septets then '[' needs 2 -> moves to the next part
            "a  | 152 | [aaaaaaaaaa | GSM7 | 2 | 164 | true",
            "a  | 305 | ^    | GSM7 | 3 | 307 | false",
            "a  | 304 | '|'  | GSM7 | 2 | 306 | true",
            "ж  | 70  | ''   | UCS2 | 1 | 70  | true",
            "ж  | 71  | ''   | UCS2 | 2 | 71  | true",
            "ж  | 134 | ''   | UCS2 | 2 | 134 | true",
            "ж  | 135 | ''   | UCS2 | 3 | 135 | true",
            "ж  | 201 | ''   | UCS2 | 3 | 201 | true",
            "ж  | 202 | ''   | UCS2 | 4 | 202 | false",
            "a  | 200 | ሰ    | UCS2 | 3 | 201 | true",
            "a  | 201 | ሰ    | UCS2 | 4 | 202 | false",
            "ع  | 69  | a    | UCS2 | 1 | 70  | true",
            // one non-GSM character (en dash, curly quote, ç) turns the whole text into UCS-2
            "a  | 69  | –    | UCS2 | 1 | 70  | true",
            "a  | 70  | ’    | UCS2 | 2 | 71  | true",
            "a  | 160 | ç    | UCS2 | 3 | 161 | true",
            // emoji are two UTF-16 units and never split
            "😀 | 35  | ''   | UCS2 | 1 | 70  | true",
            "😀 | 36  | ''   | UCS2 | 2 | 72  | true",
            "a  | 66  | 😀   | UCS2 | 1 | 68  | true",
            "a  | 68  | 👍   | UCS2 | 1 | 70  | true",
            "a  | 69  | 👍   | UCS2 | 2 | 71  | true",
            "👍 | 100 | a    | UCS2 | 4 | 201 | false",
            "😀 | 100 | ''   | UCS2 | 4 | 200 | false",
    })
    void countsLikeCarriers(String piece, int times, String tail, Encoding encoding, int segments, int units,
            boolean within) {
        String text = piece.repeat(times) + tail;
        assertEquals(new Segments(encoding, segments, units), SmsSegments.count(text));
        assertEquals(within, SmsSegments.withinLimit(text));
    }

    /** "a" x before + middle + "a" x after: a two-unit character at a part boundary moves to the next part. */
    @ParameterizedTest(name = "{0} + ''{1}'' + {2} -> {4} segments")
    @CsvSource(delimiter = '|', value = {
            "152 | [  | 152 | GSM7 | 3 | 306 | false",
            "153 | [  | 151 | GSM7 | 2 | 306 | true",
            "152 | €  | 0   | GSM7 | 1 | 154 | true",
            "66  | 😀 | 133 | UCS2 | 4 | 201 | false",
            "67  | 😀 | 132 | UCS2 | 3 | 201 | true",
    })
    void neverSplitsAPairAcrossParts(int before, String middle, int after, Encoding encoding, int segments, int units,
            boolean within) {
        String text = "a".repeat(before) + middle + "a".repeat(after);
        assertEquals(new Segments(encoding, segments, units), SmsSegments.count(text));
        assertEquals(within, SmsSegments.withinLimit(text));
    }
}
