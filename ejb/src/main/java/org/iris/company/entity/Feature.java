package org.iris.company.entity;

/** What a licence opens to its holder (SPEC §1: the offer decides the features). */
public enum Feature {
    /** One-to-one and bubble instant messages. */
    MESSAGING,
    /** Bubbles (group conversations). */
    BUBBLES,
    /** Sharing files in conversations. */
    FILE_SHARING,
    /** Starting and joining conferences in bubbles. */
    CONFERENCES,
    /** Telephony through the company's PBX: being linked to an extension. */
    TELEPHONY
}
