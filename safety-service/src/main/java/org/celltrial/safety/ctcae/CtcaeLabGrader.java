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
 * Grades laboratory results by CTCAE v5.0 (NCI, 2017), with the thresholds of CellTrial clinical-rules.md, CTCAE
 * v5.0. How the table is read:
 * <ul>
 * <li>A decrease "&lt; A – B" is below A down to B inclusive: platelets grade 1 if 75 ≤ value &lt; LLN, 2 if
 * 50 ≤ value &lt; 75, 3 if 25 ≤ value &lt; 50, 4 if value &lt; 25; likewise neutrophils, white cells, lymphocytes,
 * hemoglobin and fibrinogen (multiples of LLN).</li>
 * <li>An increase "&gt; A – B" is above A up to B inclusive: ALT grade 1 if ULN &lt; value ≤ 3.0 × ULN, 2 if
 * 3.0 × ULN &lt; value ≤ 5.0 × ULN, and so on; likewise AST, bilirubin and creatinine.</li>
 * <li>A value that is not abnormal (not below LLN for a decrease, not above ULN for an increase) is grade 0, whatever
 * a fixed or baseline threshold would say: for example an LLN below a fixed threshold, or creatinine above
 * 1.5 × baseline but not above ULN.</li>
 * <li>ALT and AST with an abnormal baseline (its value above its own ULN) are graded against the baseline instead of
 * ULN: "1.5 – 3.0 × baseline" has no "&gt;", so grade 1 is 1.5 × baseline ≤ value ≤ 3.0 × baseline, and a value
 * above ULN but below 1.5 × baseline is grade 0.</li>
 * <li>Creatinine with a baseline: the worse of the ULN-based grade and the baseline-based one
 * (&gt; 1.5 – 3.0 × baseline → 2, &gt; 3.0 × baseline → 3).</li>
 * <li>Anemia: grade 4 (life-threatening consequences) is a clinical decision; the value alone never gives more than
 * 3.</li>
 * <li>Units: counts in ×10⁹/L only (UCUM "10*9/L"); hemoglobin in g/dL (g/L divided by 10); fibrinogen in g/L
 * (mg/dL divided by 100), grade 4 also below the absolute 50 mg/dL = 0.5 g/L; ALT, AST, bilirubin and creatinine as
 * multiples of ULN or baseline in the result's own unit, so a baseline must come in the same unit.</li>
 * <li>Not applied, as clinical-rules.md does not list them: CTCAE v5.0's rows for an abnormal baseline of bilirubin
 * and fibrinogen; bilirubin and fibrinogen are graded against ULN and LLN.</li>
 * </ul>
 */
public final class CtcaeLabGrader {

    /** Stored with every grade this engine derives, so a grade can be traced to the rules that made it. */
    public static final String VERSION = "CtcaeLabGrader 1.0 (CTCAE v5.0)";

    private static final String STANDARD = "CTCAE v5.0 ";
    private static final String COUNT_UNIT = "10*9/L";

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
     * @param criterion the row as CTCAE v5.0 words it
     */
    private record Threshold(int grade, BigDecimal factor, Reference reference, boolean inclusive, String criterion) {
    }

    private enum BaselineUse {
        NONE, INSTEAD_WHEN_BASELINE_ABNORMAL, WORSE_OF_BOTH
    }

    /**
     * @param unitFactors        accepted units and the factor to the canonical unit; empty: any unit, as reported
     * @param thresholds         worst first; the first row the value is beyond decides
     * @param baselineThresholds worst first, for {@code baselineUse} other than NONE
     */
    private record AnalyteRule(CtcaeTerm term, boolean decrease, Map<String, BigDecimal> unitFactors,
            String canonicalUnit, List<Threshold> thresholds, BaselineUse baselineUse,
            List<Threshold> baselineThresholds) {
    }

