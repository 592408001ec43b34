package org.celltrial.safety.ctcae;

import java.util.Map;
import java.util.Optional;

/**
 * Where the MedDRA codes CellTrial keeps (CTCAE's lowest level terms, {@link CtcaeTerm}, and the terms reported by
 * hand that the demo study uses) sit in the MedDRA hierarchy of the study's MedDRA version: preferred term and
 * primary system organ class. SDTM AE takes AEDECOD/AEPTCD and AEBODSYS/AESOC/AESOCCD from it.
 * <p>
 * Only MedDRA 20.1 (the version CTCAE v5.0 lists its codes in) is held; a study coding in another version needs its
 * entries added from that version's files (docs/interoperability-exports.md). A code this table does not hold, or a
 * version it does not know, has no hierarchy: the SDTM variables stay empty rather than guessed.
 */
public final class MeddraHierarchy {

    /** A lowest level term with its preferred term and primary system organ class. */
    public record Placement(String lltCode, String ptCode, String ptName, String socCode, String socName) {
    }

    private static final String INVESTIGATIONS = "10022891";
    private static final String BLOOD = "10005329";

    private static final Map<String, Map<String, Placement>> VERSIONS = Map.of("20.1", Map.ofEntries(
            investigation("10035528", "10035528", "Platelet count decreased"),
            placement("10043554", "10043554", "Thrombocytopenia", BLOOD, "Blood and lymphatic system disorders"),
            investigation("10029366", "10029366", "Neutrophil count decreased"),
            investigation("10049182", "10047942", "White blood cell count decreased"),
            investigation("10025256", "10025256", "Lymphocyte count decreased"),
            placement("10002272", "10002034", "Anaemia", BLOOD, "Blood and lymphatic system disorders"),
            investigation("10001551", "10001551", "Alanine aminotransferase increased"),
            investigation("10003481", "10003481", "Aspartate aminotransferase increased"),
            investigation("10005364", "10005364", "Blood bilirubin increased"),
            investigation("10011368", "10005483", "Blood creatinine increased"),
            investigation("10016596", "10005520", "Blood fibrinogen decreased"),
            placement("10016558", "10037660", "Pyrexia", "10018065",
                    "General disorders and administration site conditions"),
            placement("10052015", "10052015", "Cytokine release syndrome", "10021428", "Immune system disorders"),
            placement("10016288", "10016288", "Febrile neutropenia", BLOOD, "Blood and lymphatic system disorders"),
            placement("10029350", "10029350", "Neurotoxicity", "10029205", "Nervous system disorders")));

    private MeddraHierarchy() {
    }

    /** The lowest level term's place in the version's hierarchy; empty when it is not held. */
    public static Optional<Placement> of(String meddraVersion, String lltCode) {
        if (lltCode == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(VERSIONS.getOrDefault(meddraVersion, Map.of()).get(lltCode));
    }

    /** Whether the version's hierarchy is held here. */
    public static boolean holds(String meddraVersion) {
        return VERSIONS.containsKey(meddraVersion);
    }

    private static Map.Entry<String, Placement> investigation(String llt, String pt, String ptName) {
        return placement(llt, pt, ptName, INVESTIGATIONS, "Investigations");
    }

    private static Map.Entry<String, Placement> placement(String llt, String pt, String ptName, String soc,
            String socName) {
        return Map.entry(llt, new Placement(llt, pt, ptName, soc, socName));
    }
}
