package se.vagen.checkin;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a reply into tokens and normalises them so that the spellings people actually type compare equal:
 * lower case, digits of any script as ASCII digits (Arabic-Indic ٣, Persian ۳, Ethiopic ፫), Arabic
 * diacritics and tatweel removed, the Arabic and Persian forms of yeh, kaf, alef and teh marbuta unified.
 * Punctuation, spaces and the Persian zero-width non-joiner separate tokens; a digit run and a letter run
 * are separate tokens ("2jag" is "2", "jag"); every emoji or other symbol is a token of its own, with
 * variation selectors and skin tones dropped. Each token keeps its offsets in the original text.
 */
final class ReplyTokens {

    record Token(String norm, int start, int end, boolean number) {
    }

    private enum Kind { SEPARATOR, DIGIT, LETTER, SYMBOL, IGNORED }

    private ReplyTokens() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder norm = new StringBuilder();
        Kind current = Kind.SEPARATOR;
        int start = 0;
        int end = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            Kind kind = kindOf(cp);
            if (kind == Kind.IGNORED) {
                if (current != Kind.SEPARATOR) {
                    end = i + len;
                }
                i += len;
                continue;
            }
            boolean continues = kind == current && (kind == Kind.DIGIT || kind == Kind.LETTER);
            if (!continues && current != Kind.SEPARATOR) {
                tokens.add(finish(norm, start, end, current));
                norm.setLength(0);
            }
            if (kind != Kind.SEPARATOR) {
                if (!continues) {
                    start = i;
                }
                appendNormalised(norm, cp, kind);
                end = i + len;
            }
            current = kind;
            i += len;
        }
        if (current != Kind.SEPARATOR) {
            tokens.add(finish(norm, start, end, current));
        }
        tokens.removeIf(t -> t.norm().isEmpty());
        return tokens;
    }

    /** A phrase from the word list, normalised and tokenised the same way, joined by single spaces. */
    static String normalisePhrase(String phrase) {
        return String.join(" ", tokenize(phrase).stream().map(Token::norm).toList());
    }

    private static Token finish(StringBuilder norm, int start, int end, Kind kind) {
        return new Token(norm.toString(), start, end, kind == Kind.DIGIT);
    }

    private static Kind kindOf(int cp) {
        if (cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
            return Kind.IGNORED; // variation selectors, zero-width joiner, keycap, skin tones
        }
        if (cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) {
            return Kind.IGNORED; // Arabic tatweel and diacritics (inside a word they do not split it)
        }
        if (Character.isDigit(cp) || (cp >= 0x1369 && cp <= 0x1371)) {
            return Kind.DIGIT;
        }
        if (Character.isLetter(cp)) {
            return Kind.LETTER;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return Kind.LETTER;
        }
        if (type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL) {
            return Kind.SYMBOL;
        }
        return Kind.SEPARATOR; // spaces, punctuation (incl. ، ؟ ። ፣), math symbols like + and =, ZWNJ
    }

    private static void appendNormalised(StringBuilder out, int cp, Kind kind) {
        if (kind == Kind.DIGIT) {
            int value = cp >= 0x1369 && cp <= 0x1371 ? cp - 0x1368 : Character.digit(cp, 10);
            out.append((char) ('0' + value));
            return;
        }
        if (kind == Kind.SYMBOL) {
            out.appendCodePoint(cp);
            return;
        }
        String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ي', 'ى' -> out.append('ی');
                case 'ك' -> out.append('ک');
                case 'ة' -> out.append('ه');
                case '\u0640' -> { }
                default -> {
                    if (!(c >= '\u064B' && c <= '\u065F') && c != '\u0670') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
