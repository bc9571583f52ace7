package org.iris.bubble.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A group conversation (SPEC §5), in its owner's region at creation for good, with the state of its
 * conference: whether an organizer started it, and how many have come in since (the lobby's order).
 */
@Entity
@Table(name = "bubble")
public class Bubble {

    public enum Status {
        ACTIVE, ARCHIVED
    }

    public static final int NAME_MAX = 100;
    public static final int TOPIC_MAX = 1000;

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(nullable = false)
    private String name;

    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "conference_link", nullable = false)
    private String conferenceLink;

    @Column(name = "conference_started")
    private OffsetDateTime conferenceStarted;

    @Column(name = "conference_arrivals", nullable = false)
    private long conferenceArrivals;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    private long version;

    protected Bubble() {
        // for JPA
    }

    public static Bubble create(UUID id, UUID ownerId, String name, String topic, String conferenceLink, Instant now) {
        Bubble bubble = new Bubble();
        bubble.id = id;
        bubble.ownerId = ownerId;
        bubble.name = name;
        bubble.topic = topic;
        bubble.status = Status.ACTIVE;
        bubble.conferenceLink = conferenceLink;
        bubble.createdAt = now.atOffset(ZoneOffset.UTC);
        bubble.changedAt = bubble.createdAt;
        return bubble;
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    public Status status() {
        return status;
    }

    public boolean archived() {
        return status == Status.ARCHIVED;
    }

    public String conferenceLink() {
        return conferenceLink;
    }

    public Optional<OffsetDateTime> conferenceStarted() {
        return Optional.ofNullable(conferenceStarted);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }

    public long version() {
        return version;
    }

    public void describe(String name, Optional<String> topic, boolean topicGiven, Instant now) {
        if (name != null) {
            this.name = name;
        }
        if (topicGiven) {
            this.topic = topic.orElse(null);
        }
        changed(now);
    }

    public void archive(Instant now) {
        status = Status.ARCHIVED;
        conferenceStarted = null;
        changed(now);
    }

    public void ownedBy(UUID owner, Instant now) {
        ownerId = owner;
        changed(now);
    }

    public void conferenceLink(String link, Instant now) {
        conferenceLink = link;
        changed(now);
    }

    /** @return the arrival number of the one who comes in now */
    public long arrive() {
        return ++conferenceArrivals;
    }

    public void conferenceStarted(Instant now) {
        if (conferenceStarted == null) {
            conferenceStarted = now.atOffset(ZoneOffset.UTC);
        }
    }

    public void conferenceEnded() {
        conferenceStarted = null;
    }

    private void changed(Instant now) {
        changedAt = now.atOffset(ZoneOffset.UTC);
    }
}
