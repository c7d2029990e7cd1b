package se.vagen.messaging;

import java.time.Instant;
import se.vagen.common.Channel;

/**
 * A message an aspirant sent us: by SMS ({@code from} in E.164) or e-mail ({@code from} an address, {@code text}
 * the reply above the quoted part). {@code messageId} is the provider's id, used to handle a redelivery once.
 */
public record InboundMessage(Channel channel, String from, String text, String messageId, Instant receivedAt) {
}
