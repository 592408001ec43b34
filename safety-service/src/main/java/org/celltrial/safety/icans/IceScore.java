package org.celltrial.safety.icans;

/**
 * The Immune Effector Cell-associated Encephalopathy (ICE) score of the ASTCT consensus (Lee DW et al., Biol Blood
 * Marrow Transplant 2019;25:625-638; docs/clinical-rules.md, section "ICANS"), 0–10, for patients older than the
 * protocol's CAPD age (ASTCT: 12); 10 is normal.
 *
 * @param orientation year, month, city, hospital: 0–4
 * @param naming      three objects: 0–3
 * @param commands    following simple commands: 0–1
 * @param writing     writing a standard sentence: 0–1
 * @param attention   counting backwards from 100 by ten: 0–1
 */
public record IceScore(int orientation, int naming, int commands, int writing, int attention) {

    public IceScore {
        requireWithin("orientation", orientation, 4);
        requireWithin("naming", naming, 3);
        requireWithin("commands", commands, 1);
        requireWithin("writing", writing, 1);
        requireWithin("attention", attention, 1);
    }

    public int total() {
        return orientation + naming + commands + writing + attention;
    }

    private static void requireWithin(String item, int points, int maximum) {
        if (points < 0 || points > maximum) {
            throw new IllegalArgumentException("ICE " + item + " must be 0–" + maximum + ", was " + points);
        }
    }
}
