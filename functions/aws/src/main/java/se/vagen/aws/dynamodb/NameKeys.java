package se.vagen.aws.dynamodb;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The sort key of the staff list: the name in lower case without diacritics, except that å, ä and ö (and
 * æ, ø) become the three characters after z, so the list follows the Swedish alphabet (… x y z å ä ö).
 * A search text goes through the same function, so "ås" finds "Åsa" and "asa" does not.
 */
public final class NameKeys {

    private NameKeys() {
    }

    public static String sortable(String name) {
        if (name == null) {
            return "";
        }
        String lower = Normalizer.normalize(name, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        StringBuilder mapped = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'å' -> mapped.append('{');
                case 'ä', 'æ' -> mapped.append('|');
                case 'ö', 'ø' -> mapped.append('}');
                default -> mapped.append(c);
            }
        }
        return Normalizer.normalize(mapped, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
