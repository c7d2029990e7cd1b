package se.vagen.forum;

import java.util.List;

/**
 * The outcome of classifying one aspirant for one week: the status, the reasons behind it (most serious
 * first) and the role of the most serious reason (null when on track).
 */
public record Classification(ForumStatus status, List<Reason> reasons, String suggestedRole) {
    public Classification {
        reasons = List.copyOf(reasons);
    }
}
