package org.iris.platform.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SPEC §3's derogation table, row by row. */
class VisibilityModeTest {

    @ParameterizedTest(name = "a {0} company''s member may be made: {1}")
    @CsvSource(delimiter = ';', value = {
            "PUBLIC;       PRIVATE",
            "PRIVATE;      PUBLIC",
            "CLOSED;       PUBLIC PRIVATE",
            "ISOLATED;     ''",
            "ORGANIZATION; ''",
    })
    void derogations(VisibilityMode company, String allowed) {
        Set<VisibilityMode> expected = Arrays.stream(allowed.trim().split(" "))
                .filter(name -> !name.isEmpty())
                .map(VisibilityMode::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VisibilityMode.class)));
        assertEquals(expected, company.memberOverrides());
    }
}
