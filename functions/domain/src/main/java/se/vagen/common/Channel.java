package se.vagen.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an aspirant is reached for check-ins. JSON and CSV use the lower-case code. */
public enum Channel {
    SMS("sms"), EMAIL("email");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.code.equals(wanted)).findFirst();
    }
}
