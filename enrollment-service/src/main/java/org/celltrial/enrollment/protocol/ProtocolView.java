package org.celltrial.enrollment.protocol;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A protocol version as clients read it: the definition's fields ({@code doseLevels}, {@code lymphodepletion},
 * {@code visitSchedule}, {@code eligibility}...) at the top level, with the version and why it was made.
 */
public class ProtocolView {

    public final int version;
    public final Instant createdAt;
    public final String reason;

    @JsonUnwrapped
    public final ProtocolDefinition definition;

    public ProtocolView(int version, Instant createdAt, String reason, ProtocolDefinition definition) {
        this.version = version;
        this.createdAt = createdAt;
        this.reason = reason;
        this.definition = definition;
    }
}
