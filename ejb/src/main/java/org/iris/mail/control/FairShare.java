package org.iris.mail.control;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Picks what to send in a round so that one flood cannot take every place: candidates are grouped
 * (by recipient domain), and the groups take turns, each in the candidates' own order. A thousand
 * mails to one domain then wait behind the one mail to another.
 */
public final class FairShare {

    private FairShare() {
    }

    public static <T> List<T> pick(List<T> candidates, Function<T, String> group, int max) {
        Map<String, Deque<T>> groups = new LinkedHashMap<>();
        for (T candidate : candidates) {
            groups.computeIfAbsent(group.apply(candidate), key -> new ArrayDeque<>()).add(candidate);
        }
        List<T> picked = new ArrayList<>(Math.min(max, candidates.size()));
        while (picked.size() < max && !groups.isEmpty()) {
            var turns = groups.values().iterator();
            while (turns.hasNext() && picked.size() < max) {
                Deque<T> next = turns.next();
                picked.add(next.removeFirst());
                if (next.isEmpty()) {
                    turns.remove();
                }
            }
        }
        return picked;
    }
}
