package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.security.Caller;
import org.celltrial.common.paging.KeysetPages;
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
    SafetyReportRepository reports;

    @Inject
    AdverseEventService adverseEvents;

    @Inject
    SecurityIdentity identity;

    @Inject
    ExportConfig export;

    @Inject
    PatientGate enrollment;

    /**
     * Added up by the database (two queries), so its memory grows with the patients, not with their events; the
     * figures alone ({@code withPatients} false: no row per patient or serious event) in one query, whose answer is a
     * row per count, so its memory does not grow with the study.
     */
    @WithSession
    public Uni<SafetySummary> summary(LocalDate asOf, List<String> siteCodes, boolean withPatients) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        if (scope.coversNone()) {
            SafetySummary empty = figures.summarise(asOf, siteCodes, List.of());
            return Uni.createFrom().item(withPatients ? empty : empty.withoutPatients());
        }
        Collection<String> sites = scope.sites();
        if (!withPatients) {
            return reports.counts(asOf, sites).map(counts -> figures.summarise(asOf, siteCodes, counts.maxGrades(),
                    counts.terms(), List.of(), null));
        }
        return reports.tallies(asOf, sites).flatMap(tallies -> reports.serious(asOf, sites)
                .map(serious -> figures.summarise(asOf, siteCodes, tallies.patients(), tallies.terms(),
                        serious.stream().map(adverseEvents::view).toList())));
    }

    /** One page read from the database in export order after the cursor's event (keyset paging, as exports do). */
    @WithSession
    public Uni<Page<AdverseEventView>> lineListing(LocalDate asOf, List<String> siteCodes, Integer limit,
            String cursor) {
        int size = Page.limit(limit);
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        return events.exportPage(asOf, scope.sites(), afterCursor(cursor), size + 1)
                .map(rows -> Page.of(rows, size, SafetyReportService::sortKey, adverseEvents::view));
    }

    /** The event a line listing's cursor names (its sort key: subject, onset, id), or null for the first page. */
    private static ExportKey afterCursor(String cursor) {
        String after = Page.after(cursor);
        if (after.isEmpty()) {
            return null;
        }
        int idAt = after.lastIndexOf('|');
        int onsetAt = after.lastIndexOf('|', idAt - 1);
        try {
            return new ExportKey(after.substring(0, onsetAt), LocalDate.parse(after.substring(onsetAt + 1, idAt)),
                    UUID.fromString(after.substring(idAt + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
    }

    /**
     * Every adverse event the caller may see up to the cut-off, by subject, onset and id, as exports list them: in
     * pages of {@code celltrial.safety.export.page-size}, each read from the database only when the one before has
     * been taken (so an export holds one page in memory, whatever the study's size). There is always a first page,
     * empty when nothing matches. The caller's sites are read now, on the request, not when the pages are.
     */
    public Multi<List<AdverseEventView>> exportPages(LocalDate asOf, List<String> siteCodes) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        return KeysetPages.of(export.pageSize(), (ExportKey after, Integer size) -> events.exportPage(asOf,
                        scope.sites(), after, size), ExportKey::of)
                .map(page -> page.stream().map(adverseEvents::view).toList());
    }

    /**
     * The export's pages with their patients' references (Day 0, lymphodepletion), read from enrollment with the
     * caller's token once per patient of a page, with no session held; a patient enrollment does not show is left
     * out of the map, and enrollment unavailable is a 503 before the first chunk leaves.
     */
    public Multi<ExportPage> exportPagesWithPatients(LocalDate asOf, List<String> siteCodes) {
        return exportPages(asOf, siteCodes).onItem().transformToUniAndConcatenate(page -> Multi.createFrom()
                .iterable(page.stream().map(AdverseEventView::patientId).distinct().toList())
                .onItem().transformToUniAndConcatenate(enrollment::find)
                .collect().in(HashMap<UUID, PatientReference>::new,
                        (patients, reference) -> reference.ifPresent(found -> patients.put(found.id(), found)))
                .map(patients -> new ExportPage(page, patients)));
    }

    private static String sortKey(AdverseEvent event) {
        return event.subjectId + "|" + event.onset + "|" + event.id;
    }
}
