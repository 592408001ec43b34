package org.celltrial.enrollment.membership;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Adds an existing Keycloak user to a site. */
public record MemberRequest(
        @NotNull @Pattern(regexp = SiteUserRequest.USERNAME, message = SiteUserRequest.USERNAME_RULE) String username) {
}
