package org.iris.company.boundary;

import jakarta.validation.constraints.Pattern;
import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An annotation cannot be computed from {@link Region}, and the pattern is what the OpenAPI
 * document shows a client; so the pattern and its message are checked against the enum here.
 */
class CompanyCreationTest {

    @Test
    void regionPatternListsExactlyTheRegions() throws Exception {
        Pattern pattern = CompanyCreation.class.getField("region").getAnnotation(Pattern.class);
        List<String> names = Arrays.stream(Region.values()).map(Region::name).toList();
        assertEquals("(?i)" + String.join("|", names), pattern.regexp());
        assertEquals("must be one of " + String.join(", ", names), pattern.message());
    }
}
