package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;

/**
 * The study's safety figures from the adverse events that count at a cut-off (docs/api.md, safety-service, Summary):
 * <ul>
 * <li><b>patients</b>: those with at least one adverse event, by subject ID; each with its max CRS and max ICANS grade,
 * 0 when it had no such event;</li>
 * <li><b>patients by max grade</b> (CRS, ICANS): how many patients had each max grade, every grade 0–5 listed, so
 * "grade ≥ 2: 0 patients" reads from the report;</li>
 * <li><b>adverse events by term</b>: per CTCAE term, alphabetically, the patients who had it and how many of them at
 * each worst grade (a patient counts once, at its worst grade of the term; grades nobody reached are left out); the
 * MedDRA code is the first event's;</li>
 * <li><b>serious events</b>: every serious event, in the order given.</li>
 * </ul>
 */
public class SafetyFigures {

    private static final int HIGHEST_GRADE = 5;

    /** A patient's worst grade of a term, with the term's MedDRA code (its first event's). */
    public record TermWorst(String ctcaeTerm, String meddraCode, String subjectId, int worstGrade) {
    }

    /**
     * @param events the adverse events that count: at the sites covered, with an onset up to the cut-off, by subject
     *        and onset
     */
    public SafetySummary summarise(LocalDate asOf, List<String> siteCodes, List<AdverseEventView> events) {
        List<SafetySummary.PatientRow> patients = events.stream()
                .collect(Collectors.groupingBy(AdverseEventView::subjectId, TreeMap::new, Collectors.toList()))
                .values().stream()
                .map(ofPatient -> new SafetySummary.PatientRow(ofPatient.get(0).subjectId(),
                        ofPatient.get(0).siteCode(), maxGrade(ofPatient, Origin.CRS), maxGrade(ofPatient, Origin.ICANS)))
                .toList();
        List<TermWorst> terms = events.stream()
                .collect(Collectors.groupingBy(AdverseEventView::ctcaeTerm, LinkedHashMap::new, Collectors.toList()))
                .values().stream()
                .flatMap(ofTerm -> ofTerm.stream()
                        .collect(Collectors.toMap(AdverseEventView::subjectId, AdverseEventView::grade, Math::max,
                                TreeMap::new))
                        .entrySet().stream()
                        .map(worst -> new TermWorst(ofTerm.get(0).ctcaeTerm(), ofTerm.get(0).meddraCode(),
                                worst.getKey(), worst.getValue())))
                .toList();
        return summarise(asOf, siteCodes, patients, terms, events.stream().filter(AdverseEventView::serious).toList());
    }

    /**
     * The same figures from what the database adds up (so a report never holds every event): each patient's max CRS
     * and ICANS grades, each patient's worst grade of each term, and the serious events by subject and onset.
     */
    public SafetySummary summarise(LocalDate asOf, List<String> siteCodes, List<SafetySummary.PatientRow> patients,
            List<TermWorst> termWorst, List<AdverseEventView> seriousEvents) {
        List<SafetySummary.PatientRow> rows = patients.stream()
                .sorted(Comparator.comparing(SafetySummary.PatientRow::subjectId))
                .toList();
        List<SafetySummary.TermRow> terms = termWorst.stream()
                .collect(Collectors.groupingBy(TermWorst::ctcaeTerm, TreeMap::new, Collectors.toList()))
                .values().stream().map(SafetyFigures::termRow).toList();
        List<SafetySummary.SeriousEvent> serious = seriousEvents.stream()
                .map(event -> new SafetySummary.SeriousEvent(event.id(), event.subjectId(), event.ctcaeTerm(),
                        event.onset(), event.grade(),
                        event.seriousnessCriteria().stream().map(Enum::name).toList()))
                .toList();
        return new SafetySummary(asOf, siteCodes, rows.size(), rows,
                patientsByMaxGrade(rows.stream().map(SafetySummary.PatientRow::maxCrsGrade).toList()),
                patientsByMaxGrade(rows.stream().map(SafetySummary.PatientRow::maxIcansGrade).toList()),
                terms, serious);
    }

    private static int maxGrade(List<AdverseEventView> events, Origin origin) {
        return events.stream().filter(event -> event.origin() == origin).mapToInt(AdverseEventView::grade).max()
                .orElse(0);
    }

    private static Map<Integer, Integer> patientsByMaxGrade(List<Integer> maxGrades) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int grade = 0; grade <= HIGHEST_GRADE; grade++) {
            int g = grade;
            counts.put(grade, (int) maxGrades.stream().filter(max -> max == g).count());
        }
        return counts;
    }

    private static SafetySummary.TermRow termRow(List<TermWorst> ofTerm) {
        Map<Integer, Integer> byGrade = new TreeMap<>();
        ofTerm.forEach(worst -> byGrade.merge(worst.worstGrade(), 1, Integer::sum));
        return new SafetySummary.TermRow(ofTerm.get(0).ctcaeTerm(), ofTerm.get(0).meddraCode(), ofTerm.size(),
                byGrade);
    }
}
