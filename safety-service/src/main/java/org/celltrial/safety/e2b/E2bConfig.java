package org.celltrial.safety.e2b;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/** Who sends E2B(R3) reports to whom, and the study and products they name ({@code celltrial.safety.e2b.*}). */
@ConfigMapping(prefix = "celltrial.safety.e2b")
public interface E2bConfig {

    /** N.1.3 / N.2.r.2: the sender's identifier as agreed with the receiver. */
    String senderId();

    /** N.1.4 / N.2.r.3: the receiver's identifier (the sponsor's safety database or a regulator's gateway). */
    String receiverId();

    /** The first part of the worldwide case ID (C.1.8.1): country code and sender, e.g. {@code US-CELLTRIAL}. */
    String caseIdPrefix();

    /** C.5.1.r.1: the study's registration number (NCT06352281). */
    String studyRegistrationNumber();

    /** C.5.1.r.2: the country of that registration (ISO 3166-1 alpha-2). */
    String studyRegistrationCountry();

    /** C.5.2: the study's name. */
    String studyTitle();

    /** G.k.2.2 of the suspect product. */
    String productName();

    /** G.k.2.2 of each lymphodepletion agent the protocol gives (days -5 to -3). */
    List<String> lymphodepletionAgents();

    /** How many days lymphodepletion lasts from its first day (G.k.4.r.5 = first day + days - 1). */
    int lymphodepletionDays();
}
