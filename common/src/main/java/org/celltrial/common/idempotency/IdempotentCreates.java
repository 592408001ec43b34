package org.celltrial.common.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;
import org.celltrial.common.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Runs a create at most once per caller and {@code Idempotency-Key}: a retry with the same key and the same
 * request gets the first result back and creates nothing; the same key with another request is a 422
 * problem. Call it inside the service's transaction, so the record commits with what it created.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * @param key the client's Idempotency-Key, or null to create without idempotency
     * @param request what identifies the request (method, path and body), compared on a retry
     */
    public <T> Uni<Created<T>> create(String key, Object request, Class<T> bodyType, Supplier<Uni<Created<T>>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be 1 to 200 characters");
        }
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(identity.getPrincipal().getName(), key);
        String fingerprint = fingerprint(request);
        return IdempotencyRecord.<IdempotencyRecord>findById(id).onItem().transformToUni(previous -> {
            if (previous != null) {
                if (!previous.fingerprint.equals(fingerprint)) {
                    return Uni.createFrom().failure(new ProblemException(ProblemType.UNPROCESSABLE,
                            "This Idempotency-Key was already used for a different request"));
                }
                return Uni.createFrom().item(new Created<>(
                        previous.location == null ? null : URI.create(previous.location),
                        read(previous.body, bodyType)));
            }
            return create.get().call(created -> {
                IdempotencyRecord record = new IdempotencyRecord();
                record.id = id;
                record.fingerprint = fingerprint;
                record.status = 201;
                record.location = created.location() == null ? null : created.location().toString();
                record.body = write(created.body());
                record.createdAt = clock.instant();
                // Flushed here so that a concurrent twin with the same key fails on the primary key now,
                // rolling its whole transaction back, and says why.
                return record.persistAndFlush().onFailure(ConstraintViolationException.class)
                        .transform(e -> new ProblemException(ProblemType.CONFLICT,
                                "Another request with this Idempotency-Key is being processed; retry shortly"));
            });
        });
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Idempotent responses must serialise to JSON", e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored idempotent response no longer reads as " + type.getSimpleName(), e);
        }
    }
}
