package org.celltrial.common.audit;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code audit_log_verify()} found: whether the hash chain of the audit trail holds, how many rows it checked
 * (those before the break when it does not), and the first broken row.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditChainVerification(boolean verified, long rows, BrokenRow firstBrokenRow) {

    /**
     * The first row that does not follow from the ones before it (its {@code chain_seq}), and why; {@code id} is null
     * when rows at the end were removed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrokenRow(long chainSeq, UUID id, String problem) {
    }
}
