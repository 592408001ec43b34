package org.celltrial.devtools.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of a patient's course written relative to Day 0 (the CAR-T infusion date), as the demo study file writes
 * them:
 * <ul>
 * <li>{@code D10} study day 10 (Day 0 + 10 days), {@code D-5} day −5;</li>
 * <li>{@code M3} the month-3 visit: Day 0 plus 3 months, on Day 0's day of the month or the month's last day (as
 * enrollment-service's visit schedule places monthly visits); {@code M9+7} seven days after the month-9 visit;</li>
 * <li>an instant adds a UTC time: {@code D1T20:00}; an instant without a time is at 08:00 UTC.</li>
 * </ul>
 * Anything else (an ISO date such as a birth date) is left as written.
 */
public final class StudyTime {

    private static final Pattern RELATIVE = Pattern.compile(
            "(?:D(?<day>-?\\d{1,4})|M(?<month>\\d{1,3})(?<offset>[+-]\\d{1,4})?)(?:T(?<time>\\d{2}:\\d{2}))?");
    private static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);

    private StudyTime() {
    }

    /** Whether the text is a relative date such as {@code D10}, {@code M3+14} or {@code D1T20:00}. */
    public static boolean isRelative(String text) {
        return text != null && RELATIVE.matcher(text).matches();
    }

    /** The date a relative text names (its time, if any, ignored). */
    public static LocalDate date(String text, LocalDate day0) {
        Matcher matcher = match(text);
        if (matcher.group("day") != null) {
            return day0.plusDays(Integer.parseInt(matcher.group("day")));
        }
        LocalDate visit = day0.plusMonths(Integer.parseInt(matcher.group("month")));
        String offset = matcher.group("offset");
        return offset == null ? visit : visit.plusDays(Integer.parseInt(offset));
    }

    /** A relative text as an ISO date ({@code instant} false; a time is an error) or an ISO-8601 UTC instant. */
    public static String resolve(String text, LocalDate day0, boolean instant) {
        Matcher matcher = match(text);
        LocalDate date = date(text, day0);
        String time = matcher.group("time");
        if (!instant) {
            if (time != null) {
                throw new IllegalArgumentException("'" + text + "' has a time, but this field is a date");
            }
            return date.toString();
        }
        LocalTime at = time == null ? DEFAULT_TIME : LocalTime.parse(time);
        return date.atTime(at).atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    private static Matcher match(String text) {
        Matcher matcher = RELATIVE.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a study date such as D10, D-5, M3, M9+7 or D1T20:00");
        }
        return matcher;
    }
}
