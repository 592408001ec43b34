package org.celltrial.efficacy.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.enrollment.ProtocolReference;
import org.jboss.logging.Logger;

/**
 * The digest (SHA-256) of everything a patient's summary row is computed from but its own efficacy data: the revision
 * of the patient's reference in enrollment-service (raised by every change of what the reference reads), the
 * protocol version with its settings, the cut-off, the B-cell threshold of this deployment, and the code that
 * computes the row (the bytes of this service's and common's classes). A kept row is used only while this digest and
 * the data's revision are unchanged: a new reference, protocol, setting or build computes it again.
 */
final class SummaryInputs {

    private static final Logger LOG = Logger.getLogger(SummaryInputs.class);

    private final String code;
    private final BigDecimal aplasiaThreshold;

    SummaryInputs(String code, BigDecimal aplasiaThreshold) {
        this.code = code;
        this.aplasiaThreshold = aplasiaThreshold;
    }

    /** For this service's code as running: the classes of this service and of common. */
    static SummaryInputs ofRunningCode(BigDecimal aplasiaThreshold) {
        return new SummaryInputs(codeDigest(List.of(SummaryInputs.class, PatientReference.class)), aplasiaThreshold);
    }

    /**
     * The digests of the rows at one cut-off under one protocol. What the rows share is digested once here, and each
     * row's digest is that digest with the patient and its reference revision: a protocol written out is about 4 kB,
     * and a summary over 10 000 patients digested it 10 000 times (docs/performance.md, run 23).
     *
     * @param protocol the patients' {@link ProtocolReference} written out ({@code String.valueOf})
     * @param asOf     null: every count, with the rescue-free window ending on {@code cutOff} (today)
     */
    Rows at(String protocol, LocalDate asOf, LocalDate cutOff) {
        // Records' toString lists every field: any change of a value changes the digest.
        String shared = sha256(String.join("\n", code, String.valueOf(aplasiaThreshold), String.valueOf(asOf),
                String.valueOf(cutOff), protocol));
        return (patientId, referenceRevision) -> sha256(String.join("\n", shared, String.valueOf(patientId),
                String.valueOf(referenceRevision)));
    }

    /** The digest of one row's inputs, given what {@link #at} holds for all of them. */
    @FunctionalInterface
    interface Rows {

        /**
         * @param referenceRevision the revision of the patient's reference in enrollment-service, which every change
         *                          of what the reference reads raises (docs/api.md, {@code patients/reference-revisions})
         */
        String of(UUID patientId, long referenceRevision);
    }

    /**
     * The digest of the code these classes were loaded from: a jar's entries, or a directory's files (tests, dev mode).
     * Where the code cannot be read, a digest of this run alone: rows kept by another run are then never used.
     */
    static String codeDigest(List<Class<?>> classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : classes) {
                CodeSource source = type.getProtectionDomain().getCodeSource();
                Path location = source == null || source.getLocation() == null ? null
                        : Path.of(source.getLocation().toURI());
                if (location == null || !Files.isReadable(location)) {
                    return thisRunOnly(type + " has no readable code source");
                }
                if (Files.isDirectory(location)) {
                    try (Stream<Path> files = Files.walk(location)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            digest.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                            digest.update(Files.readAllBytes(file));
                        }
                    }
                } else {
                    // Each entry's name and bytes, not the jar's: its entries' timestamps change with every build.
                    try (JarFile jar = new JarFile(location.toFile())) {
                        for (JarEntry entry : jar.stream().filter(entry -> !entry.isDirectory())
                                .sorted(Comparator.comparing(JarEntry::getName)).toList()) {
                            digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                            try (InputStream in = jar.getInputStream(entry)) {
                                digest.update(in.readAllBytes());
                            }
                        }
                    }
                }
            }
            String code = HexFormat.of().formatHex(digest.digest());
            LOG.infof("Summary rows are kept for code %s (the classes of %s)", code.substring(0, 12), classes);
            return code;
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            return thisRunOnly(e.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the service's code does not read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String thisRunOnly(String why) {
        LOG.warnf("Summary rows kept by another run of the service will not be used: its code is not readable (%s)",
                why);
        return sha256("this run only " + UUID.randomUUID());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
