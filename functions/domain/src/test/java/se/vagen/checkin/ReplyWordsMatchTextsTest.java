package se.vagen.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.vagen.common.Language;
import se.vagen.i18n.Texts;

/** Whatever option word we show an aspirant, typed back as the reply, is understood as that option. */
class ReplyWordsMatchTextsTest {

    private static final ReplyParser PARSER = new ReplyParser();
    private static final Texts TEXTS = new Texts();

    @ParameterizedTest
    @EnumSource(Language.class)
    void participationLabelsAreUnderstood(Language lang) {
        for (Participation p : Participation.values()) {
            String label = TEXTS.text(lang, "form.option.participation." + p.name());
            ParsedReply r = PARSER.parse(label, Question.PARTICIPATION, lang);
            assertEquals(p, r.participation(), lang + " '" + label + "' -> " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void wellbeingLabelsAreUnderstood(Language lang) {
        for (int w = 1; w <= 5; w++) {
            String label = TEXTS.text(lang, "form.option.wellbeing." + w);
            ParsedReply r = PARSER.parse(label, Question.WELLBEING, lang);
            assertEquals(w, r.wellbeing(), lang + " '" + label + "' -> " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noHelpLabelIsUnderstood(Language lang) {
        String label = TEXTS.text(lang, "form.option.help.NONE");
        ParsedReply r = PARSER.parse(label, Question.HELP, lang);
        assertEquals(List.of(HelpTopic.NONE), r.helpNeeded(), lang + " '" + label + "' -> " + r);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void helpTopicLabelsAreUnderstood(Language lang) {
        for (HelpTopic t : HelpTopic.values()) {
            String label = TEXTS.text(lang, "form.option.help." + t.name());
            ParsedReply r = PARSER.parse(label, Question.HELP, lang);
            assertEquals(t, r.helpNeeded().isEmpty() ? null : r.helpNeeded().get(0), lang + " '" + label + "' -> " + r);
            if (t != HelpTopic.NONE) {
                assertEquals(List.of(t), r.helpNeeded(), lang + " '" + label + "' -> " + r);
                assertEquals(null, r.freeText(), lang + " '" + label + "' -> " + r);
            }
        }
    }
}