    private static final List<Threshold> AMINOTRANSFERASE = List.of(
            strict(4, "20.0", Reference.ULN, ">20.0 x ULN if baseline was normal"),
            strict(3, "5.0", Reference.ULN, ">5.0 - 20.0 x ULN if baseline was normal"),
            strict(2, "3.0", Reference.ULN, ">3.0 - 5.0 x ULN if baseline was normal"),
            strict(1, "1.0", Reference.ULN, ">ULN - 3.0 x ULN if baseline was normal"));
    private static final List<Threshold> AMINOTRANSFERASE_ABNORMAL_BASELINE = List.of(
            strict(4, "20.0", Reference.BASELINE, ">20.0 x baseline if baseline was abnormal"),
            strict(3, "5.0", Reference.BASELINE, ">5.0 - 20.0 x baseline if baseline was abnormal"),
            strict(2, "3.0", Reference.BASELINE, ">3.0 - 5.0 x baseline if baseline was abnormal"),
            inclusive(1, "1.5", Reference.BASELINE, "1.5 - 3.0 x baseline if baseline was abnormal"));

    private static final Map<Analyte, AnalyteRule> RULES = new EnumMap<>(Map.of(
            Analyte.PLT, count(CtcaeTerm.PLATELET_COUNT_DECREASED, "75.0", "50.0", "25.0"),
            Analyte.ANC, count(CtcaeTerm.NEUTROPHIL_COUNT_DECREASED, "1.5", "1.0", "0.5"),
            Analyte.WBC, count(CtcaeTerm.WHITE_BLOOD_CELL_DECREASED, "3.0", "2.0", "1.0"),
            Analyte.LYM, count(CtcaeTerm.LYMPHOCYTE_COUNT_DECREASED, "0.8", "0.5", "0.2"),
            Analyte.HGB, new AnalyteRule(CtcaeTerm.ANEMIA, true,
                    Map.of("g/dL", BigDecimal.ONE, "g/L", new BigDecimal("0.1")), "g/dL", List.of(
                            strict(3, "8.0", Reference.ABSOLUTE, "Hgb <8.0 g/dL; transfusion indicated (grade 4, "
                                    + "life-threatening consequences, is clinical and never graded from the value)"),
                            strict(2, "10.0", Reference.ABSOLUTE, "Hgb <10.0 - 8.0 g/dL"),
                            strict(1, "1.0", Reference.LLN, "Hgb <LLN - 10.0 g/dL")),
                    BaselineUse.NONE, List.of()),
            Analyte.ALT, new AnalyteRule(CtcaeTerm.ALANINE_AMINOTRANSFERASE_INCREASED, false, Map.of(), null,
                    AMINOTRANSFERASE, BaselineUse.INSTEAD_WHEN_BASELINE_ABNORMAL, AMINOTRANSFERASE_ABNORMAL_BASELINE),
            Analyte.AST, new AnalyteRule(CtcaeTerm.ASPARTATE_AMINOTRANSFERASE_INCREASED, false, Map.of(), null,
                    AMINOTRANSFERASE, BaselineUse.INSTEAD_WHEN_BASELINE_ABNORMAL, AMINOTRANSFERASE_ABNORMAL_BASELINE),
            Analyte.TBIL, new AnalyteRule(CtcaeTerm.BLOOD_BILIRUBIN_INCREASED, false, Map.of(), null, List.of(
                            strict(4, "10.0", Reference.ULN, ">10.0 x ULN if baseline was normal"),
                            strict(3, "3.0", Reference.ULN, ">3.0 - 10.0 x ULN if baseline was normal"),
                            strict(2, "1.5", Reference.ULN, ">1.5 - 3.0 x ULN if baseline was normal"),
                            strict(1, "1.0", Reference.ULN, ">ULN - 1.5 x ULN if baseline was normal")),
                    BaselineUse.NONE, List.of()),
            Analyte.CREAT, new AnalyteRule(CtcaeTerm.CREATININE_INCREASED, false, Map.of(), null, List.of(
                            strict(4, "6.0", Reference.ULN, ">6.0 x ULN"),
                            strict(3, "3.0", Reference.ULN, ">3.0 - 6.0 x ULN"),
                            strict(2, "1.5", Reference.ULN, ">1.5 - 3.0 x ULN"),
                            strict(1, "1.0", Reference.ULN, ">ULN - 1.5 x ULN")),
                    BaselineUse.WORSE_OF_BOTH, List.of(
                            strict(3, "3.0", Reference.BASELINE, ">3.0 x baseline"),
                            strict(2, "1.5", Reference.BASELINE, ">1.5 - 3.0 x baseline"))),
            Analyte.FIB, new AnalyteRule(CtcaeTerm.FIBRINOGEN_DECREASED, true,
                    Map.of("g/L", BigDecimal.ONE, "mg/dL", new BigDecimal("0.01")), "g/L", List.of(
                            strict(4, "0.25", Reference.LLN, "<0.25 x LLN"),
                            strict(4, "0.5", Reference.ABSOLUTE, "absolute value <50 mg/dL"),
                            strict(3, "0.5", Reference.LLN, "<0.5 - 0.25 x LLN"),
                            strict(2, "0.75", Reference.LLN, "<0.75 - 0.5 x LLN"),
                            strict(1, "1.0", Reference.LLN, "<1.0 - 0.75 x LLN")),
                    BaselineUse.NONE, List.of())));

