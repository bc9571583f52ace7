package org.iris.visibility.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

import org.iris.platform.control.Forbidden;
import org.iris.platform.control.NotFound;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.VisibilityRules.Invite;
import org.iris.visibility.control.VisibilityRules.Relation;

/**
 * The one answer to "may this user reach that one, this way" (SPEC §3), asked by every feature that
 * lets one user reach another: network invitations, adding to a bubble, one-to-one messages, files,
 * typing and read marks. Never across the China or HDS boundary, never a closed account, never an
 * isolated user ({@link VisibilityRules} decides). An unknown id and one the caller may not reach
 * are told alike: there is no such user.
 */
@ApplicationScoped
public class Reach {

    /** How one user reaches another. */
    public enum Way {
        /** By an id they found by search or in their network: where the rules let them invite them from search, or they are in the network. */
        BY_ID,
        /** By typing their exact email: where the rules let them invite them at all (private and closed users too). */
        BY_EMAIL,
        /** Writing in their one-to-one conversation (a message, a file, typing, a read mark): as {@link #BY_ID}, asked again every time, since a network or a mode may have changed. */
        WRITE
    }

    @Inject
    Parties parties;

    /**
     * The user of that id, where {@code from} may reach them that way.
     *
     * @return empty for an unknown or closed account, and for one the rules hide, alike
     */
    public Optional<Located> find(Located from, UUID to, Way way) {
        return parties.find(to).filter(target -> allows(from, target, way));
    }

    /**
     * The user of that id, where the caller may reach them that way.
     *
     * @throws NotFound ("user") for an unknown, closed or hidden user alike, and for a caller whose account closed
     */
    public Located get(UUID from, UUID to, Way way) {
        Located caller = parties.find(from).orElseThrow(() -> new NotFound("user"));
        return find(caller, to, way).orElseThrow(() -> new NotFound("user"));
    }

    /**
     * Whether the caller may still write to the peer of their one-to-one conversation.
     *
     * @throws Forbidden where they may not (the conversation itself stays theirs to read)
     */
    public void write(UUID from, UUID peer) {
        boolean may = parties.find(from).flatMap(caller -> find(caller, peer, Way.WRITE)).isPresent();
        if (!may) {
            throw new Forbidden("The visibility rules do not let you write to this user: invite them to your network first.");
        }
    }

    /** Whether {@code from} may reach {@code to} that way, the two known already. */
    public boolean allows(Located from, Located to, Way way) {
        if (from.account().region().separatedFrom(to.account().region())) {
            return false;
        }
        Relation relation = parties.relation(from.party(), to.party());
        Invite invite = VisibilityRules.decide(from.party(), to.party(), relation).invite();
        return switch (way) {
            case BY_EMAIL -> invite != Invite.NO;
            case BY_ID, WRITE -> invite == Invite.YES || (invite == Invite.BY_EMAIL && relation.inNetwork());
        };
    }
}
