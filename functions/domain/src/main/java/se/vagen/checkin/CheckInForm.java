package se.vagen.checkin;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.common.Language;
import se.vagen.token.LinkTokens;
import se.vagen.token.TokenPurpose;

/**
 * The check-in web form behind {@code /c/{token}}. A link opens the form for one aspirant and cycle until the cycle
 * ends. The form is stored once per cycle (a conditional write on the check-in), then the link is used up. When the
 * chatbot already got all three answers for the cycle, the link shows the "already answered" page; when the form is
 * posted first, the chatbot conversation is closed.
 */
@Singleton
public class CheckInForm {

    private static final Logger LOG = LoggerFactory.getLogger(CheckInForm.class);

    /** What a request to the link leads to. */
    public enum Outcome { SHOW, STORED, INVALID, NOT_FOUND, GONE }

    /**
     * {@code language} is null when the link is unknown (the page is then Swedish with an English line).
     * {@code input} is set for INVALID (to show the errors next to what was sent).
     */
    public record Result(Outcome outcome, Language language, String cycle, FormInput input) {
    }

    private final LinkTokens tokens;
    private final CheckInRepository checkIns;
    private final ConversationRepository conversations;
    private final AspirantRepository aspirants;

    public CheckInForm(LinkTokens tokens, CheckInRepository checkIns, ConversationRepository conversations,
                       AspirantRepository aspirants) {
        this.tokens = tokens;
        this.checkIns = checkIns;
        this.conversations = conversations;
        this.aspirants = aspirants;
    }

    public Result open(String token, Instant now) {
        LinkTokens.Lookup lookup = tokens.open(token, TokenPurpose.CHECKIN, now);
        Language lang = language(lookup);
        return switch (lookup.status()) {
            case UNKNOWN -> new Result(Outcome.NOT_FOUND, null, null, null);
            case EXPIRED, USED -> new Result(Outcome.GONE, lang, lookup.token().reference(), null);
            case VALID -> answeredAlready(lookup.token().subjectId(), lookup.token().reference())
                    ? new Result(Outcome.GONE, lang, lookup.token().reference(), null)
                    : new Result(Outcome.SHOW, lang, lookup.token().reference(), null);
        };
    }

    public Result submit(String token, Map<String, List<String>> fields, Instant now) {
        LinkTokens.Lookup lookup = tokens.open(token, TokenPurpose.CHECKIN, now);
        Language lang = language(lookup);
        if (lookup.status() == LinkTokens.Status.UNKNOWN) {
            return new Result(Outcome.NOT_FOUND, null, null, null);
        }
        String cycle = lookup.token().reference();
        if (lookup.status() != LinkTokens.Status.VALID) {
            return new Result(Outcome.GONE, lang, cycle, null);
        }
        FormInput input = FormInput.parse(fields);
        if (!input.valid()) {
            return new Result(Outcome.INVALID, lang, cycle, input);
        }
        String aspirantId = lookup.token().subjectId();
        if (answeredAlready(aspirantId, cycle)) {
            return new Result(Outcome.GONE, lang, cycle, null);
        }
        Optional<Aspirant> aspirant = aspirants.findById(aspirantId).filter(a -> !a.erased());
        if (aspirant.isEmpty()) {
            return new Result(Outcome.GONE, lang, cycle, null);
        }
        // The conditional write decides: of many parallel posts exactly one stores; the rest see "already answered".
        if (!checkIns.recordFormAnswers(aspirantId, cycle, input.answers(), aspirant.get().channel(), now)) {
            return new Result(Outcome.GONE, lang, cycle, null);
        }
        LOG.info("check-in form stored: aspirant={} cycle={}", aspirantId, cycle);
        try {
            tokens.use(token, now);
            closeConversation(aspirantId, cycle, now);
            if (aspirant.get().missedCheckIns() != 0) {
                aspirants.findById(aspirantId).ifPresent(a -> aspirants.save(a.withMissedCheckIns(0, now)));
            }
        } catch (RuntimeException e) {
            // The answer is stored, which is what counts: the aspirant gets the thank-you page, and the link shows
            // "already answered" from now on whether it was used up or not. Only the tidying up is incomplete.
            LOG.warn("check-in form: answer stored for aspirant={} cycle={}, but tidying up failed: {}", aspirantId,
                    cycle, e.getClass().getSimpleName());
        }
        return new Result(Outcome.STORED, lang, cycle, null);
    }

    /** The language of a link, for pages that are not about the link itself (e.g. "try again"); empty if unknown. */
    public Optional<Language> language(String token, Instant now) {
        return Optional.ofNullable(language(tokens.open(token, TokenPurpose.CHECKIN, now)));
    }

    /** The form was posted already, or the chatbot finished the round for this cycle. */
    private boolean answeredAlready(String aspirantId, String cycle) {
        if (checkIns.find(aspirantId, cycle).map(CheckIn::viaForm).orElse(false)) {
            return true;
        }
        return conversations.find(aspirantId)
                .filter(c -> cycle.equals(c.cycle()))
                .map(c -> c.state() == Conversation.State.DONE)
                .orElse(false);
    }

    private void closeConversation(String aspirantId, String cycle, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Conversation> current = conversations.find(aspirantId);
            if (current.isEmpty() || !cycle.equals(current.get().cycle()) || !current.get().open()) {
                return;
            }
            if (conversations.update(current.get().closed(Conversation.State.CLOSED, now))) {
                return;
            }
        }
    }

    private static Language language(LinkTokens.Lookup lookup) {
        return lookup.language().flatMap(Language::fromCode).orElse(null);
    }
}
