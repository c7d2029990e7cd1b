package se.vagen.checkin;

import java.util.Optional;

/** Chatbot conversations (ConversationsTable): GetItem by aspirant; conditional writes on {@code version}. */
public interface ConversationRepository {

    Optional<Conversation> find(String aspirantId);

    /** Starts a new round (replaces whatever was there: a new cycle opens a new conversation). */
    void open(Conversation conversation);

    /**
     * Stores {@code next} if the stored conversation still has version {@code next.version() - 1}; false when
     * someone else moved it in between (the caller reloads and tries again).
     */
    boolean update(Conversation next);
}
