package se.vagen.checkin;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vagen.aspirant.Aspirant;
import se.vagen.aspirant.AspirantRepository;
import se.vagen.common.Channel;
import se.vagen.common.Language;
import se.vagen.idempotency.LedgerStatus;
import se.vagen.idempotency.SendLedger;
import se.vagen.messaging.EmailSender;
import se.vagen.messaging.InboundMessage;
import se.vagen.messaging.OutgoingSms;
import se.vagen.messaging.SendFailedException;
import se.vagen.messaging.SmsSender;

/**
 * The check-in chatbot: reads one inbound SMS or e-mail reply, moves the aspirant's conversation one step, stores
 * the answer on the cycle's check-in and answers (see docs/checkin.md).
 * <ul>
 * <li>An unknown sender gets no reply and nothing is stored (only a count is logged).</li>
 * <li>A message is handled once: its id is claimed in the SendLedger ({@code inbound#{channel}#{messageId}}), so a
 *     redelivery, also a parallel one, stores nothing and sends nothing again.</li>
 * <li>STOP/STOPP/AVSLUTA opts out of the channel (confirmed once, then silence until START); HELP/HJÄLP answers
 *     with the help text and leaves the question open.</li>
 * <li>Not understood: one friendly re-ask with the options; the second time the text is kept as free text for
 *     staff and the round moves on.</li>
 * </ul>
 */
@Singleton
public class Chatbot {

    private static final Logger LOG = LoggerFactory.getLogger(Chatbot.class);
    private static final AtomicLong UNKNOWN_SENDERS = new AtomicLong();
    static final Duration LEDGER_KEEP = Duration.ofDays(30);
    static final int MAX_FREE_TEXT = 1000;

    /** What handling a message led to; {@code reply} is the text sent back (null when nothing was sent). */
    public record Outcome(Kind kind, String reply) {
        public enum Kind { REPLIED, SILENT, DUPLICATE, UNKNOWN_SENDER, IGNORED }
    }

    private final AspirantRepository aspirants;
    private final CheckInRepository checkIns;
    private final ConversationRepository conversations;
    private final SendLedger ledger;
    private final SmsSender sms;
    private final EmailSender email;
    private final CheckinMessages messages;
    private final ReplyParser parser;

    public Chatbot(AspirantRepository aspirants, CheckInRepository checkIns, ConversationRepository conversations,
                   SendLedger ledger, SmsSender sms, EmailSender email, CheckinMessages messages, ReplyParser parser) {
        this.aspirants = aspirants;
        this.checkIns = checkIns;
        this.conversations = conversations;
        this.ledger = ledger;
        this.sms = sms;
        this.email = email;
        this.messages = messages;
        this.parser = parser;
    }

    /**
     * Handles one message. Throws only when something outside the message failed (storage, the provider), after
     * recording the failure, so a retry of the delivery handles it again; and ({@link DeliveryInFlightException})
     * when the message is claimed by another delivery that has not finished, so it is delivered again later.
     */
    public Outcome handle(InboundMessage message) throws SendFailedException {
        if (message.messageId() == null || message.messageId().isBlank() || message.from() == null) {
            LOG.warn("inbound {} message without id or sender; dropped", message.channel().code());
            return new Outcome(Outcome.Kind.IGNORED, null);
        }
        Optional<Aspirant> found = message.channel() == Channel.SMS
                ? aspirants.findByPhone(message.from().strip())
                : aspirants.findByEmail(message.from().strip());
        if (found.isEmpty() || found.get().erased()) {
            LOG.info("inbound {} message from an unknown sender; no reply ({} so far)", message.channel().code(),
                    UNKNOWN_SENDERS.incrementAndGet());
            return new Outcome(Outcome.Kind.UNKNOWN_SENDER, null);
        }
        Aspirant aspirant = found.get();
        String key = "inbound#" + message.channel().code() + "#" + message.messageId();
        Instant now = message.receivedAt();
        if (!ledger.claim(key, now, now.plus(LEDGER_KEEP))) {
            if (ledger.status(key).orElse(null) == LedgerStatus.SENT) {
                LOG.info("inbound {} message for aspirant {} already handled", message.channel().code(), aspirant.id());
                return new Outcome(Outcome.Kind.DUPLICATE, null);
            }
            // Claimed and not done: in hand elsewhere, or its handler died. Fail this delivery so it comes again.
            LOG.info("inbound {} message for aspirant {} is being handled by another delivery; retried later",
                    message.channel().code(), aspirant.id());
            throw new DeliveryInFlightException(key);
        }
        try {
            String reply = respond(aspirant, message, now);
            if (reply != null) {
                send(aspirant, message.channel(), reply);
            }
            ledger.markSent(key, now);
            return new Outcome(reply == null ? Outcome.Kind.SILENT : Outcome.Kind.REPLIED, reply);
        } catch (SendFailedException e) {
            ledger.markFailed(key, now, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            ledger.markFailed(key, now, e.getClass().getSimpleName());
            throw e;
        }
    }

    private String respond(Aspirant a, InboundMessage m, Instant now) {
        Channel channel = m.channel();
        Language lang = a.language();
        String text = m.text() == null ? "" : m.text();
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Conversation> conversation = conversations.find(a.id()).filter(c -> c.channel() == channel);
            Conversation open = conversation.filter(Conversation::open).orElse(null);
            ParsedReply parsed = parser.parse(text, open == null ? null : question(open.step()), lang);

            switch (parsed.kind()) {
                case STOP -> {
                    if (!a.optedOut().optedOut(channel)) {
                        aspirants.save(a.withOptOut(channel, true, now));
                        LOG.info("aspirant {} opted out of {}", a.id(), channel.code());
                        return messages.reply(lang, channel, "sms.stop.confirmed");
                    }
                    return null;
                }
                case START -> {
                    if (a.optedOut().optedOut(channel)) {
                        aspirants.save(a.withOptOut(channel, false, now));
                        LOG.info("aspirant {} opted in to {}", a.id(), channel.code());
                    }
                    return messages.reply(lang, channel, "sms.start.confirmed");
                }
                default -> {
                    // handled below
                }
            }
            if (a.optedOut().optedOut(channel)) {
                return null;
            }
            if (parsed.kind() == ParsedReply.Kind.HELP) {
                return messages.reply(lang, channel, "sms.help");
            }
            if (open == null) {
                return conversation.isPresent()
                        ? messages.reply(lang, channel, "sms.already.answered")
                        : messages.reply(lang, channel, "sms.help");
            }
            if (m.messageId().equals(open.lastMessageId())) {
                // A retry of a delivery that already moved the round: answer again, store nothing again.
                return messages.reply(lang, channel, "sms.question." + CheckinMessages.questionKey(open.step()));
            }
            Optional<String> reply = step(a, open, parsed, text, m, now);
            if (reply.isPresent()) {
                return reply.get();
            }
            // Someone else moved the conversation in between (another message at the same time): read it again.
        }
        throw new IllegalStateException("conversation kept changing under us");
    }

