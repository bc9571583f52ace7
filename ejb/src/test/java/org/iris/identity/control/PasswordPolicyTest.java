package org.iris.identity.control;

import org.iris.platform.control.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    private static final List<String> NOBODY = List.of();

    @Test
    void aLongMixedUnguessablePasswordPasses() {
        assertEquals(List.of(), PasswordPolicy.broken("Quartz-Lantern-Orbit-42", NOBODY));
    }

    @Test
    void twelveToSixtyFourCharactersCountedAsCharactersNotBytes() {
        assertTrue(PasswordPolicy.broken("Vx9!kq2#Lm4", NOBODY).contains("must have 12 to 64 characters"));
        assertEquals(List.of(), PasswordPolicy.broken("Vx9!kq2#Lm4$", NOBODY));
        String sixtyFour = "Ab1!" + "é".repeat(30) + "zQ8#wR5%kT2&mY7*pL4@".repeat(2).substring(0, 30);
        assertEquals(64, sixtyFour.codePointCount(0, sixtyFour.length()));
        assertTrue(PasswordPolicy.broken(sixtyFour + "x", NOBODY).contains("must have 12 to 64 characters"));
    }

    @Test
    void eachCharacterClassIsRequiredAndNamed() {
        assertTrue(PasswordPolicy.broken("QUARTZ-LANTERN-ORBIT-42", NOBODY).contains("needs a lower-case letter"));
        assertTrue(PasswordPolicy.broken("quartz-lantern-orbit-42", NOBODY).contains("needs an upper-case letter"));
        assertTrue(PasswordPolicy.broken("Quartz-Lantern-Orbit-XY", NOBODY).contains("needs a digit"));
        assertTrue(PasswordPolicy.broken("QuartzLanternOrbit42", NOBODY)
                .contains("needs a special character (neither letter nor digit)"));
    }

    @Test
    void compositionRulesAloneDoNotAdmitCommonPasswords() {
        for (String common : List.of("Password123!", "Welcome2024!", "Qwerty123456!", "P@ssw0rd1234")) {
            assertTrue(PasswordPolicy.broken(common, NOBODY).stream().anyMatch(rule -> rule.startsWith("is too easy to guess")),
                    common);
        }
    }

    @Test
    void aPasswordHoldingThePersonsOwnNamesOrEmailIsRefused() {
        List<String> person = List.of("jeanne.dupont@acme.fr", "Jeanne", "Dupont");
        for (String password : List.of("Jeanne-Quartz-1987!", "Orbit!DUPONT-2024", "Lantern#acme-Orbit9")) {
            assertTrue(PasswordPolicy.broken(password, person).contains("must not contain your name or email"), password);
        }
        assertEquals(List.of(), PasswordPolicy.broken("Quartz-Lantern-Orbit-42", person));
    }

    @Test
    void checkNamesTheFieldOfEveryBrokenRule() {
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> PasswordPolicy.check("short", "newPassword", NOBODY));
        assertTrue(refused.fieldErrors().size() >= 3);
        assertTrue(refused.fieldErrors().stream().allMatch(error -> error.field().equals("newPassword")));
        assertTrue(refused.getMessage().startsWith("The password must have 12 to 64 characters"));
    }

    @Test
    void nothingIsNotAPassword() {
        assertTrue(PasswordPolicy.broken(null, NOBODY).contains("must have 12 to 64 characters"));
    }
}
