package org.celltrial.common.idempotency;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Runs a create at most once per caller and {@code Idempotency-Key}. The key is bound to the request it was first
 * used with: its method, path (without query) and body. A retry of that request gets the first result replayed
 * (same Location, same body) and creates nothing; the same key with another method, path or body is a 422 problem.
 *
 * <p>Concurrent requests with one key (a client retrying after a timeout) create once: the key is claimed first
 * with a transaction-scoped PostgreSQL advisory lock, so while one request creates, every other one with the key is
 * answered at once with a 409 problem "still in progress" and {@code Retry-After} ({@link KeyInProgress}), and the
 * retry after it finds the result to replay. Call it inside the service's transaction: the record commits with what
 * it created, and the claim ends with the transaction, so a create that fails leaves nothing behind that would
 * block a retry. A serialisation failure or deadlock met on the way is the same retryable 409, never a 500.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";

    /** Serialisation failure and deadlock: another transaction got there first, and a retry succeeds. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    UriInfo uri;

    @Inject
    Request httpRequest;

    /**
     * @param key the client's Idempotency-Key, or null to create without idempotency
     * @param request the request body, compared on a retry together with the HTTP method and path
     */
    public <T> Uni<Created<T>> create(String key, Object request, Class<T> bodyType, Supplier<Uni<Created<T>>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be 1 to 200 characters");
        }
        String caller = identity.getPrincipal().getName();
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(caller, key);
        String fingerprint = fingerprint(request);
        return claim(caller, key).flatMap(claimed -> {
            if (!claimed) {
                return Uni.createFrom().failure(inProgress());
            }
            return IdempotencyRecord.<IdempotencyRecord>findById(id).flatMap(previous -> {
                if (previous != null) {
                    return Uni.createFrom().item(replay(previous,
                            previous.requestBound ? fingerprint : bodyFingerprint(request), bodyType));
                }
                return create.get().call(created -> store(id, fingerprint, created));
            });
        }).onFailure(IdempotentCreates::retryable).transform(e -> inProgress());
    }

    /**
     * Claims the key for this transaction without waiting: false when another transaction holds it. The lock is
     * PostgreSQL's transaction-scoped advisory lock on a 64-bit digest of caller and key, released at commit or
     * rollback (after the commit is visible, so the next holder reads the stored record).
     */
    private Uni<Boolean> claim(String caller, String key) {
        long lock = ByteBuffer.wrap(sha256("idempotency\n" + caller + "\n" + key)).getLong();
        // A row only when the lock was taken, counted by a statement rather than read by a query (IdArray says why).
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 WHERE pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lock)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    private <T> Created<T> replay(IdempotencyRecord previous, String fingerprint, Class<T> bodyType) {
        if (!previous.fingerprint.equals(fingerprint)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was already used for a different request (method, path or body)");
        }
        return new Created<>(previous.location == null ? null : URI.create(previous.location),
                read(previous.body, bodyType));
    }

    private <T> Uni<Void> store(IdempotencyRecord.Key id, String fingerprint, Created<T> created) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = id;
        record.fingerprint = fingerprint;
        record.requestBound = true;
        record.status = 201;
        record.location = created.location() == null ? null : created.location().toString();
        record.body = write(created.body());
        record.createdAt = clock.instant();
        // Flushed here, so that should a twin have stored the key after all, this transaction rolls back as a 409.
        return record.persistAndFlush().replaceWithVoid()
                .onFailure(ConstraintViolationException.class).transform(e -> inProgress());
    }

    private static KeyInProgress inProgress() {
        return new KeyInProgress("Another request with this Idempotency-Key is being processed; retry after "
                + KeyInProgress.RETRY_AFTER_SECONDS + " s to get its result");
    }

    /** A failure that only says another transaction got there first: a retry succeeds or replays. */
    static boolean retryable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ProblemException) {
                return false;
            }
            String state = sqlState(e);
            if (state != null && RETRYABLE_STATES.contains(state)) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        if (e instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (e instanceof SQLException sql) {
            return sql.getSQLState();
        }
        try {
            // The reactive PostgreSQL client's own exception, when it reaches us unconverted.
            Method method = e.getClass().getMethod("getSqlState");
            Object state = method.invoke(e);
            return state instanceof String text ? text : null;
        } catch (ReflectiveOperationException | RuntimeException notOne) {
            return null;
        }
    }

    /** What identifies the request: method, path without query, and the body as read. */
    private String fingerprint(Object request) {
        String method;
        String path;
        try {
            method = httpRequest.getMethod();
            path = uri.getRequestUri().getRawPath();
        } catch (RuntimeException noHttpRequest) {
            method = "";
            path = "";
        }
        return HexFormat.of().formatHex(sha256(method + " " + path + "\n" + write(request)));
    }

    /** The fingerprint of keys stored before V1_3: the body alone. */
    private String bodyFingerprint(Object request) {
        return HexFormat.of().formatHex(sha256(write(request)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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
