package org.celltrial.enrollment.membership;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new user of one site with one site-scoped role. Keycloak asks the user to set a password at the first login
 * (an administrator sends the reset mail from Keycloak): CellTrial never sees a password.
 */
public record SiteUserRequest(
        @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
        @NotNull String role,
        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName) {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,59}";
    static final String USERNAME_RULE = "must be 3-60 lower-case letters, digits, '.', '_' or '-'";
}
