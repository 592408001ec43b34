package org.celltrial.common.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The identities of access tokens this service has verified, each kept until its token expires (and at most
 * {@code celltrial.security.verified-tokens.max-age}), so that a token a client sends again is not verified again: its
 * signature, its claims' parsing and the identity built from them were half the CPU of a {@code GET} of a patient
 * through the gateway, in the gateway and in the service (docs/performance.md, run 8). Quarkus OIDC caches
 * introspection and UserInfo answers, not verified JWTs.
 *
 * <p>Only a token Quarkus OIDC has verified enters ({@link VerifiedTokenRecorder}), and only the identical token
 * string finds its identity ({@link VerifiedTokenMechanism}): a token changed in any character is verified as
 * usual. An entry is gone at the token's {@code exp}, so an expired token is always verified again (and refused, past
 * OIDC's grace). A JWT verified locally is not checked for revocation either way; {@code max-age} bounds how long a
 * token signed by a key the realm has since removed is still accepted. The identity is kept without what belongs to
 * the request that brought it (its routing context) and without permission checkers (CellTrial authorises by roles;
 * a permission check on a cached identity would be denied, not granted). docs/architecture.md, "Verified tokens".
 */
@ApplicationScoped
public class VerifiedTokens {

    /** The attributes Quarkus OIDC gives an identity that belong to the request, not to the token. */
    private static final Set<String> REQUEST_ATTRIBUTES =
            Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

    private final Cache<String, Verified> identities;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "celltrial.security.verified-tokens.max-size") int maxSize,
            @ConfigProperty(name = "celltrial.security.verified-tokens.max-age") Duration maxAge,
            MeterRegistry registry) {
        this(maxSize, maxAge, Clock.systemUTC(), Ticker.systemTicker());
        if (identities != null) {
            CaffeineCacheMetrics.monitor(registry, identities, "celltrial.verified.tokens");
        }
    }

    /** With the clock the tokens' {@code exp} is read against and the cache's ticker (tests move both). */
    VerifiedTokens(int maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.identities = maxSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker)
                .expireAfter(new UntilTokenExpires()).recordStats().build();
    }

    /** The identity verified for exactly this token, while the token has not expired; null otherwise. */
    public SecurityIdentity find(String token) {
        if (identities == null) {
            return null;
        }
        Verified verified = identities.getIfPresent(token);
        return verified == null ? null : verified.identity();
    }

    /**
     * Keeps a verified token's identity until the token's {@code exp}, at most {@code max-age}; a token without an
     * expiry, or already expired, is not kept.
     */
    public void keep(String token, SecurityIdentity identity) {
        if (identities == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim(Claims.exp.name()) instanceof Number expiry)) {
            return;
        }
        // a token found here passes by again on each request: nothing is built for it then (the map's reads and
        // writes leave the hit and miss counts to find)
        if (identities.asMap().containsKey(token)) {
            return;
        }
        Duration left = Duration.ofSeconds(expiry.longValue()).minusMillis(clock.millis());
        Duration timeToLive = left.compareTo(maxAge) < 0 ? left : maxAge;
        if (timeToLive.compareTo(Duration.ZERO) > 0) {
            identities.asMap().putIfAbsent(token, new Verified(withoutRequest(identity), timeToLive));
        }
    }

    /** How often a token was found ({@code hitCount}) or had to be verified ({@code missCount}). */
    public CacheStats stats() {
        return identities == null ? CacheStats.empty() : identities.stats();
    }

    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!REQUEST_ATTRIBUTES.contains(attribute.getKey())) {
                kept.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return kept.build();
    }

    private record Verified(SecurityIdentity identity, Duration timeToLive) {
    }

    private static final class UntilTokenExpires implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified verified, long now) {
            return verified.timeToLive().toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, Verified verified, long now, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String token, Verified verified, long now, long currentDuration) {
            return currentDuration;
        }
    }
}
