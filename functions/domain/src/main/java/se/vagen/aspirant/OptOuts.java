package se.vagen.aspirant;

/** Per-channel opt-out (STOP by SMS, "no more emails" by email). */
public record OptOuts(boolean sms, boolean email) {
    public static final OptOuts NONE = new OptOuts(false, false);

    public boolean optedOut(se.vagen.common.Channel channel) {
        return channel == se.vagen.common.Channel.SMS ? sms : email;
    }

    public OptOuts with(se.vagen.common.Channel channel, boolean optedOut) {
        return channel == se.vagen.common.Channel.SMS ? new OptOuts(optedOut, email) : new OptOuts(sms, optedOut);
    }
}
