package org.celltrial.enrollment.report;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.paging.KeysetPages;
import org.celltrial.common.security.SiteScope;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.site.SiteRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The study demographics of the sites the caller may see, at a cut-off date. */
@ApplicationScoped
public class EnrollmentReportService {

    @ConfigProperty(name = "celltrial.enrollment.summary.patients-a-page")
    int pageSize;

    @Inject
    PatientAccess access;

    @Inject
    DemographicsRepository demographicFacts;

    @Inject
    SiteRepository sites;

    /**
     * The demographics of the sites asked for (every site when none), narrowed to an investigator's or monitor's
     * own sites; {@code siteCodes} of the answer names the sites it covers. Read a page of patients at a time and
     * added up as read, so without the rows ({@code withPatients} false) the memory does not grow with the study.
     */
    @WithSession
    public Uni<EnrollmentSummary> summary(LocalDate asOf, List<String> siteCodes, boolean withPatients) {
        SiteScope scope = SiteScope.of(access.caller(), siteCodes);
        EnrollmentFigures.Tally tally = new EnrollmentFigures.Tally(asOf, withPatients);
        Uni<Void> added = scope.coversNone() ? Uni.createFrom().voidItem()
                : KeysetPages.of(pageSize, (String after, Integer size) -> demographicFacts.consentedBy(asOf,
                                scope.sites(), after, size), DemographicFacts::subjectId)
                        .onItem().invoke(page -> page.forEach(tally::add))
                        .onItem().ignoreAsUni();
        return added.flatMap(ignored -> coveredSites(scope)).map(tally::summary);
    }

    private Uni<List<String>> coveredSites(SiteScope scope) {
        if (!scope.everySite()) {
            return Uni.createFrom().item(List.copyOf(scope.sites()));
        }
        return sites.listAll(Sort.by("code")).map(all -> all.stream().map(site -> site.code).toList());
    }
}
