package org.celltrial.gateway.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;

import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/** Converts a value between UCUM units with the UCUM reference implementation and its essence file. */
public final class UcumUnits {

    public static final String SYSTEM = "http://unitsofmeasure.org";
    private static final UcumService UCUM = load();

    private UcumUnits() {
    }

    /** The value in {@code to}, or empty when {@code from} is no UCUM unit or measures something else. */
    public static Optional<BigDecimal> convert(BigDecimal value, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(value);
        }
        try {
            if (UCUM.validate(from) != null) {
                return Optional.empty();
            }
            Decimal converted = UCUM.convert(new Decimal(value.toPlainString()), from, to);
            return Optional.of(new BigDecimal(converted.asDecimal()));
        } catch (UcumException | RuntimeException notConvertible) {
            return Optional.empty();
        }
    }

    private static UcumService load() {
        try (InputStream essence = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
            if (essence == null) {
                throw new IllegalStateException("ucum-essence.xml is not on the classpath");
            }
            return new UcumEssenceService(essence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UcumException e) {
            throw new IllegalStateException("Cannot read UCUM's essence file", e);
        }
    }
}