    /** Moves the round one step; empty when the conversation changed in between (the caller retries). */
    private Optional<String> step(Aspirant a, Conversation open, ParsedReply parsed, String text,
                                 InboundMessage m, Instant now) {
        Channel channel = m.channel();
        Language lang = a.language();
        if (parsed.kind() == ParsedReply.Kind.NOT_UNDERSTOOD && open.reasks() == 0) {
            if (!conversations.update(open.reasked(m.messageId(), now))) {
                return Optional.empty();
            }
            return Optional.of(messages.reply(lang, channel, "sms.reask." + CheckinMessages.questionKey(open.step())));
        }
        boolean understood = parsed.kind() == ParsedReply.Kind.ANSWER;
        String freeText = understood ? parsed.freeText() : text.strip();
        Answers answers = answers(open.step(), understood ? parsed : null, withEarlierFreeText(a.id(), open.cycle(), freeText));
        // Store the answer before the round moves on. When storing fails (e.g. throttled) the round stays where it
        // was, and the redelivered message stores it then; moving first would lose it, because a redelivery of the
        // message that moved the round only repeats the reply. Storing the same answer again sets the same fields.
        checkIns.recordAnswers(a.id(), open.cycle(), answers, channel, now);
        Conversation next = open.advanced(m.messageId(), now);
        if (!conversations.update(next)) {
            return Optional.empty();
        }
        if (a.missedCheckIns() != 0) {
            aspirants.findById(a.id()).ifPresent(fresh -> aspirants.save(fresh.withMissedCheckIns(0, now)));
        }
        LOG.info("chatbot: aspirant {} answered question {} of {} ({})", a.id(), open.step(), open.cycle(),
                understood ? "understood" : "kept as free text");
        if (next.state() == Conversation.State.DONE) {
            return Optional.of(messages.reply(lang, channel, understood ? "sms.thanks" : "sms.freetext.kept"));
        }
        String question = "sms.question." + CheckinMessages.questionKey(next.step());
        return Optional.of(understood ? messages.reply(lang, channel, question)
                : messages.replyWithPrefix(lang, channel, "sms.freetext.kept", question));
    }

    private String withEarlierFreeText(String aspirantId, String cycle, String freeText) {
        if (freeText == null || freeText.isBlank()) {
            return null;
        }
        String earlier = checkIns.find(aspirantId, cycle).map(CheckIn::freeText).orElse(null);
        if (earlier != null && earlier.endsWith(freeText.strip())) {
            // Stored already by an earlier attempt at this message (its delivery failed later and came again).
            return earlier;
        }
        String all = earlier == null || earlier.isBlank() ? freeText.strip() : earlier + "\n" + freeText.strip();
        return all.length() > MAX_FREE_TEXT ? all.substring(0, MAX_FREE_TEXT) : all;
    }

    private static Answers answers(int step, ParsedReply parsed, String freeText) {
        if (parsed == null) {
            return new Answers(null, null, null, freeText);
        }
        return switch (step) {
            case 1 -> new Answers(parsed.participation(), null, null, freeText);
            case 2 -> new Answers(null, parsed.wellbeing(), null, freeText);
            default -> new Answers(null, null, parsed.helpNeeded(), freeText);
        };
    }

    private static Question question(int step) {
        return switch (step) {
            case 1 -> Question.PARTICIPATION;
            case 2 -> Question.WELLBEING;
            default -> Question.HELP;
        };
    }

    private void send(Aspirant a, Channel channel, String reply) throws SendFailedException {
        if (channel == Channel.SMS) {
            sms.send(new OutgoingSms(a.phone(), reply));
        } else {
            email.send(messages.replyEmail(a.language(), a.email(), reply));
        }
    }
}
