package se.vagen.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A pragmatic e-mail syntax check: one {@code @}, a dot-atom local part, a domain of labels with a
 * top-level domain of at least two letters, at most 254 characters. Deliverability is not checked.
 */
public final class EmailAddresses {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        if (address == null || address.length() > 254) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@') || at == address.length() - 1) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        return local.length() <= 64 && LOCAL.matcher(local).matches() && DOMAIN.matcher(domain).matches();
    }

    /** The lookup key: lower case (addresses are matched case-insensitively). */
    public static String key(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }
}
