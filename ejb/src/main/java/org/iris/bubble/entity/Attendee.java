package org.iris.bubble.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A participant in the bubble's conference, or waiting in its lobby, with the order they came in. */
@Entity
@Table(name = "conference_attendee")
@IdClass(Participant.Key.class)
public class Attendee {

    public enum State {
        IN, WAITING
    }

    @Id
    @Column(name = "bubble_id")
    private UUID bubbleId;

    @Id
    @Column(name = "participant_id")
    private UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private long arrival;

    @Column(name = "arrived_at", nullable = false)
    private OffsetDateTime arrivedAt;

    protected Attendee() {
        // for JPA
    }

    public static Attendee arrived(UUID bubbleId, UUID participantId, State state, long arrival, Instant now) {
        Attendee attendee = new Attendee();
        attendee.bubbleId = bubbleId;
        attendee.participantId = participantId;
        attendee.state = state;
        attendee.arrival = arrival;
        attendee.arrivedAt = now.atOffset(ZoneOffset.UTC);
        return attendee;
    }

    public UUID bubbleId() {
        return bubbleId;
    }

    public UUID participantId() {
        return participantId;
    }

    public State state() {
        return state;
    }

    public boolean in() {
        return state == State.IN;
    }

    public long arrival() {
        return arrival;
    }

    public OffsetDateTime arrivedAt() {
        return arrivedAt;
    }

    public void admit() {
        state = State.IN;
    }
}
