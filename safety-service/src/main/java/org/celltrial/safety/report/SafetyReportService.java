package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.EnrollmentClient;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.paging.Page;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.SiteScope;
import org.celltrial.safety.ae.AdverseEvent;
import org.celltrial.safety.ae.AdverseEventRepository;
import org.celltrial.safety.ae.AdverseEventRepository.ExportKey;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.AdverseEventView;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Safety reports from the stored adverse events (reported and derived), so they need no other service: the
 * summary at a cut-off, the line listing and the exports' rows, pseudonymised, for the sites the caller may see.
 */
@ApplicationScoped
public class SafetyReportService {

    private final SafetyFigures figures = new SafetyFigures();

    @Inject
    AdverseEventRepository events;

    @Inject
    AdverseEventService adverseEvents;

    @Inject
    SecurityIdentity identity;

    @Inject
    ExportConfig export;

    @Inject
    EnrollmentClient enrollment;

    @WithSession
    public Uni<SafetySummary> summary(LocalDate asOf, List<String> siteCodes) {
        return visibleEvents(asOf, siteCodes)
                .map(found -> figures.summarise(asOf, siteCodes, found.stream().map(adverseEvents::view).toList()));
    }

    @WithSession
    public Uni<Page<AdverseEventView>> lineListing(LocalDate asOf, List<String> siteCodes, Integer limit,
            String cursor) {
        return visibleEvents(asOf, siteCodes).map(found -> Page.slice(found.stream()
                .sorted(Comparator.comparing((AdverseEvent e) -> sortKey(e))).toList(), limit, cursor,
                SafetyReportService::sortKey, adverseEvents::view));
    }

    /**
     * Every adverse event the caller may see up to the cut-off, by subject, onset and id, as exports list them: in
     * pages of {@code celltrial.safety.export.page-size}, each read from the database only when the one before has
     * been taken (so an export holds one page in memory, whatever the study's size). There is always a first page,
     * empty when nothing matches. The caller's sites are read now, on the request, not when the pages are.
     */
    public Multi<List<AdverseEventView>> exportPages(LocalDate asOf, List<String> siteCodes) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        int pageSize = export.pageSize();
        return Multi.createBy().repeating()
                .uni(ExportProgress::new, progress -> events.exportPage(asOf, scope.sites(), progress.last, pageSize)
                        .invoke(progress::passed))
                // a short page is the last; a full one may be too, which the next (empty) page tells
                .whilst(page -> page.size() == pageSize)
                .map(page -> page.stream().map(adverseEvents::view).toList());
    }

    /**
     * The export's pages with their patients' references (Day 0, lymphodepletion), read from enrollment with the
     * caller's token once per patient of a page, with no session held; a patient enrollment does not show is left
     * out of the map.
     */
    public Multi<ExportPage> exportPagesWithPatients(LocalDate asOf, List<String> siteCodes) {
        return exportPages(asOf, siteCodes).onItem().transformToUniAndConcatenate(page -> Multi.createFrom()
                .iterable(page.stream().map(AdverseEventView::patientId).distinct().toList())
                .onItem().transformToUniAndConcatenate(enrollment::reference)
                .collect().in(HashMap<UUID, PatientReference>::new,
                        (patients, reference) -> reference.ifPresent(found -> patients.put(found.id(), found)))
                .map(patients -> new ExportPage(page, patients)));
    }

    private Uni<List<AdverseEvent>> visibleEvents(LocalDate asOf, List<String> siteCodes) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        return events.all().map(all -> all.stream()
                .filter(e -> scope.covers(e.siteCode))
                .filter(e -> asOf == null || !e.onset.isAfter(asOf))
                .toList());
    }

    /** How far an export has read: the last event of the latest page (null before the first). */
    private static final class ExportProgress {

        private ExportKey last;

        void passed(List<AdverseEvent> page) {
            if (!page.isEmpty()) {
                last = ExportKey.of(page.get(page.size() - 1));
            }
        }
    }

    private static String sortKey(AdverseEvent event) {
        return event.subjectId + "|" + event.onset + "|" + event.id;
    }
}
