package org.celltrial.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebAppTest {

    @Test
    void pagesMayTalkToThisOriginAndKeycloakOnly() {
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' https://id.example.org:8443; "
                + "form-action 'self' https://id.example.org:8443; base-uri 'none'; frame-ancestors 'none'",
                WebApp.contentSecurityPolicy("https://id.example.org:8443/realms/celltrial"));
    }
}
