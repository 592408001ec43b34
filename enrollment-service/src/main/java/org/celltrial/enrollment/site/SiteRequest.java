package org.celltrial.enrollment.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record SiteRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 capitals, digits or '-', e.g. SITE-01") String code,
        @NotBlank @Size(max = 200) String name) {
}
