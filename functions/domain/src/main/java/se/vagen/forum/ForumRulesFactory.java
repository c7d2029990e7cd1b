package se.vagen.forum;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The forum rules bean: the default {@code rules/forum-rules.json}, or the file named by
 * {@code vagen.forum.rules-file} (VAGEN_FORUM_RULES_FILE) when set.
 */
@Factory
public class ForumRulesFactory {

    @Singleton
    ForumRules forumRules(@Value("${vagen.forum.rules-file:}") String rulesFile) {
        return rulesFile == null || rulesFile.isBlank() ? ForumRules.defaults() : ForumRules.fromFile(Path.of(rulesFile));
    }
}
