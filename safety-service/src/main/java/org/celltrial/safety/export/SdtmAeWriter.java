package org.celltrial.safety.export;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;

/**
 * Writes adverse events as an SDTM AE (Adverse Events) domain dataset, after the CDISC SDTM Implementation Guide
 * v3.4, section 6.2 (Events), "AE – Adverse Events": one record per adverse event per subject, as CSV (RFC 4180:
 * a header row of the variable names, CRLF line ends, fields quoted where they hold a comma, a quote or a line
 * break, quotes doubled).
 * <p>
 * No cell can run as a formula in a spreadsheet (OWASP "CSV injection"): a character cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a single quote
 * {@code '} before it, and quoted. Every variable is a character variable in this sense except the two numeric
 * ones, AESEQ and AETOXGR, which CellTrial writes from integers (never negative); SDTM's dates (AESTDTC,
 * AEENDTC) are ISO 8601 character values and the flags and codelist values are character too, so they go
 * through the same check (it never changes them). The free text a user can type (AETERM and AEDECOD, the
 * subject ID within USUBJID) is what the check is for.
 * <p>
 * One writer writes one dataset, a page of events at a time, as the pages come: {@link #nextChunk} turns each page
 * into CSV text (the header row first), so an export of any size needs memory for one page only. The text is
 * character data: the dataset is sent as UTF-8.
 * <p>
 * The dictionary variables: AETERM and AEDECOD both carry the CTCAE v5.0 term, and AEPTCD the MedDRA code CellTrial
 * keeps with it. CTCAE v5.0 lists each term with its MedDRA <em>lowest level term</em> code (see
 * {@link org.celltrial.safety.ctcae.CtcaeTerm}); where that LLT is not itself a preferred term (e.g. CTCAE "Fever",
 * MedDRA PT "Pyrexia") AEDECOD and AEPTCD hold the LLT, not the PT the SDTMIG asks for, until the events are coded
 * with the study's MedDRA version.
 */
public final class SdtmAeWriter {

    /** The AE domain variables written, in dataset order, each with how it derives from an event. */
    private enum Variable {
        STUDYID(Row::studyId),
        DOMAIN(row -> "AE"),
        USUBJID(row -> row.studyId() + "-" + row.event().subjectId()),
        AESEQ(true, row -> Integer.toString(row.sequence())),
        AETERM(row -> row.event().ctcaeTerm()),
        AEDECOD(row -> row.event().ctcaeTerm()),
        AEPTCD(row -> Objects.requireNonNullElse(row.event().meddraCode(), "")),
        AETOXGR(true, row -> Integer.toString(row.event().grade())),
        AESER(row -> yesNo(row.event().serious())),
        AESDTH(row -> criterion(row, SeriousnessCriterion.DEATH)),
        AESLIFE(row -> criterion(row, SeriousnessCriterion.LIFE_THREATENING)),
        AESHOSP(row -> criterion(row, SeriousnessCriterion.HOSPITALISATION)),
        AESDISAB(row -> criterion(row, SeriousnessCriterion.DISABILITY)),
        AESCONG(row -> criterion(row, SeriousnessCriterion.CONGENITAL_ANOMALY)),
        AESMIE(row -> criterion(row, SeriousnessCriterion.IMPORTANT_MEDICAL_EVENT)),
        AEREL(row -> row.event().relatedToCarT() == null ? "" : relationship(row.event().relatedToCarT())),
        AEOUT(row -> row.event().outcome() == null ? "" : outcome(row.event().outcome())),
        AESTDTC(row -> row.event().onset().toString()),
        AEENDTC(row -> row.event().resolvedOn() == null ? "" : row.event().resolvedOn().toString()),
        AECONTRT(row -> yesNo(!row.event().treatments().isEmpty()));

        /** A numeric variable, written from an integer: the only cells not neutralised. */
        private final boolean numeric;
        private final Function<Row, String> value;

        Variable(Function<Row, String> value) {
            this(false, value);
        }

