package org.celltrial.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VerifiedTokenMechanismTest {

    @Test
    void readsTheTokenOfABearerHeaderInAnyCaseOfTheScheme() {
        assertEquals("eyJ.a.b", VerifiedTokenMechanism.bearerToken("Bearer eyJ.a.b"));
        assertEquals("eyJ.a.b", VerifiedTokenMechanism.bearerToken("bearer eyJ.a.b"));
        assertEquals("eyJ.a.b", VerifiedTokenMechanism.bearerToken("BEARER eyJ.a.b "));
    }

    @Test
    void leavesEveryOtherHeaderToQuarkusOidc() {
        assertNull(VerifiedTokenMechanism.bearerToken(null));
        assertNull(VerifiedTokenMechanism.bearerToken(""));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearer"));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearer   "));
        assertNull(VerifiedTokenMechanism.bearerToken("Basic dXNlcjpwYXNz"));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearereyj.a.b"));
    }
}
