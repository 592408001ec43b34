package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.paging.Page;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.SiteScope;
import org.celltrial.safety.ae.AdverseEvent;
import org.celltrial.safety.ae.AdverseEventRepository;
import org.celltrial.safety.ae.AdverseEventRepository.ExportKey;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;

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

    @Inject
    AdverseEventRepository events;

    @Inject
    AdverseEventService adverseEvents;

    @Inject
    SecurityIdentity identity;

    @Inject
    ExportConfig export;

    @WithSession
    public Uni<SafetySummary> summary(LocalDate asOf, List<String> siteCodes) {
        return visibleEvents(asOf, siteCodes).map(found -> {
            Map<String, List<AdverseEvent>> byPatient = found.stream()
                    .collect(Collectors.groupingBy(e -> e.subjectId, TreeMap::new, Collectors.toList()));
            List<SafetySummary.PatientRow> rows = byPatient.values().stream().map(patientEvents ->
                    new SafetySummary.PatientRow(patientEvents.get(0).subjectId, patientEvents.get(0).siteCode,
                            maxGrade(patientEvents, Origin.CRS), maxGrade(patientEvents, Origin.ICANS))).toList();
            List<SafetySummary.TermRow> terms = found.stream()
                    .collect(Collectors.groupingBy(e -> e.ctcaeTerm, TreeMap::new, Collectors.toList()))
                    .values().stream().map(SafetyReportService::termRow).toList();
            List<SafetySummary.SeriousEvent> serious = found.stream().filter(e -> e.serious)
                    .map(e -> adverseEvents.view(e))
                    .map(v -> new SafetySummary.SeriousEvent(v.id(), v.subjectId(), v.ctcaeTerm(), v.onset(),
                            v.grade(), v.seriousnessCriteria().stream().map(Enum::name).toList()))
                    .toList();
            return new SafetySummary(asOf, siteCodes, rows.size(), rows,
                    patientsByMaxGrade(rows.stream().map(SafetySummary.PatientRow::maxCrsGrade).toList()),
                    patientsByMaxGrade(rows.stream().map(SafetySummary.PatientRow::maxIcansGrade).toList()),
                    terms, serious);
        });
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

    private static int maxGrade(List<AdverseEvent> events, Origin origin) {
        return events.stream().filter(e -> e.origin == origin).mapToInt(e -> e.grade).max().orElse(0);
    }

    /** Patients per max grade, every grade 0-5 listed so "grade ≥ 2: 0 patients" reads from the report. */
    private static Map<Integer, Integer> patientsByMaxGrade(List<Integer> maxGrades) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int grade = 0; grade <= 5; grade++) {
            int g = grade;
            counts.put(grade, (int) maxGrades.stream().filter(max -> max == g).count());
        }
        return counts;
    }

    private static SafetySummary.TermRow termRow(List<AdverseEvent> ofTerm) {
        Map<String, Integer> worstByPatient = ofTerm.stream()
                .collect(Collectors.toMap(e -> e.subjectId, e -> e.grade, Math::max, TreeMap::new));
        Map<Integer, Integer> byGrade = new TreeMap<>();
        worstByPatient.values().forEach(grade -> byGrade.merge(grade, 1, Integer::sum));
        return new SafetySummary.TermRow(ofTerm.get(0).ctcaeTerm, ofTerm.get(0).meddraCode, worstByPatient.size(),
                byGrade);
    }
}
