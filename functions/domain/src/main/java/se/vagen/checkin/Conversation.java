package se.vagen.checkin;

import java.time.Instant;
import se.vagen.common.Channel;

/**
 * Where an aspirant is in the chatbot's question round for one cycle (ConversationsTable, one item per aspirant).
 * {@code step} is the open question (1..3); {@code reasks} how often the open question was asked again after a
 * reply that was not understood; {@code lastMessageId} the inbound message that moved it last (a redelivery of
 * that message re-sends the reply without moving again); {@code version} guards concurrent updates.
 */
public record Conversation(
        String aspirantId,
        String cycle,
        Channel channel,
        int step,
        int reasks,
        State state,
        String lastMessageId,
        long version,
        Instant updatedAt) {

    /** OPEN: questions remain; DONE: the chatbot got all three answers; CLOSED: answered by the web form. */
    public enum State { OPEN, DONE, CLOSED }

    public static Conversation start(String aspirantId, String cycle, Channel channel, Instant at) {
        // A new round starts from a version no earlier round reached, so a late update of an old round fails.
        return new Conversation(aspirantId, cycle, channel, 1, 0, State.OPEN, null, at.toEpochMilli(), at);
    }

    public boolean open() {
        return state == State.OPEN;
    }

    /** The next state after the open question was answered (or given up on) by message {@code messageId}. */
    public Conversation advanced(String messageId, Instant at) {
        int next = step + 1;
        return new Conversation(aspirantId, cycle, channel, Math.min(next, 3), 0, next > 3 ? State.DONE : State.OPEN,
                messageId, version + 1, at);
    }

    /** The same question asked again after a reply that was not understood. */
    public Conversation reasked(String messageId, Instant at) {
        return new Conversation(aspirantId, cycle, channel, step, reasks + 1, state, messageId, version + 1, at);
    }

    /** Touched by a message that does not move the round (HELP). */
    public Conversation touched(String messageId, Instant at) {
        return new Conversation(aspirantId, cycle, channel, step, reasks, state, messageId, version + 1, at);
    }

    public Conversation closed(State closedState, Instant at) {
        return new Conversation(aspirantId, cycle, channel, step, reasks, closedState, lastMessageId, version + 1, at);
    }
}
