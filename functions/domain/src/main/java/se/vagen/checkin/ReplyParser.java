package se.vagen.checkin;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import se.vagen.checkin.ReplyTokens.Token;
import se.vagen.common.Language;

/**
 * Reads an SMS or e-mail reply to a check-in question, generously (word lists in
 * {@code rules/reply-words.json}).
 *
 * <ol>
 *   <li>Keywords come first, whatever the question: STOP/STOPP/AVSLUTA, START, HELP/HJÄLP as the first word
 *       (after greetings and "please"), any case, with punctuation.</li>
 *   <li>Greetings and thanks at the start are skipped ("Hej! 2", "Tack, nej").</li>
 *   <li>The answer must come first: a number in any script, or a word or phrase (longest match), or 👍/👎.
 *       Whatever follows is {@code freeText} ("2 jag var sjuk" is PARTLY with "jag var sjuk"); thanks alone
 *       are not kept as free text.</li>
 *   <li>Participation 1..3 and wellbeing 1..5 take one number: a second number right after it ("1 3",
 *       "4/5") is ambiguous and not understood. Help takes several numbers 0..7 joined by spaces, commas,
 *       "+", "och", "and", "و", ... in any order, duplicates dropped, returned in the order of
 *       {@link HelpTopic}; without numbers, topic words ("bostad och pengar") are read the same way.
 *       0 together with a topic ("0 1", "nej 3") contradicts itself and is not understood.</li>
 *   <li>Numbers out of range ("12", "0" for participation) and anything else are NOT_UNDERSTOOD, with the
 *       whole reply as free text.</li>
 * </ol>
 */
@Singleton
public class ReplyParser {

    private static final HelpTopic[] TOPICS = HelpTopic.values();

    private final ReplyWords words;

    public ReplyParser() {
        this(ReplyWords.load("rules/reply-words.json"));
    }

    ReplyParser(ReplyWords words) {
        this.words = words;
    }

    /**
     * @param expected the open question; null when none is open (then only keywords are recognised)
     * @param lang the aspirant's language (decides words that mean different things in two languages)
     */
    public ParsedReply parse(String text, Question expected, Language lang) {
        if (text == null || text.isBlank()) {
            return ParsedReply.notUnderstood(text);
        }
        List<Token> tokens = ReplyTokens.tokenize(text);
        int p = skipFillers(tokens, 0, lang);
        if (p >= tokens.size()) {
            return ParsedReply.notUnderstood(text);
        }
        ParsedReply.Kind keyword = words.keywords.find(lang, tokens.get(p).norm());
        if (keyword != null) {
            return ParsedReply.keyword(keyword, rest(text, tokens, p + 1, lang));
        }
        if (expected == null) {
            return ParsedReply.notUnderstood(text);
        }
        return switch (expected) {
            case PARTICIPATION -> single(text, tokens, p, lang, 1, 3, words.participation,
                    n -> Participation.values()[n - 1], ParsedReply::participation);
            case WELLBEING -> single(text, tokens, p, lang, 1, 5, words.wellbeing, n -> n, ParsedReply::wellbeing);
            case HELP -> help(text, tokens, p, lang);
        };
    }

    private <V> ParsedReply single(String text, List<Token> tokens, int p, Language lang, int min, int max,
            ReplyWords.Table<V> table, IntFunction<V> ofNumber, BiFunction<V, String, ParsedReply> make) {
        Token first = tokens.get(p);
        if (first.number()) {
            int n = number(first);
            if (n < min || n > max) {
                return ParsedReply.notUnderstood(text);
            }
            V value = ofNumber.apply(n);
            int next = p + 1 + echo(table, tokens, p + 1, lang, value); // "1 Ja", "4 bra"
            if (nextIsNumber(tokens, next, lang)) {
                return ParsedReply.notUnderstood(text); // "1 3", "4/5"
            }
            return make.apply(value, rest(text, tokens, next, lang));
        }
        int len = longestMatch(table, tokens, p, lang);
        if (len > 0) {
            return make.apply(table.find(lang, phrase(tokens, p, len)), rest(text, tokens, p + len, lang));
        }
        return ParsedReply.notUnderstood(text);
    }

    /**
     * How many tokens from {@code from} on only repeat {@code value} in words, as when the reply copies the
     * option from the message ("1 Ja", "2 Pengar/bidrag").
     */
    private static <V> int echo(ReplyWords.Table<V> table, List<Token> tokens, int from, Language lang, V value) {
        int i = from;
        while (true) {
            int len = longestMatch(table, tokens, i, lang);
            if (len == 0 || !value.equals(table.find(lang, phrase(tokens, i, len)))) {
                return i - from;
            }
            i += len;
        }
    }

