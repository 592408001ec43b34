package org.celltrial.common.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.celltrial.common.problem.ProblemException;

/**
 * Query parameters read by hand, because JAX-RS answers a query parameter it cannot convert with 404, where a
 * client deserves a 400 that names the parameter.
 */
public final class Params {

    private Params() {
    }

    /** An ISO date (YYYY-MM-DD), or null when absent. */
    public static LocalDate date(String value, String parameter) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "must be a date (YYYY-MM-DD)");
        }
    }

    /** {@code true} or {@code false}; {@code absent} when the parameter is absent. */
    public static boolean flag(String value, String parameter, boolean absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(parameter, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
