package se.vagen.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.vagen.staff.StaffScopes;

/**
 * Issues and checks the local stack's staff tokens: RS256 with a key pair made for this process, issuer
 * {@value #ISSUER}, one hour. Shaped like Cognito access tokens after Vägen's pre-token-generation trigger
 * ({@code sub}, {@code username}, {@code cognito:groups}, {@code token_use}, and in {@code scope} the scopes the
 * groups grant, from the same {@link StaffScopes} the trigger uses).
 */
public final class LocalJwt {

    public static final String ISSUER = "vagen-local";
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final JWSVerifier verifier;
    private final Clock clock;

    public LocalJwt() {
        this(Clock.systemUTC());
    }

    public LocalJwt(Clock clock) {
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the local signing key", e);
        }
    }

    /** A token for {@code user} in {@code groups}, valid for an hour. */
    public String issue(String user, List<String> groups) {
        return issue(user, groups, clock.instant(), LIFETIME);
    }

    /** A token issued at {@code issuedAt} living {@code lifetime} (tests use this for an expired token). */
    public String issue(String user, List<String> groups, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(user.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .claim("username", user)
                .claim("cognito:groups", List.copyOf(groups))
                .claim("token_use", "access")
                .claim("scope", scope(groups))
                .claim("client_id", "vagen-local")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a local token", e);
        }
        return jwt.serialize();
    }

    /** What the HTTP API JWT authorizer passes on for a valid token. */
    /** Cognito's default scope plus what the groups grant (the trigger's scopesToAdd). */
    static String scope(List<String> groups) {
        List<String> scopes = new ArrayList<>(List.of("aws.cognito.signin.user.admin"));
        scopes.addAll(StaffScopes.granted(groups));
        return String.join(" ", scopes);
    }

    public record Verified(Map<String, String> claims, List<String> scopes) {
    }

    /**
     * Checks signature, algorithm, issuer and expiry as the API Gateway JWT authorizer does. The claims come
     * back as strings, lists flattened the way API Gateway flattens them ("[staff admin]").
     */
    public Optional<Verified> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(now)
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now))) {
                return Optional.empty();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, flatten(value)));
            List<String> scopes = new ArrayList<>();
            Object scope = claims.getClaim("scope");
            if (scope instanceof String text) {
                for (String s : text.trim().split("\\s+")) {
                    if (!s.isEmpty()) {
                        scopes.add(s);
                    }
                }
            }
            return Optional.of(new Verified(flat, scopes));
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String flatten(Object value) {
        if (value instanceof Date date) {
            return String.valueOf(date.toInstant().getEpochSecond());
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : " ").append(list.get(i));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
