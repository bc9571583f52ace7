package org.iris.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageTest {

    @Test
    void offsetAndLimitAreBounded() {
        assertEquals(new Page(Page.MAX_OFFSET, Page.MAX_LIMIT), Page.of(Page.MAX_OFFSET, Page.MAX_LIMIT));
        for (int[] wrong : new int[][] {{-1, 10}, {Page.MAX_OFFSET + 1, 10}, {Integer.MAX_VALUE, 10}, {0, 0},
                {0, Page.MAX_LIMIT + 1}, {0, Integer.MIN_VALUE}}) {
            InvalidRequest refused = assertThrows(InvalidRequest.class, () -> Page.of(wrong[0], wrong[1]));
            assertEquals(1, refused.fieldErrors().size(), refused.getMessage());
        }
    }
}
