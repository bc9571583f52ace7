package org.iris.bubble.boundary;

import org.iris.bubble.control.TurnCredentials.IceServer;
import org.iris.bubble.entity.Attendee;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.Participant;
import org.iris.platform.boundary.Codes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** How bubbles, participants and conferences appear on the wire. */
public final class BubbleViews {

    private BubbleViews() {
    }

    /** A bubble as one participant sees it; {@code region} is where its data lives. */
    public record BubbleView(UUID id, String name, String topic, String status, UUID ownerId, String myRole,
                             long participants, String region, OffsetDateTime createdAt, OffsetDateTime changedAt) {
        static BubbleView of(Bubbles.View view) {
            Bubble bubble = view.bubble();
            return new BubbleView(bubble.id(), bubble.name(), bubble.topic().orElse(null), Codes.of(bubble.status()),
                    bubble.ownerId(), Codes.of(view.mine().role()), view.participants(), view.region().name(),
                    bubble.createdAt(), bubble.changedAt());
        }
    }

    /**
     * A participant. A guest shows as invited, whether or not their mail went (that would tell who has
     * an account); their address only to the owner and co-organizers, who manage participants.
     */
    public record ParticipantView(UUID id, String kind, String role, String firstName, String lastName, String email,
                                  OffsetDateTime addedAt) {
        static ParticipantView of(Bubbles.Member member, boolean organizer) {
            Participant participant = member.participant();
            return new ParticipantView(participant.participantId(), Codes.of(participant.kind()), Codes.of(participant.role()),
                    member.account().map(account -> account.name().first()).orElse(null),
                    member.account().map(account -> account.name().last()).orElse(null),
                    organizer ? participant.email().orElse(null) : null, participant.addedAt());
        }
    }

    public record AttendeeView(UUID participantId, OffsetDateTime arrivedAt) {
        static AttendeeView of(Attendee attendee) {
            return new AttendeeView(attendee.participantId(), attendee.arrivedAt());
        }
    }

    /** One of WebRTC's {@code iceServers}, with TURN REST credentials. */
    public record IceServerView(List<String> urls, String username, String credential, OffsetDateTime expiresAt) {
        static IceServerView of(IceServer server) {
            return new IceServerView(server.urls(), server.username(), server.credential(),
                    server.expiresAt().atOffset(ZoneOffset.UTC));
        }
    }

    /**
     * The conference: started or not, who is in and who waits (in arrival order), where the caller
     * is ({@code in}, {@code waiting} or null), and their ICE servers once in.
     */
    public record ConferenceView(UUID bubbleId, boolean started, List<AttendeeView> in, List<AttendeeView> waiting,
                                 String me, List<IceServerView> iceServers) {
        static ConferenceView of(Conferences.State state) {
            return new ConferenceView(state.bubbleId(), state.started(), state.in().stream().map(AttendeeView::of).toList(),
                    state.waiting().stream().map(AttendeeView::of).toList(),
                    state.me().map(attendee -> Codes.of(attendee.state())).orElse(null),
                    state.iceServers().stream().map(IceServerView::of).toList());
        }
    }

    /** The owner's conference link: the address to share, and its token, which the API resolves. */
    public record LinkView(String link, String token) {
    }

    /**
     * A guest's token, in the shape OAuth 2 clients know, with the guest and their bubble, and where to
     * create an account with the invited address, which makes the guest a member.
     */
    public record GuestTokenView(String accessToken, String tokenType, long expiresIn, UUID guestId, UUID bubbleId,
                                 String register) {
    }
}
