package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
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

    /** How many patients had a term at its worst grade {@code worstGrade}. */
    public record TermGrade(String ctcaeTerm, String meddraCode, int worstGrade, int patients) {
    }

    /** How many patients had this max CRS grade and this max ICANS grade (0: no such event). */
    public record MaxGrades(int crs, int icans, int patients) {
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
        List<MaxGrades> maxGrades = rows.stream()
                .collect(Collectors.groupingBy(row -> List.of(row.maxCrsGrade(), row.maxIcansGrade()),
                        Collectors.counting()))
                .entrySet().stream()
                .map(pair -> new MaxGrades(pair.getKey().get(0), pair.getKey().get(1), pair.getValue().intValue()))
                .toList();
        List<TermGrade> termGrades = termWorst.stream()
                .collect(Collectors.groupingBy(worst -> new TermGrade(worst.ctcaeTerm(), worst.meddraCode(),
                        worst.worstGrade(), 0), Collectors.counting()))
                .entrySet().stream()
                .map(term -> new TermGrade(term.getKey().ctcaeTerm(), term.getKey().meddraCode(),
                        term.getKey().worstGrade(), term.getValue().intValue()))
                .toList();
        return summarise(asOf, siteCodes, maxGrades, termGrades, seriousEvents, rows);
    }

    /**
     * The figures from the patients counted by their max grades and by their worst grade of each term, which the
     * database adds up (so what the summary holds does not grow with the study). {@code perPatient} and
     * {@code seriousEvents} are left out (null) when {@code rows} is null: the figures alone.
     */
    public SafetySummary summarise(LocalDate asOf, List<String> siteCodes, List<MaxGrades> maxGrades,
            List<TermGrade> termGrades, List<AdverseEventView> seriousEvents, List<SafetySummary.PatientRow> rows) {
        List<SafetySummary.TermRow> terms = termGrades.stream()
                .collect(Collectors.groupingBy(TermGrade::ctcaeTerm, TreeMap::new, Collectors.toList()))
                .values().stream().map(SafetyFigures::termRow).toList();
        List<SafetySummary.SeriousEvent> serious = rows == null ? null : seriousEvents.stream()
                .map(event -> new SafetySummary.SeriousEvent(event.id(), event.subjectId(), event.ctcaeTerm(),
                        event.onset(), event.grade(),
                        event.seriousnessCriteria().stream().map(Enum::name).toList()))
                .toList();
        return new SafetySummary(asOf, siteCodes, maxGrades.stream().mapToInt(MaxGrades::patients).sum(), rows,
                patientsByMaxGrade(maxGrades, MaxGrades::crs), patientsByMaxGrade(maxGrades, MaxGrades::icans),
                terms, serious);
    }

    private static int maxGrade(List<AdverseEventView> events, Origin origin) {
        return events.stream().filter(event -> event.origin() == origin).mapToInt(AdverseEventView::grade).max()
                .orElse(0);
    }

    private static Map<Integer, Integer> patientsByMaxGrade(List<MaxGrades> maxGrades,
            ToIntFunction<MaxGrades> grade) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int g = 0; g <= HIGHEST_GRADE; g++) {
            counts.put(g, 0);
        }
        maxGrades.forEach(pair -> counts.merge(grade.applyAsInt(pair), pair.patients(), Integer::sum));
        return counts;
    }

    /** A term's patients at each worst grade; its MedDRA code is its first event's (the same in every count). */
    private static SafetySummary.TermRow termRow(List<TermGrade> ofTerm) {
        Map<Integer, Integer> byGrade = new TreeMap<>();
        ofTerm.forEach(count -> byGrade.merge(count.worstGrade(), count.patients(), Integer::sum));
        return new SafetySummary.TermRow(ofTerm.get(0).ctcaeTerm(), ofTerm.get(0).meddraCode(),
                ofTerm.stream().mapToInt(TermGrade::patients).sum(), byGrade);
    }
}
