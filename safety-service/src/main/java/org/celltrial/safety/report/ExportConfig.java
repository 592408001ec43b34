package org.celltrial.safety.report;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;

/** How exports read the database ({@code celltrial.safety.export.*}); checked at startup. */
@ConfigMapping(prefix = "celltrial.safety.export")
public interface ExportConfig {

    /**
     * Adverse events read, and sent on, at a time: an export holds one page in memory, and reads
     * (events / page size) + 1 pages at most.
     */
    @Min(1)
    int pageSize();
}
