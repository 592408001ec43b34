package org.celltrial.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the identity of each bearer token that authenticated ({@link VerifiedTokens}): the last augmentor to run (the
 * lowest priority), so what is kept is the identity as every augmentor left it; {@link VerifiedTokenMechanism} gives
 * it to the token's next requests without running them again. The identity passes on unchanged.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens verified;

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && !identity.isAnonymous()) {
            verified.keep(credential.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