    /** A blood count: fixed thresholds in ×10⁹/L for grades 2–4, LLN for grade 1. */
    private static AnalyteRule count(CtcaeTerm term, String grade2From, String grade3From, String grade4From) {
        String unit = " x 10e9 /L";
        return new AnalyteRule(term, true, Map.of(COUNT_UNIT, BigDecimal.ONE), COUNT_UNIT, List.of(
                strict(4, grade4From, Reference.ABSOLUTE, "<" + grade4From + unit),
                strict(3, grade3From, Reference.ABSOLUTE, "<" + grade3From + " - " + grade4From + unit),
                strict(2, grade2From, Reference.ABSOLUTE, "<" + grade2From + " - " + grade3From + unit),
                strict(1, "1.0", Reference.LLN, "<LLN - " + grade2From + unit)),
                BaselineUse.NONE, List.of());
    }

    private static Threshold strict(int grade, String factor, Reference reference, String criterion) {
        return new Threshold(grade, new BigDecimal(factor), reference, false, criterion);
    }

    private static Threshold inclusive(int grade, String factor, Reference reference, String criterion) {
        return new Threshold(grade, new BigDecimal(factor), reference, true, criterion);
    }

    /** A result in the rule's canonical unit, and how it reads. */
    private record Measured(BigDecimal value, BigDecimal lln, BigDecimal uln, String unit, String text) {
    }

    /** A threshold table's verdict on the value. */
    private record Outcome(int grade, String criterion, String reason) {
    }

