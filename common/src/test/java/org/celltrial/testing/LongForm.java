package org.celltrial.testing;

/**
 * The long forms of the race and load tests: {@code -Dcelltrial.long=true} runs them at full size (minutes), the
 * normal build at a size that still meets every race a few times.
 */
public final class LongForm {

    public static final String PROPERTY = "celltrial.long";

    private LongForm() {
    }

    public static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** {@code normal} in the normal build, {@code full} under {@code -Dcelltrial.long=true}. */
    public static int size(int normal, int full) {
        return on() ? full : normal;
    }
}
