package org.celltrial.enrollment.report;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.review.LockableReports;
import org.celltrial.common.review.ReportBytes;

/** What a lock freezes in enrollment-service: the summary at the cut-off. */
@ApplicationScoped
public class EnrollmentLockableReports implements LockableReports {

    @Inject
    EnrollmentReportResource reports;

    @Inject
    ReportBytes bytes;

    @Override
    public List<Report> at(LocalDate cutoff, String siteCode) {
        List<String> sites = siteCode == null ? List.of() : List.of(siteCode);
        return List.of(new Report("summary", "application/json",
                bytes.json(() -> reports.summary(cutoff.toString(), sites, null))));
    }
}
