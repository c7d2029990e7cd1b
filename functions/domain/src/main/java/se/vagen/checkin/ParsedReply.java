package se.vagen.checkin;

import java.util.List;

/**
 * What an inbound SMS or e-mail reply says. {@code kind} ANSWER carries exactly one of
 * {@code participation}, {@code wellbeing} (1..5) or {@code helpNeeded} (non-empty; {@code [NONE]} is an
 * explicit no) for the expected question. {@code freeText} is any text that came with the answer or
 * keyword (null when there was none); for NOT_UNDERSTOOD it is the whole reply, trimmed (null when blank).
 */
public record ParsedReply(
        Kind kind,
        Participation participation,
        Integer wellbeing,
        List<HelpTopic> helpNeeded,
        String freeText) {

    public enum Kind {
        /** An answer to the expected question. */
        ANSWER,
        /** Not an answer: re-ask once, then keep the text for staff. */
        NOT_UNDERSTOOD,
        /** STOP, STOPP, AVSLUTA...: opt out of the channel. */
        STOP,
        /** START: opt in again. */
        START,
        /** HELP, HJÄLP: send the help text and leave the question open. */
        HELP
    }

    public ParsedReply {
        helpNeeded = helpNeeded == null ? List.of() : List.copyOf(helpNeeded);
    }

    public boolean isAnswer() {
        return kind == Kind.ANSWER;
    }

    static ParsedReply participation(Participation p, String freeText) {
        return new ParsedReply(Kind.ANSWER, p, null, null, freeText);
    }

    static ParsedReply wellbeing(int w, String freeText) {
        return new ParsedReply(Kind.ANSWER, null, w, null, freeText);
    }

    static ParsedReply help(List<HelpTopic> topics, String freeText) {
        return new ParsedReply(Kind.ANSWER, null, null, topics, freeText);
    }

    static ParsedReply notUnderstood(String text) {
        String t = text == null ? null : text.strip();
        return new ParsedReply(Kind.NOT_UNDERSTOOD, null, null, null, t == null || t.isEmpty() ? null : t);
    }

    static ParsedReply keyword(Kind kind, String freeText) {
        return new ParsedReply(kind, null, null, null, freeText);
    }
}