        Variable(boolean numeric, Function<Row, String> value) {
            this.numeric = numeric;
            this.value = value;
        }

        String cell(Row row) {
            String cell = value.apply(row);
            return numeric ? field(cell, false) : text(cell);
        }
    }

    /** One AE record: the event, numbered within its subject. */
    private record Row(String studyId, int sequence, AdverseEventView event) {
    }

    private static final String HEADER = String.join(",", Arrays.stream(Variable.values()).map(Variable::name).toList())
            + "\r\n";

    /** What a spreadsheet reads as the start of a formula (or strips before looking for one). */
    private static final String FORMULA_START = "=+-@\t\r";

    private final String studyId;
    private boolean headerWritten;
    /** AESEQ numbers each subject's events from 1; events come sorted by subject, so one counter is enough. */
    private String subjectId;
    private int sequence;

    /** @param studyId the study identifier (STUDYID; USUBJID is it, a hyphen and the subject ID) */
    public SdtmAeWriter(String studyId) {
        this.studyId = studyId;
    }

    /**
     * The CSV of the next events of the dataset, to be sent after the chunks before it; the first chunk starts with
     * the header row, so that an empty dataset still has one.
     *
     * @param events the next events: across all chunks, sorted by subject and then onset (AESEQ numbers each
     *         subject's events from 1 in this order)
     */
    public String nextChunk(List<AdverseEventView> events) {
        StringBuilder out = new StringBuilder();
        if (!headerWritten) {
            out.append(HEADER);
            headerWritten = true;
        }
        for (AdverseEventView event : events) {
            sequence = event.subjectId().equals(subjectId) ? sequence + 1 : 1;
            subjectId = event.subjectId();
            Row row = new Row(studyId, sequence, event);
            for (Variable variable : Variable.values()) {
                if (variable.ordinal() > 0) {
                    out.append(',');
                }
                out.append(variable.cell(row));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * A character cell as written: one that a spreadsheet would read as a formula gets a leading {@code '} and is
     * quoted; any other is quoted only where RFC 4180 needs it.
     */
    static String text(String value) {
        boolean formula = !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0;
        return formula ? field("'" + value, true) : field(value, false);
    }

    /** An RFC 4180 field: quoted if asked or if it holds a comma, a quote or a line break; quotes doubled. */
    private static String field(String value, boolean quote) {
        if (!quote && value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * The CDISC relationship wording (AEREL; the SDTMIG leaves its terms to the sponsor, these are the common
     * five-point scale): {@code NOT RELATED}, {@code UNLIKELY RELATED}, {@code POSSIBLY RELATED},
     * {@code PROBABLY RELATED}, {@code RELATED}. The FHIR export uses the same wording for its causality assessment.
     */
    static String relationship(Relatedness relatedness) {
        return switch (relatedness) {
            case NOT_RELATED -> "NOT RELATED";
            case UNLIKELY -> "UNLIKELY RELATED";
            case POSSIBLE -> "POSSIBLY RELATED";
            case PROBABLE -> "PROBABLY RELATED";
            case DEFINITE -> "RELATED";
        };
    }

    /** The CDISC controlled terminology for AEOUT (codelist OUT, C66768). */
    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case RECOVERED -> "RECOVERED/RESOLVED";
            case RECOVERING -> "RECOVERING/RESOLVING";
            case NOT_RECOVERED -> "NOT RECOVERED/NOT RESOLVED";
            case RECOVERED_WITH_SEQUELAE -> "RECOVERED/RESOLVED WITH SEQUELAE";
            case FATAL -> "FATAL";
            case UNKNOWN -> "UNKNOWN";
        };
    }

    private static String criterion(Row row, SeriousnessCriterion criterion) {
        return yesNo(row.event().seriousnessCriteria().contains(criterion));
    }

    /** The CDISC No Yes Response codelist (NY, C66742), as the SDTMIG uses it for AESER, AESDTH, ... and AECONTRT. */
    private static String yesNo(boolean yes) {
        return yes ? "Y" : "N";
    }
}
