package org.celltrial.safety.ctcae;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades laboratory results by the National Cancer Institute's Common Terminology Criteria for Adverse Events, CTCAE
 * v5.0 (2017) or CTCAE v6.0 (2025), as docs/clinical-rules.md, section "CTCAE", adopts them. How the tables are read:
 * <ul>
 * <li>Every row applies as written, whatever the laboratory's normal range: a fixed threshold inside the normal range
 * still grades (lymphocytes &lt; 0.8 ×10⁹/L are v5.0 grade 2 whatever the LLN; hemoglobin &lt; 10.0 g/dL is grade 2;
 * fibrinogen &lt; 50 mg/dL is grade 4), and a row that starts at LLN or ULN ("&lt;LLN - 75.0", "&gt;ULN - 3.0 x ULN")
 * needs the value beyond that limit. A value that reaches no row is grade 0.</li>
 * <li>A decrease "&lt; A - B" is below A down to B inclusive: v5.0 platelets grade 1 if 75 ≤ value &lt; LLN, 2 if
 * 50 ≤ value &lt; 75, 3 if 25 ≤ value &lt; 50, 4 if value &lt; 25. An increase "&gt; A - B" is above A up to B
 * inclusive: ALT grade 1 if ULN &lt; value ≤ 3.0 × ULN. A row without "&lt;" or "&gt;" ("1.5 - 3.0 x baseline")
 * includes its lower end.</li>
 * <li>Baseline rows. ALT, AST and bilirubin with a baseline above its own ULN ("if baseline was abnormal", v6.0 "if
 * baseline was &gt;ULN") are graded against multiples of the baseline instead of ULN. Fibrinogen with a baseline
 * below its LLN ("if abnormal") is graded by its decrease from the baseline instead of multiples of LLN, and still
 * grade 4 below the absolute 50 mg/dL; a value not below the baseline is grade 0. Creatinine takes the worse of the
 * ULN rows and the baseline rows (v5.0: any baseline; v6.0: "if baseline is below LLN" only). Without a baseline
 * result, or where the baseline condition does not hold, only the normal range and the fixed thresholds grade.</li>
 * <li>Only the value is graded: clinical alternatives in a row ("transfusion indicated", "life-threatening
 * consequences") are not, so anemia never goes beyond grade 3 and v6.0 thrombocytopenia grade 4 is below
 * 10.0 ×10⁹/L only.</li>
 * <li>Units: counts in ×10⁹/L only (UCUM "10*9/L"); hemoglobin in g/dL (g/L divided by 10); fibrinogen in g/L
 * (mg/dL divided by 100); ALT, AST, bilirubin and creatinine as multiples of ULN or baseline in the result's own unit,
 * so a baseline must come in the same unit. A result must carry every limit its table refers to, even where its
 * value would not need it (LLN for platelets, white cells, hemoglobin, fibrinogen, and in v5.0 neutrophils and
 * lymphocytes; ULN for ALT, AST, bilirubin and creatinine), and a baseline the limit its condition is judged by.</li>
 * </ul>
 * CTCAE v6.0 against v5.0, for these analytes: platelets are "Thrombocytopenia", grade 3 &lt;50.0 - 10.0 and grade 4
 * &lt;10.0 ×10⁹/L (v5.0: 25.0); neutrophils no longer grade from LLN: grade 1 &lt;1.5 - 1.0, 2 &lt;1.0 - 0.5, 3
 * &lt;0.5 - 0.1, 4 &lt;0.1 ×10⁹/L; lymphocytes are not graded; ALT and AST with a baseline above ULN grade 1 at
 * 1.0 - 1.5, 2 &gt;1.5 - 2.0, 3 &gt;2.0 - 4.0, 4 &gt;4.0 × baseline (v5.0: 1.5, 3.0, 5.0, 20.0); bilirubin with a
 * baseline above ULN grade 1 at 1.0 - 1.5, 2 &gt;1.5 - 2.5, 3 &gt;2.5 - 10.0, 4 &gt;10.0 × baseline (v5.0: &gt;1.0,
 * &gt;1.5, &gt;3.0, &gt;10.0); creatinine's baseline rows only for a baseline below LLN. White cells, hemoglobin and
 * fibrinogen are unchanged.
 */
public final class CtcaeLabGrader {

    /** Stored with every grade this engine derives, so a grade can be traced to the rules that made it. */
    public static final String VERSION = "CtcaeLabGrader 2.0 (CTCAE v5.0, v6.0)";

    private static final String COUNT_UNIT = "10*9/L";

    private enum Direction {
        DECREASE("<", "below"), INCREASE(">", "above");

        private final String sign;
        private final String word;

        Direction(String sign, String word) {
            this.sign = sign;
            this.word = word;
        }
    }

    /** What a threshold's factor multiplies. */
    private enum Reference {
        ABSOLUTE(""), LLN("LLN"), ULN("ULN"), BASELINE("baseline");

        private final String label;

        Reference(String label) {
            this.label = label;
        }
    }

    /**
     * One row of a CTCAE table: the grade given when the value is beyond factor × reference (below it for a
     * decrease, above it for an increase; at it too when inclusive).
     *
     * @param criterion the row as the CTCAE version words it
     */
    private record Threshold(int grade, BigDecimal factor, Reference reference, boolean inclusive, String criterion) {
    }

    /** When a baseline result brings its rows in: "if baseline was abnormal" and the like. */
    private enum BaselineCondition {
        ANY(null, ""), ABOVE_ULN(Reference.ULN, "above"), BELOW_LLN(Reference.LLN, "below");

        /** The baseline's own limit the condition is judged by; null for ANY. */
        private final Reference limit;
        private final String word;

        BaselineCondition(Reference limit, String word) {
            this.limit = limit;
            this.word = word;
        }

        boolean holds(Measured baseline) {
            return switch (this) {
                case ANY -> true;
                case ABOVE_ULN -> baseline.value().compareTo(baseline.uln()) > 0;
                case BELOW_LLN -> baseline.value().compareTo(baseline.lln()) < 0;
            };
        }

        String verdict(boolean holds) {
            return this == ANY ? "" : (holds ? " is " : " is not ") + word + " its " + limit.label;
        }
    }

    /**
     * @param insteadOfRange true: the baseline rows replace the analyte's rows; false: the worse of both counts
     * @param rows           worst first
     */
    private record BaselineRows(BaselineCondition when, boolean insteadOfRange, List<Threshold> rows) {
    }

    /**
     * @param unitFactors accepted units and the factor to the canonical unit; empty: any unit, as reported
     * @param rows        worst first; the first row the value is beyond decides
     * @param baseline    null where the CTCAE version has no baseline row for the term
     */
    private record AnalyteRule(CtcaeTerm term, Direction direction, Map<String, BigDecimal> unitFactors,
            String canonicalUnit, List<Threshold> rows, BaselineRows baseline) {
    }

    /**
     * Rows whose cut-offs follow one another, as a CTCAE line does: grade n from the n-th cut-off, down (or up) to the
     * next. A cut-off is "LLN", "ULN" or a number on the ladder's scale.
     *
     * @param scale     what the numeric cut-offs multiply (ABSOLUTE: they are values in the canonical unit)
     * @param prefix    words before the range, e.g. "Hgb "
     * @param unitText  words after the range, e.g. " x ULN", " g/dL"
     * @param qualifier words after the unit, e.g. " if baseline was normal"
     */
    private record Ladder(Direction direction, Reference scale, String prefix, String unitText, String qualifier) {

        /** @return worst first */
        List<Threshold> rows(int firstGrade, boolean firstInclusive, List<String> cutsMildestFirst) {
            List<Threshold> worstFirst = new ArrayList<>();
            for (int i = 0; i < cutsMildestFirst.size(); i++) {
                String cut = cutsMildestFirst.get(i);
                boolean inclusive = i == 0 && firstInclusive;
                boolean normalLimit = cut.equals("LLN") || cut.equals("ULN");
                Reference reference = normalLimit ? Reference.valueOf(cut) : scale;
                BigDecimal factor = normalLimit ? BigDecimal.ONE : new BigDecimal(cut);
                String range = (inclusive ? "" : direction.sign) + cut
                        + (i + 1 < cutsMildestFirst.size() ? " - " + cutsMildestFirst.get(i + 1) : "");
                worstFirst.add(0, new Threshold(firstGrade + i, factor, reference, inclusive,
                        prefix + range + unitText + qualifier));
            }
            return worstFirst;
        }
    }

    private static final List<String> AMINOTRANSFERASE_ULN_CUTS = List.of("ULN", "3.0", "5.0", "20.0");
    private static final List<String> BILIRUBIN_ULN_CUTS = List.of("ULN", "1.5", "3.0", "10.0");

    private static final Threshold FIBRINOGEN_ABSOLUTE =
            new Threshold(4, new BigDecimal("0.5"), Reference.ABSOLUTE, false, "absolute value <50 mg/dL");

    // "If abnormal" is read as "if the baseline was below LLN", and these rows then replace the LLN rows: taking the
    // worse of both would never let them count, as k × a baseline below LLN is below k × LLN. pharmaverse admiral's
    // criteria data reads it otherwise: the percentage rows apply whenever the value is below LLN, whatever the
    // baseline, and the worse of both counts (baseline 4.0, LLN 2.0, value 1.0 g/L: admiral 4, here 2; baseline 1.0,
    // value 0.9 g/L: admiral 3, here 1). To be settled in docs/clinical-rules.md, section "CTCAE".
    /**
     * Fibrinogen with a baseline below LLN (v5.0 and v6.0 alike): "&lt;25% decrease" is below the baseline by less
     * than a quarter; "25 - &lt;50%" is at or below 0.75 × baseline; "75% decrease" is read as at least 75 %.
     */
    private static final List<Threshold> FIBRINOGEN_DECREASE_FROM_BASELINE = List.of(
            new Threshold(4, new BigDecimal("0.25"), Reference.BASELINE, true,
                    "if abnormal, 75% decrease from baseline"),
            FIBRINOGEN_ABSOLUTE,
            new Threshold(3, new BigDecimal("0.5"), Reference.BASELINE, true,
                    "if abnormal, 50 - <75% decrease from baseline"),
            new Threshold(2, new BigDecimal("0.75"), Reference.BASELINE, true,
                    "if abnormal, 25 - <50% decrease from baseline"),
            new Threshold(1, BigDecimal.ONE, Reference.BASELINE, false,
                    "if abnormal, <25% decrease from baseline"));

    /**
     * The words one CTCAE version uses where the versions' rows differ only in wording, and the rows built with them.
     *
     * @param countUnit          how the version writes ×10⁹/L
     * @param ifBaselineNormal   the qualifier of the ULN rows of ALT, AST and bilirubin
     * @param ifBaselineAboveUln the qualifier of their baseline rows
     */
    private record Edition(CtcaeVersion version, String countUnit, String ifBaselineNormal,
            String ifBaselineAboveUln) {

        AnalyteRule count(Analyte analyte, String... cutsMildestFirst) {
            return new AnalyteRule(term(analyte), Direction.DECREASE, Map.of(COUNT_UNIT, BigDecimal.ONE), COUNT_UNIT,
                    new Ladder(Direction.DECREASE, Reference.ABSOLUTE, "", countUnit, "")
                            .rows(1, false, List.of(cutsMildestFirst)),
                    null);
        }

        AnalyteRule anemia() {
            List<Threshold> rows = new Ladder(Direction.DECREASE, Reference.ABSOLUTE, "Hgb ", " g/dL", "")
                    .rows(1, false, List.of("LLN", "10.0", "8.0"));
            Threshold worst = rows.get(0);
            rows.set(0, new Threshold(worst.grade(), worst.factor(), worst.reference(), worst.inclusive(),
                    worst.criterion() + " (grade 4, life-threatening consequences, is clinical and never graded "
                            + "from the value)"));
            return new AnalyteRule(term(Analyte.HGB), Direction.DECREASE,
                    Map.of("g/dL", BigDecimal.ONE, "g/L", new BigDecimal("0.1")), "g/dL", rows, null);
        }

        /** ALT, AST, bilirubin: multiples of ULN, or of a baseline above ULN instead. */
        AnalyteRule againstUlnOrHighBaseline(Analyte analyte, List<String> ulnCuts, boolean baselineFromInclusive,
                String... baselineCutsMildestFirst) {
            return new AnalyteRule(term(analyte), Direction.INCREASE, Map.of(), null,
                    new Ladder(Direction.INCREASE, Reference.ULN, "", " x ULN", ifBaselineNormal)
                            .rows(1, false, ulnCuts),
                    new BaselineRows(BaselineCondition.ABOVE_ULN, true,
                            new Ladder(Direction.INCREASE, Reference.BASELINE, "", " x baseline", ifBaselineAboveUln)
                                    .rows(1, baselineFromInclusive, List.of(baselineCutsMildestFirst))));
        }

        /** Creatinine: the worse of multiples of ULN and, where the condition holds, multiples of the baseline. */
        AnalyteRule creatinine(BaselineCondition baselineRowsApply, String baselineQualifier) {
            return new AnalyteRule(term(Analyte.CREAT), Direction.INCREASE, Map.of(), null,
                    new Ladder(Direction.INCREASE, Reference.ULN, "", " x ULN", "")
                            .rows(1, false, List.of("ULN", "1.5", "3.0", "6.0")),
                    new BaselineRows(baselineRowsApply, false,
                            new Ladder(Direction.INCREASE, Reference.BASELINE, "", " x baseline", baselineQualifier)
                                    .rows(2, false, List.of("1.5", "3.0"))));
        }

        AnalyteRule fibrinogen() {
            List<Threshold> rows = new ArrayList<>(new Ladder(Direction.DECREASE, Reference.LLN, "", " x LLN", "")
                    .rows(1, false, List.of("1.0", "0.75", "0.5", "0.25")));
            rows.add(1, FIBRINOGEN_ABSOLUTE);
            return new AnalyteRule(term(Analyte.FIB), Direction.DECREASE,
                    Map.of("g/L", BigDecimal.ONE, "mg/dL", new BigDecimal("0.01")), "g/L", rows,
                    new BaselineRows(BaselineCondition.BELOW_LLN, true, FIBRINOGEN_DECREASE_FROM_BASELINE));
        }

        private CtcaeTerm term(Analyte analyte) {
            return CtcaeTerm.forAnalyte(version, analyte).orElseThrow(() -> new IllegalStateException(
                    standard(version) + " has no term for " + analyte));
        }
    }

    private static final Map<CtcaeVersion, Map<Analyte, AnalyteRule>> RULES = Map.of(
            CtcaeVersion.V5_0, v5Rules(),
            CtcaeVersion.V6_0, v6Rules());

    /** CTCAE v5.0 (NCI, 2017). */
    private static Map<Analyte, AnalyteRule> v5Rules() {
        Edition v5 = new Edition(CtcaeVersion.V5_0, " x 10e9 /L", " if baseline was normal",
                " if baseline was abnormal");
        Map<Analyte, AnalyteRule> rules = new EnumMap<>(Analyte.class);
        rules.put(Analyte.PLT, v5.count(Analyte.PLT, "LLN", "75.0", "50.0", "25.0"));
        rules.put(Analyte.ANC, v5.count(Analyte.ANC, "LLN", "1.5", "1.0", "0.5"));
        rules.put(Analyte.WBC, v5.count(Analyte.WBC, "LLN", "3.0", "2.0", "1.0"));
        rules.put(Analyte.LYM, v5.count(Analyte.LYM, "LLN", "0.8", "0.5", "0.2"));
        rules.put(Analyte.HGB, v5.anemia());
        rules.put(Analyte.ALT, v5.againstUlnOrHighBaseline(Analyte.ALT, AMINOTRANSFERASE_ULN_CUTS, true,
                "1.5", "3.0", "5.0", "20.0"));
        rules.put(Analyte.AST, v5.againstUlnOrHighBaseline(Analyte.AST, AMINOTRANSFERASE_ULN_CUTS, true,
                "1.5", "3.0", "5.0", "20.0"));
        rules.put(Analyte.TBIL, v5.againstUlnOrHighBaseline(Analyte.TBIL, BILIRUBIN_ULN_CUTS, false,
                "1.0", "1.5", "3.0", "10.0"));
        rules.put(Analyte.CREAT, v5.creatinine(BaselineCondition.ANY, ""));
        rules.put(Analyte.FIB, v5.fibrinogen());
        return rules;
    }

    /** CTCAE v6.0 (NCI, 2025); lymphocytes are not graded, see {@link CtcaeTerm#forAnalyte}. */
    private static Map<Analyte, AnalyteRule> v6Rules() {
        // Readings still to confirm against the NCI v6.0 document itself (the tables were cross-checked against
        // pharmaverse admiral's CTCAE v6.0 criteria data): ALT and AST grade 3 with a baseline above ULN reads
        // ">2.0 - 4.0 x baseline if baseline was >ULN up to 5 x ULN"; the trailing "up to 5 x ULN" is not applied
        // (admiral does not apply it either). Creatinine's ">1.5 - 3.0 x if baseline is below LLN" is read as
        // multiples of the baseline, applied only to a baseline below its LLN, as the wording says (one version of
        // admiral's data applies those rows to any baseline). Thrombocytopenia grade 3 is <50.0 - 10.0, as admiral's
        // criteria text has it and grade 4 (<10.0) implies; a comment in admiral's tests says <50.0 - 25.0.
        Edition v6 = new Edition(CtcaeVersion.V6_0, " x 10^9/L", " if baseline was normal or less than normal",
                " if baseline was >ULN");
        Map<Analyte, AnalyteRule> rules = new EnumMap<>(Analyte.class);
        rules.put(Analyte.PLT, v6.count(Analyte.PLT, "LLN", "75.0", "50.0", "10.0"));
        rules.put(Analyte.ANC, v6.count(Analyte.ANC, "1.5", "1.0", "0.5", "0.1"));
        rules.put(Analyte.WBC, v6.count(Analyte.WBC, "LLN", "3.0", "2.0", "1.0"));
        rules.put(Analyte.HGB, v6.anemia());
        rules.put(Analyte.ALT, v6.againstUlnOrHighBaseline(Analyte.ALT, AMINOTRANSFERASE_ULN_CUTS, true,
                "1.0", "1.5", "2.0", "4.0"));
        rules.put(Analyte.AST, v6.againstUlnOrHighBaseline(Analyte.AST, AMINOTRANSFERASE_ULN_CUTS, true,
                "1.0", "1.5", "2.0", "4.0"));
        rules.put(Analyte.TBIL, v6.againstUlnOrHighBaseline(Analyte.TBIL, BILIRUBIN_ULN_CUTS, true,
                "1.0", "1.5", "2.5", "10.0"));
        rules.put(Analyte.CREAT, v6.creatinine(BaselineCondition.BELOW_LLN, " if baseline is below LLN"));
        rules.put(Analyte.FIB, v6.fibrinogen());
        return rules;
    }

    /** A result in the rule's canonical unit, and how it reads. */
    private record Measured(BigDecimal value, BigDecimal lln, BigDecimal uln, String unit, String text) {
    }

    /** A threshold table's verdict on the value. */
    private record Outcome(int grade, String criterion, String reason) {
    }

    /**
     * @param baselineOrNull the same analyte before treatment; used where the version has baseline rows (ALT, AST,
     *                       bilirubin, creatinine, fibrinogen)
     * @throws IllegalArgumentException for an analyte the version has no term for (lymphocytes in v6.0), a unit the
     *                                  analyte is not graded in, a missing LLN or ULN the table needs, or a baseline
     *                                  of another analyte or unit, or without the limit its condition needs
     */
    public LabGrade grade(CtcaeVersion version, LabResult result, LabResult baselineOrNull) {
        if (version == null || result == null) {
            throw new IllegalArgumentException("version and result are required");
        }
        if (baselineOrNull != null && baselineOrNull.analyte() != result.analyte()) {
            throw new IllegalArgumentException("baseline is " + baselineOrNull.analyte() + ", not " + result.analyte());
        }
        AnalyteRule rule = RULES.get(version).get(result.analyte());
        if (rule == null) {
            throw new IllegalArgumentException(standard(version) + " grades no term from " + result.analyte());
        }
        Measured current = measured(result, rule);
        requireLimits(rule.rows(), current, result.analyte());

        List<String> reasons = new ArrayList<>();
        boolean baselineRowsApply = false;
        Measured baseline = null;
        if (baselineOrNull != null && rule.baseline() != null) {
            baseline = baseline(baselineOrNull, rule, current);
            baselineRowsApply = rule.baseline().when().holds(baseline);
            reasons.add(baselineReason(rule.baseline(), baseline, baselineRowsApply));
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (!baselineRowsApply || !rule.baseline().insteadOfRange()) {
            outcomes.add(walk(rule.rows(), rule.direction(), current, null));
        }
        if (baselineRowsApply) {
            if (baseline.value().signum() <= 0) {
                throw new IllegalArgumentException("a baseline graded against must be positive, was "
                        + baseline.value());
            }
            outcomes.add(walk(rule.baseline().rows(), rule.direction(), current, baseline.value()));
        }
        // max keeps the first of equal grades: the one against the normal range before the one against the baseline.
        Outcome worst = outcomes.stream().max(Comparator.comparingInt(Outcome::grade)).orElseThrow();
        reasons.addAll(outcomes.stream().map(Outcome::reason).toList());
        return new LabGrade(version, result.analyte(), rule.term(), worst.grade(),
                standard(version) + " " + rule.term().term() + " grade " + worst.grade() + ": " + worst.criterion(),
                current.text() + ": " + String.join("; ", reasons));
    }

    private static String standard(CtcaeVersion version) {
        return "CTCAE v" + version.label();
    }

    private static void requireLimits(List<Threshold> rows, Measured current, Analyte analyte) {
        rows.stream()
                .map(Threshold::reference)
                .filter(reference -> reference == Reference.LLN && current.lln() == null
                        || reference == Reference.ULN && current.uln() == null)
                .findFirst()
                .ifPresent(missing -> {
                    throw new IllegalArgumentException(analyte + " is graded against its " + missing.label
                            + ", which the result does not give");
                });
    }

    private static Measured baseline(LabResult baseline, AnalyteRule rule, Measured current) {
        Measured measured = measured(baseline, rule);
        if (!measured.unit().equals(current.unit())) {
            throw new IllegalArgumentException("baseline " + rule.term().term() + " is in " + baseline.unit()
                    + ", the result in " + current.unit() + "; they are compared as multiples, so give one unit");
        }
        Reference limit = rule.baseline().when().limit;
        if (limit == Reference.ULN && measured.uln() == null || limit == Reference.LLN && measured.lln() == null) {
            throw new IllegalArgumentException("baseline " + rule.term().term() + " needs its " + limit.label
                    + " to tell whether it was abnormal");
        }
        return measured;
    }

    private static String baselineReason(BaselineRows rows, Measured baseline, boolean apply) {
        String consequence = !apply ? ", so graded against the normal range only"
                : rows.insteadOfRange() ? ", so graded against the baseline"
                : "; the worse of the grades against the normal range and against the baseline";
        return "baseline " + baseline.text() + rows.when().verdict(apply) + consequence;
    }

    private static Outcome walk(List<Threshold> worstFirst, Direction direction, Measured current,
            BigDecimal baselineValue) {
        for (Threshold threshold : worstFirst) {
            int comparison = current.value().compareTo(limit(threshold, current, baselineValue));
            boolean beyond = (direction == Direction.DECREASE ? comparison < 0 : comparison > 0)
                    || threshold.inclusive() && comparison == 0;
            if (beyond) {
                return new Outcome(threshold.grade(), threshold.criterion(), comparison(direction, threshold) + " "
                        + describe(threshold, current, baselineValue) + " → grade " + threshold.grade());
            }
        }
        Threshold mildest = worstFirst.get(worstFirst.size() - 1);
        return new Outcome(0, "not reaching " + mildest.criterion(), "not " + comparison(direction, mildest) + " "
                + describe(mildest, current, baselineValue) + " → grade 0");
    }

    private static String comparison(Direction direction, Threshold threshold) {
        return (threshold.inclusive() ? "at or " : "") + direction.word;
    }

    private static BigDecimal limit(Threshold threshold, Measured current, BigDecimal baselineValue) {
        return switch (threshold.reference()) {
            case ABSOLUTE -> threshold.factor();
            case LLN -> threshold.factor().multiply(current.lln());
            case ULN -> threshold.factor().multiply(current.uln());
            case BASELINE -> threshold.factor().multiply(baselineValue);
        };
    }

    /** "50.0 10*9/L", "ULN 40 U/L", "3.0 × ULN = 120 U/L". */
    private static String describe(Threshold threshold, Measured current, BigDecimal baselineValue) {
        String limit = plain(limit(threshold, current, baselineValue)) + " " + current.unit();
        if (threshold.reference() == Reference.ABSOLUTE) {
            return limit;
        }
        String reference = threshold.reference().label;
        return threshold.factor().compareTo(BigDecimal.ONE) == 0
                ? reference + " " + limit
                : threshold.factor().toPlainString() + " × " + reference + " = " + limit;
    }

    private static Measured measured(LabResult result, AnalyteRule rule) {
        BigDecimal factor = BigDecimal.ONE;
        String unit = result.unit();
        if (!rule.unitFactors().isEmpty()) {
            factor = rule.unitFactors().get(result.unit());
            if (factor == null) {
                throw new IllegalArgumentException(result.analyte() + " is graded in "
                        + String.join(" or ", new TreeSet<>(rule.unitFactors().keySet())) + ", not " + result.unit());
            }
            unit = rule.canonicalUnit();
        }
        BigDecimal value = result.value().multiply(factor);
        BigDecimal lln = result.lowerLimitNormal() == null ? null : result.lowerLimitNormal().multiply(factor);
        BigDecimal uln = result.upperLimitNormal() == null ? null : result.upperLimitNormal().multiply(factor);
        String converted = unit.equals(result.unit()) ? "" : " = " + plain(value) + " " + unit;
        String limits = Stream.of(
                        lln == null ? null : "LLN " + plain(lln),
                        uln == null ? null : "ULN " + plain(uln))
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String text = result.analyte() + " " + result.value().toPlainString() + " " + result.unit() + converted
                + (limits.isEmpty() ? "" : " (" + limits + " " + unit + ")");
        return new Measured(value, lln, uln, unit, text);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
