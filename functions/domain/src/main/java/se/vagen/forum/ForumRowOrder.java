package se.vagen.forum;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The list order: AT_RISK first, grouped by suggested role (in the rules' {@code roleOrder}, other roles
 * alphabetically after), then ENDING, NEW, PAUSED, ON_TRACK; within a group by name (Swedish collation:
 * å, ä, ö after z), then by id so the order is total.
 */
public final class ForumRowOrder {

    private ForumRowOrder() {
    }

    public static Comparator<ForumRow> comparator(ForumRules rules) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        collator.setStrength(Collator.SECONDARY);
        Comparator<ForumRow> byRole = (a, b) -> {
            if (a.status() != ForumStatus.AT_RISK) {
                return 0;
            }
            int c = Integer.compare(rules.roleRank(a.suggestedRole()), rules.roleRank(b.suggestedRole()));
            return c != 0 ? c : collator.compare(String.valueOf(a.suggestedRole()), String.valueOf(b.suggestedRole()));
        };
        return Comparator.comparing(ForumRow::status)
                .thenComparing(byRole)
                .thenComparing(ForumRow::name, collator::compare)
                .thenComparing(ForumRow::aspirantId);
    }
}
