package org.celltrial.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdTest {

    @ParameterizedTest
    @ValueSource(strings = { "trace-42", "a", "0f8fad5b-d9cb-469f-a165-70867728950e", "span:1.2_3-x",
            "ABC.def_GHI:jkl-012" })
    void keepsASafeId(String given) {
        assertTrue(RequestId.isValid(given));
        assertEquals(given, RequestId.acceptOrNew(given));
    }

    @Test
    void keepsAnIdOfExactlyTheMaximumLength() {
        String longest = "x".repeat(RequestId.MAX_LENGTH);
        assertEquals(longest, RequestId.acceptOrNew(longest));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "trace 42", "trace\n42", "trace\r\nX-Injected: 1", "a\tb", "<script>alert(1)</script>",
            "=HYPERLINK(\"x\")", "id;drop table audit_log", "id%0d%0a", "ünïcode", "trace/42", "a\"b", "a,b",
            "${jndi:ldap://x}", "\u0000" })
    void replacesAnUnsafeOrMissingIdWithANewUuid(String given) {
        assertFalse(RequestId.isValid(given));
        String id = RequestId.acceptOrNew(given);
        assertNotEquals(given, id);
        assertEquals(id, UUID.fromString(id).toString(), "a fresh random UUID: " + id);
    }

    @Test
    void replacesAnIdOneCharacterTooLong() {
        String tooLong = "x".repeat(RequestId.MAX_LENGTH + 1);
        assertFalse(RequestId.isValid(tooLong));
        assertNotEquals(tooLong, RequestId.acceptOrNew(tooLong));
    }

    @Test
    void eachReplacementIsNew() {
        assertNotEquals(RequestId.acceptOrNew("bad id"), RequestId.acceptOrNew("bad id"));
    }
}
