package org.celltrial.safety.export;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.safety.report.SafetyReportService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;

/**
 * The exports' contents as chunks of text, read page by page: what {@link ExportResource} streams, and what a
 * database lock freezes at its cut-off (docs/data-review.md).
 */
@ApplicationScoped
public class SafetyExports {

    @Inject
    SafetyReportService reports;

    @Inject
    Clock clock;

    @ConfigProperty(name = "celltrial.study-id")
    String studyId;

    @ConfigProperty(name = "celltrial.safety.meddra-version")
    String meddraVersion;

    /** SDTM AE as CSV. */
    public Multi<String> sdtmAe(LocalDate asOf, List<String> sites) {
        SdtmAeWriter csv = new SdtmAeWriter(new SdtmAeDataset(studyId, meddraVersion));
        return reports.exportPagesWithPatients(asOf, sites).map(page -> csv.nextChunk(page.events(), page.patients()));
    }

    /** The same domain as CDISC Dataset-JSON v1.1. */
    public Multi<String> sdtmAeDatasetJson(LocalDate asOf, List<String> sites) {
        SdtmAeDatasetJson json = new SdtmAeDatasetJson(new SdtmAeDataset(studyId, meddraVersion), clock.instant());
        return reports.exportPagesWithPatients(asOf, sites)
                .map(page -> json.nextChunk(page.events(), page.patients()))
                .onCompletion().continueWith(() -> List.of(json.end()));
    }

    /** A FHIR R4 Bundle (collection) of AdverseEvent. */
    public Multi<String> fhirBundle(LocalDate asOf, List<String> sites) {
        FhirAdverseEventBundle bundle = new FhirAdverseEventBundle(studyId, clock.instant());
        return reports.exportPages(asOf, sites).map(bundle::nextChunk)
                .onCompletion().continueWith(() -> List.of(bundle.end()));
    }
}
