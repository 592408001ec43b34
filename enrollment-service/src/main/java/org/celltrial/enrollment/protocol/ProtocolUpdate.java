package org.celltrial.enrollment.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A protocol amendment: the whole new definition, in the shape GET returns it, and why it was made. */
public class ProtocolUpdate {

    @JsonUnwrapped
    @NotNull
    @Valid
    public ProtocolDefinition definition;

    @NotBlank
    @Size(max = 2000)
    public String reason;
}
