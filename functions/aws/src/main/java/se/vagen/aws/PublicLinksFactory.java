package se.vagen.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import se.vagen.common.PublicLinks;

/** {@link PublicLinks} from {@code vagen.public-base-url} (VAGEN_PUBLIC_BASE_URL). */
@Factory
public class PublicLinksFactory {

    @Singleton
    PublicLinks publicLinks(@Nullable @Value("${vagen.public-base-url:}") String baseUrl) {
        return new PublicLinks(baseUrl);
    }
}