    private ParsedReply help(String text, List<Token> tokens, int p, Language lang) {
        Set<HelpTopic> chosen = EnumSet.noneOf(HelpTopic.class);
        int next = p;
        if (tokens.get(p).number()) {
            // numbers mode: "1 och 3", "1,3", "1+3"; what follows the numbers is free text
            int i = p;
            while (i < tokens.size() && tokens.get(i).number()) {
                int n = number(tokens.get(i));
                if (n < 0 || n >= TOPICS.length) {
                    return ParsedReply.notUnderstood(text);
                }
                HelpTopic topic = TOPICS[n];
                chosen.add(topic);
                next = i + 1 + (topic == HelpTopic.NONE ? echo(words.none, tokens, i + 1, lang, Boolean.TRUE)
                        : echo(words.topics, tokens, i + 1, lang, topic)); // "1 Bostad, 3 Studier"
                i = skipConjunctions(tokens, next, lang);
            }
        } else {
            // words mode: "bostad och pengar", "Studier eller SFI"
            int i = p;
            while (i < tokens.size()) {
                int len = longestMatch(words.topics, tokens, i, lang);
                if (len == 0) {
                    break;
                }
                chosen.add(words.topics.find(lang, phrase(tokens, i, len)));
                next = i + len;
                i = skipConjunctions(tokens, next, lang);
            }
        }
        if (!chosen.isEmpty()) {
            if (chosen.contains(HelpTopic.NONE) && chosen.size() > 1) {
                return ParsedReply.notUnderstood(text); // "0 1": no help, and yet a topic
            }
            return ParsedReply.help(new ArrayList<>(chosen), rest(text, tokens, next, lang));
        }
        int len = longestMatch(words.none, tokens, p, lang);
        if (len > 0) {
            if (nextIsNumber(tokens, p + len, lang) || longestMatch(words.topics, tokens,
                    skipConjunctions(tokens, p + len, lang), lang) > 0) {
                return ParsedReply.notUnderstood(text); // "nej 3", "nej, bostad"
            }
            return ParsedReply.help(List.of(HelpTopic.NONE), rest(text, tokens, p + len, lang));
        }
        return ParsedReply.notUnderstood(text);
    }

    /** The number of tokens of the longest phrase of the table starting at {@code from}; 0 if none. */
    private static int longestMatch(ReplyWords.Table<?> table, List<Token> tokens, int from, Language lang) {
        for (int len = Math.min(table.maxWords(), tokens.size() - from); len >= 1; len--) {
            if (table.find(lang, phrase(tokens, from, len)) != null) {
                return len;
            }
        }
        return 0;
    }

    /** Digits only; more than three digits is certainly out of range. */
    private static int number(Token t) {
        return t.norm().length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(t.norm());
    }

    private boolean nextIsNumber(List<Token> tokens, int from, Language lang) {
        int i = skipConjunctions(tokens, from, lang);
        return i < tokens.size() && tokens.get(i).number();
    }

    private int skipConjunctions(List<Token> tokens, int from, Language lang) {
        int i = from;
        while (i < tokens.size() && !tokens.get(i).number() && words.conjunctions.find(lang, tokens.get(i).norm()) != null) {
            i++;
        }
        return i;
    }

    private int skipFillers(List<Token> tokens, int from, Language lang) {
        int i = from;
        boolean moved = true;
        while (moved && i < tokens.size()) {
            moved = false;
            for (int len = Math.min(words.fillers.maxWords(), tokens.size() - i); len >= 1; len--) {
                if (words.fillers.find(lang, phrase(tokens, i, len)) != null) {
                    i += len;
                    moved = true;
                    break;
                }
            }
        }
        return i;
    }

    private static String phrase(List<Token> tokens, int from, int len) {
        StringBuilder sb = new StringBuilder(tokens.get(from).norm());
        for (int i = from + 1; i < from + len; i++) {
            sb.append(' ').append(tokens.get(i).norm());
        }
        return sb.toString();
    }

    /** The original text from token {@code from} on, or null when nothing but thanks and greetings is left. */
    private String rest(String text, List<Token> tokens, int from, Language lang) {
        if (skipFillers(tokens, from, lang) >= tokens.size()) {
            return null;
        }
        String r = text.substring(tokens.get(from).start()).strip();
        return r.isEmpty() ? null : r;
    }
}
