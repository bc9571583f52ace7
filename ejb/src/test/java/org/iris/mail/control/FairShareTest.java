package org.iris.mail.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairShareTest {

    @Test
    void aFloodToOneDomainTakesOnePlaceARound() {
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            candidates.add("flood" + i + "@spam.example");
        }
        candidates.add(500, "ada@example.org");
        candidates.add("bob@example.net");
        List<String> picked = FairShare.pick(candidates, address -> address.substring(address.indexOf('@') + 1), 20);
        assertEquals(20, picked.size());
        assertTrue(picked.indexOf("ada@example.org") < 3, picked.toString());
        assertTrue(picked.indexOf("bob@example.net") < 3, picked.toString());
        assertEquals("flood0@spam.example", picked.get(0), "each group in its own order");
    }

    @Test
    void fewerCandidatesThanPlacesAreAllTaken() {
        assertEquals(List.of("a@x.example", "b@y.example", "c@x.example"),
                FairShare.pick(List.of("a@x.example", "c@x.example", "b@y.example"), a -> a.substring(2), 20));
    }
}
