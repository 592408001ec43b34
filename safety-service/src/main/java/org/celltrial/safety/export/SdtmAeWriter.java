package org.celltrial.safety.export;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.safety.ae.AdverseEventView;

/**
 * Writes the SDTM AE domain ({@link SdtmAeDataset}) as CSV (RFC 4180: a header row of the variable names, CRLF line
 * ends, fields quoted where they hold a comma, a quote or a line break, quotes doubled).
 * <p>
 * No cell can run as a formula in a spreadsheet (OWASP "CSV injection"): a character cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a single quote
 * {@code '} before it, and quoted. The integer variables (AESEQ, AETOXGR, AESTDY, AEENDY) are written from integers
 * and never prefixed, so a negative study day stays a number; every other variable (dates and codelist values too)
 * goes through the check, which never changes them. The free text a user can type (AETERM, the subject ID within
 * USUBJID) is what the check is for.
 * <p>
 * One writer writes one dataset, a page of events at a time, as the pages come: {@link #nextChunk} turns each page
 * into CSV text (the header row first), so an export of any size needs memory for one page only. The text is
 * character data: the dataset is sent as UTF-8.
 */
public final class SdtmAeWriter {

    private static final String HEADER = String.join(",",
            Arrays.stream(SdtmAeDataset.Variable.values()).map(SdtmAeDataset.Variable::name).toList()) + "\r\n";

    /** What a spreadsheet reads as the start of a formula (or strips before looking for one). */
    private static final String FORMULA_START = "=+-@\t\r";

    private final SdtmAeDataset dataset;
    private boolean headerWritten;

    public SdtmAeWriter(SdtmAeDataset dataset) {
        this.dataset = dataset;
    }

    /**
     * The CSV of the next events of the dataset, to be sent after the chunks before it; the first chunk starts with
     * the header row, so that an empty dataset still has one.
     *
     * @param events   the next events: across all chunks, sorted by subject and then onset
     * @param patients their patients by ID (study days, EPOCH, AEACN)
     */
    public String nextChunk(List<AdverseEventView> events, Map<UUID, PatientReference> patients) {
        StringBuilder out = new StringBuilder();
        if (!headerWritten) {
            out.append(HEADER);
            headerWritten = true;
        }
        for (SdtmAeDataset.Row row : dataset.rows(events, patients)) {
            for (SdtmAeDataset.Variable variable : SdtmAeDataset.Variable.values()) {
                if (variable.ordinal() > 0) {
                    out.append(',');
                }
                Object value = variable.value(row);
                out.append(value == null ? "" : value instanceof Integer number ? number.toString() : text((String) value));
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
}
