package org.iris.bubble.control;

import org.iris.bubble.entity.BubbleRole;
import org.iris.bubble.entity.Participant;
import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoverTest {

    private static final UUID BUBBLE = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Participant participant(BubbleRole role, Instant added, Instant promoted) {
        Participant participant = Participant.account(BUBBLE, UUID.randomUUID(), Region.EMEA,
                role == BubbleRole.CO_ORGANIZER ? BubbleRole.MEMBER : role, UUID.randomUUID(), added);
        if (role == BubbleRole.CO_ORGANIZER) {
            participant.promote(role, promoted);
        }
        return participant;
    }

    @Test
    void theCoOrganizerLongestInThatRoleSucceeds() {
        Participant owner = participant(BubbleRole.OWNER, T0, T0);
        Participant earlyMemberLatePromoted = participant(BubbleRole.CO_ORGANIZER, T0.plusSeconds(1), T0.plusSeconds(500));
        Participant longest = participant(BubbleRole.CO_ORGANIZER, T0.plusSeconds(100), T0.plusSeconds(200));
        Participant member = participant(BubbleRole.MEMBER, T0.plusSeconds(2), T0.plusSeconds(2));
        assertEquals(longest, Handover.successor(List.of(owner, earlyMemberLatePromoted, member, longest)).orElseThrow());
    }

    @Test
    void noCoOrganizerNoSuccessor() {
        assertTrue(Handover.successor(List.of(participant(BubbleRole.OWNER, T0, T0),
                participant(BubbleRole.MEMBER, T0, T0))).isEmpty());
    }
}
