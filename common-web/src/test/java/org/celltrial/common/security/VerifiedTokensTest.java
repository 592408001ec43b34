package org.celltrial.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The verified-token cache's rules (docs/architecture.md, "Verified tokens"), on a clock the test moves. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final MovingClock clock = new MovingClock();
    private final VerifiedTokens tokens = new VerifiedTokens(100, MAX_AGE, clock, clock);

    @Test
    void findsTheIdentityOfExactlyTheTokenKept() {
        SecurityIdentity identity = identity("inv-site01", START.plusSeconds(300));
        tokens.keep("token-a", identity);

        SecurityIdentity found = tokens.find("token-a");
        assertNotNull(found);
        assertSame(identity.getPrincipal(), found.getPrincipal());
        assertEquals(Set.of("investigator"), found.getRoles());
        assertNull(tokens.find("token-b"));
        assertNull(tokens.find("token-a "));
    }

    @Test
    void forgetsATokenWhenItExpires() {
        tokens.keep("token", identity("inv-site01", START.plusSeconds(30)));

        clock.advance(Duration.ofSeconds(29));
        assertNotNull(tokens.find("token"), "a second before its exp");
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.find("token"), "at its exp");
    }

    @Test
    void keepsATokenAtMostMaxAgeHoweverLongItLasts() {
        tokens.keep("token", identity("inv-site01", START.plusSeconds(3600)));

        clock.advance(MAX_AGE.minusSeconds(1));
        assertNotNull(tokens.find("token"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.find("token"));
    }

    @Test
    void keepsNoTokenThatHasExpiredOrHasNoExpiryOrIsNoJwt() {
        tokens.keep("expired", identity("inv-site01", START.minusSeconds(1)));
        tokens.keep("expiring now", identity("inv-site01", START));
        tokens.keep("no exp", identity("inv-site01", null));
        Principal plain = () -> "someone";
        tokens.keep("not a jwt", QuarkusSecurityIdentity.builder().setPrincipal(plain).addRole("investigator").build());

        for (String token : new String[] {"expired", "expiring now", "no exp", "not a jwt"}) {
            assertNull(tokens.find(token), token);
        }
    }

    @Test
    void keepsNothingOfTheRequestThatBroughtTheToken() {
        SecurityIdentity identity = QuarkusSecurityIdentity.builder(identity("inv-site01", START.plusSeconds(300)))
                .addAttribute(RoutingContext.class.getName(), "the first request's routing context")
                .addAttribute(AuthenticationRequestContext.class.getName(), "the first request's context")
                .addAttribute("tenant-id", "Default")
                .build();
        tokens.keep("token", identity);

        Map<String, Object> attributes = tokens.find("token").getAttributes();
        assertFalse(attributes.containsKey(RoutingContext.class.getName()));
        assertFalse(attributes.containsKey(AuthenticationRequestContext.class.getName()));
        assertEquals("Default", attributes.get("tenant-id"));
    }

    @Test
    void theFirstIdentityKeptForATokenStays() {
        SecurityIdentity first = identity("inv-site01", START.plusSeconds(300));
        tokens.keep("token", first);
        tokens.keep("token", identity("someone-else", START.plusSeconds(300)));

        assertSame(first.getPrincipal(), tokens.find("token").getPrincipal());
    }

    @Test
    void keepsNothingWhenTurnedOff() {
        VerifiedTokens off = new VerifiedTokens(0, MAX_AGE, clock, clock);
        off.keep("token", identity("inv-site01", START.plusSeconds(300)));

        assertNull(off.find("token"));
        assertTrue(off.stats().hitCount() == 0 && off.stats().missCount() == 0);
    }

    @Test
    void countsHitsAndMisses() {
        tokens.find("token");
        tokens.keep("token", identity("inv-site01", START.plusSeconds(300)));
        tokens.find("token");
        tokens.find("token");

        assertEquals(1, tokens.stats().missCount());
        assertEquals(2, tokens.stats().hitCount());
    }

    private static SecurityIdentity identity(String username, Instant expiry) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt(username, expiry)).addRole("investigator").build();
    }

    /** A verified token's principal as far as the cache reads it: a name and an {@code exp}. */
    private record Jwt(String username, Instant expiry) implements JsonWebToken {

        @Override
        public String getName() {
            return username;
        }

        @Override
        public Set<String> getClaimNames() {
            return expiry == null ? Set.of("preferred_username") : Set.of("preferred_username", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            if ("exp".equals(claimName)) {
                return expiry == null ? null : (T) Long.valueOf(expiry.getEpochSecond());
            }
            return "preferred_username".equals(claimName) ? (T) username : null;
        }
    }

    /** One clock for the tokens' {@code exp} and the cache's ticker, moved by the test. */
    private static final class MovingClock extends Clock implements Ticker {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long read() {
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
