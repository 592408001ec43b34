package org.celltrial.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Tried before Quarkus OIDC's mechanism: a request whose bearer token this service has verified before, and which has
 * not expired, gets that token's identity ({@link VerifiedTokens}) with the current request's routing context; any
 * other request (no token, another scheme, a token not kept) is left to Quarkus OIDC, which verifies it as usual and
 * answers its challenges. Looking the token up here, before OIDC's mechanism, spares what OIDC does with a token
 * before any identity provider is asked: its tenant resolved and the token's claims decoded from Base64 and JSON to
 * tell a JWT from an opaque token, about a tenth of the gateway's CPU a proxied {@code GET} (docs/performance.md,
 * run 38). Augmentors do not run again for a kept identity: {@link VerifiedTokenRecorder} keeps it as they left it.
 */
@ApplicationScoped
public class VerifiedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final HttpCredentialTransport BEARER_TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer");

    @Inject
    VerifiedTokens verified;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        SecurityIdentity identity = token == null ? null : verified.find(token);
        if (identity == null) {
            return Uni.createFrom().nullItem();
        }
        // the request's routing context under the key Quarkus OIDC's identities carry it by
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), context)
                .build());
    }

    /** The token of an {@code Authorization: Bearer <token>} header (the scheme in any case); null otherwise. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** None of its own: Quarkus OIDC's mechanism, asked next, answers a request that needs a token. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(BEARER_TRANSPORT);
    }

    /** Above Quarkus OIDC's mechanism, so asked first (ServiceFoundationTest's look-up counts fail when it is not). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