    /**
     * @param baselineOrNull the same analyte before treatment; used for ALT, AST (abnormal baseline) and creatinine
     * @throws IllegalArgumentException for a unit the analyte is not graded in, a missing LLN or ULN it needs, or a
     *                                  baseline of another analyte or unit
     */
    public LabGrade grade(LabResult result, LabResult baselineOrNull) {
        if (result == null) {
            throw new IllegalArgumentException("result is required");
        }
        if (baselineOrNull != null && baselineOrNull.analyte() != result.analyte()) {
            throw new IllegalArgumentException("baseline is " + baselineOrNull.analyte() + ", not " + result.analyte());
        }
        AnalyteRule rule = RULES.get(result.analyte());
        Measured current = measured(result, rule);
        Measured baseline = baselineOrNull == null || rule.baselineUse() == BaselineUse.NONE
                ? null
                : baseline(baselineOrNull, rule, current);
        String prefix = STANDARD + rule.term().term() + " grade ";

        BigDecimal normalLimit = rule.decrease() ? current.lln() : current.uln();
        if (normalLimit == null) {
            throw new IllegalArgumentException(result.analyte() + " is graded against its "
                    + (rule.decrease() ? "LLN" : "ULN") + ", which the result does not give");
        }
        int againstNormal = current.value().compareTo(normalLimit);
        if (rule.decrease() ? againstNormal >= 0 : againstNormal <= 0) {
            return new LabGrade(result.analyte(), rule.term(), 0, prefix + "0: within normal limits",
                    current.text() + ": not " + (rule.decrease() ? "below LLN" : "above ULN"));
        }

        List<String> reasons = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        if (baseline != null && rule.baselineUse() == BaselineUse.INSTEAD_WHEN_BASELINE_ABNORMAL
                && baseline.value().compareTo(baseline.uln()) > 0) {
            reasons.add("baseline " + baseline.text() + " is abnormal, so graded against the baseline");
            outcomes.add(walk(rule.baselineThresholds(), rule.decrease(), current, baseline.value()));
        } else {
            outcomes.add(walk(rule.thresholds(), rule.decrease(), current, null));
            if (baseline != null && rule.baselineUse() == BaselineUse.WORSE_OF_BOTH) {
                reasons.add("baseline " + baseline.text() + "; the worse of the ULN-based and baseline-based grades");
                outcomes.add(walk(rule.baselineThresholds(), rule.decrease(), current, baseline.value()));
            }
        }
        // max keeps the first of equal grades: the ULN-based one before the baseline-based one.
        Outcome worst = outcomes.stream().max(Comparator.comparingInt(Outcome::grade)).orElseThrow();
        reasons.addAll(outcomes.stream().map(Outcome::reason).toList());
        return new LabGrade(result.analyte(), rule.term(), worst.grade(),
                prefix + worst.grade() + ": " + worst.criterion(),
                current.text() + ": " + String.join("; ", reasons));
    }

    private static Measured baseline(LabResult baseline, AnalyteRule rule, Measured current) {
        Measured measured = measured(baseline, rule);
        if (!measured.unit().equals(current.unit())) {
            throw new IllegalArgumentException("baseline " + rule.term().term() + " is in " + baseline.unit()
                    + ", the result in " + current.unit() + "; they are compared as multiples, so give one unit");
        }
        if (measured.value().signum() <= 0) {
            throw new IllegalArgumentException("a baseline graded against must be positive, was " + measured.value());
        }
        if (rule.baselineUse() == BaselineUse.INSTEAD_WHEN_BASELINE_ABNORMAL && measured.uln() == null) {
            throw new IllegalArgumentException("baseline " + rule.term().term()
                    + " needs its ULN to tell whether it was abnormal");
        }
        return measured;
    }

    private static Outcome walk(List<Threshold> worstFirst, boolean decrease, Measured current,
            BigDecimal baselineValue) {
        for (Threshold threshold : worstFirst) {
            BigDecimal limit = limit(threshold, current, baselineValue);
            int comparison = current.value().compareTo(limit);
            boolean beyond = (decrease ? comparison < 0 : comparison > 0) || threshold.inclusive() && comparison == 0;
            if (beyond) {
                return new Outcome(threshold.grade(), threshold.criterion(), comparison(decrease, threshold) + " "
                        + describe(threshold, current, baselineValue) + " → grade " + threshold.grade());
            }
        }
        Threshold mildest = worstFirst.get(worstFirst.size() - 1);
        return new Outcome(0, "not reaching " + mildest.criterion(), "not " + comparison(decrease, mildest) + " "
                + describe(mildest, current, baselineValue) + " → grade 0");
    }

    private static String comparison(boolean decrease, Threshold threshold) {
        return (threshold.inclusive() ? "at or " : "") + (decrease ? "below" : "above");
    }

    private static BigDecimal limit(Threshold threshold, Measured current, BigDecimal baselineValue) {
        return switch (threshold.reference()) {
            case ABSOLUTE -> threshold.factor();
            case LLN -> threshold.factor().multiply(current.lln());
            case ULN -> threshold.factor().multiply(current.uln());
            case BASELINE -> threshold.factor().multiply(baselineValue);
        };
    }

    /** "50.0 10*9/L", "ULN 40 U/L", "3.0 × ULN 40 = 120 U/L". */
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
