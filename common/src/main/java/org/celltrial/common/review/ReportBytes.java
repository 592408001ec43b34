package org.celltrial.common.review;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** A report as the bytes its resource answers, for a lock to freeze ({@link LockableReports}). */
@ApplicationScoped
public class ReportBytes {

    @Inject
    ObjectMapper json;

    /** A JSON answer, written by the mapper the REST layer writes it with. */
    public Supplier<Uni<byte[]>> json(Supplier<Uni<?>> answer) {
        return () -> answer.get().map(value -> {
            try {
                return json.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a report that cannot be written as JSON", e);
            }
        });
    }

    /** A streamed answer, its chunks of text joined, as UTF-8. */
    public Supplier<Uni<byte[]>> streamed(Supplier<Multi<String>> chunks) {
        return () -> chunks.get().collect().in(ByteArrayOutputStream::new,
                (bytes, chunk) -> bytes.writeBytes(chunk.getBytes(StandardCharsets.UTF_8)))
                .map(ByteArrayOutputStream::toByteArray);
    }
}
