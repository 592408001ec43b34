package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.paging.Page;
import org.celltrial.common.review.LockableReports;
import org.celltrial.common.review.ReportBytes;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.export.SafetyExports;

import io.smallrye.mutiny.Uni;

/** What a lock freezes in safety-service: the summary, the whole line listing and the exports at the cut-off. */
@ApplicationScoped
public class SafetyLockableReports implements LockableReports {

    @Inject
    SafetyReportResource reports;

    @Inject
    SafetyExports exports;

    @Inject
    ReportBytes bytes;

    @Override
    public List<Report> at(LocalDate cutoff, String siteCode) {
        String asOf = cutoff.toString();
        List<String> sites = siteCode == null ? List.of() : List.of(siteCode);
        return List.of(
                new Report("summary", "application/json", bytes.json(() -> reports.summary(asOf, sites, null))),
                new Report("line-listing", "application/json", bytes.json(() -> wholeListing(asOf, sites))),
                new Report("sdtm-ae", "text/csv;charset=UTF-8", bytes.streamed(() -> exports.sdtmAe(cutoff, sites))),
                new Report("sdtm-ae-json", "application/json;charset=UTF-8",
                        bytes.streamed(() -> exports.sdtmAeDatasetJson(cutoff, sites))),
                new Report("fhir", "application/fhir+json;charset=UTF-8",
                        bytes.streamed(() -> exports.fhirBundle(cutoff, sites))));
    }

    /** Every page of the line listing as one page: a frozen listing is read whole. */
    private Uni<Page<AdverseEventView>> wholeListing(String asOf, List<String> sites) {
        List<AdverseEventView> rows = new ArrayList<>();
        return pagesFrom(asOf, sites, null, rows).map(done -> new Page<>(List.copyOf(rows), null));
    }

    private Uni<Void> pagesFrom(String asOf, List<String> sites, String cursor, List<AdverseEventView> rows) {
        return reports.lineListing(asOf, sites, Page.MAX_LIMIT, cursor).flatMap(page -> {
            rows.addAll(page.items());
            return page.nextCursor() == null ? Uni.createFrom().voidItem()
                    : pagesFrom(asOf, sites, page.nextCursor(), rows);
        });
    }
}
