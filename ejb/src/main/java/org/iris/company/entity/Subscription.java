package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iris.company.control.TermsChanges;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.InvalidRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A company's subscription to an offer: a number of seats, billed monthly or prepaid. In the company's region. */
@Entity
@EntityListeners(TermsChanges.class)
@Table(name = "subscription")
public class Subscription {

    public enum Billing {
        MONTHLY, PREPAID
    }

    public enum Status {
        ACTIVE, CANCELED
    }

    public static final int MAX_SEATS = 100_000;

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Offer offer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Billing billing;

    @Column(nullable = false)
    private int seats;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Subscription() {
        // for JPA
    }

    public static Subscription create(UUID companyId, Offer offer, Billing billing, int seats, Instant now) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.companyId = companyId;
        subscription.offer = offer;
        subscription.billing = billing;
        subscription.seats = checkedSeats(seats);
        subscription.status = Status.ACTIVE;
        subscription.createdAt = now.atOffset(ZoneOffset.UTC);
        return subscription;
    }

    private static int checkedSeats(int seats) {
        if (seats < 1 || seats > MAX_SEATS) {
            throw new InvalidRequest("A subscription has 1 to " + MAX_SEATS + " seats.",
                    List.of(new FieldError("seats", "1 to " + MAX_SEATS)));
        }
        return seats;
    }

    /**
     * @param allocated how many licences of this subscription are allocated now: fewer seats than
     *                  that would leave members licensed beyond what is paid for
     */
    public void resize(int newSeats, long allocated) {
        checkedSeats(newSeats);
        if (newSeats < allocated) {
            throw new Conflict("Release licences first: " + allocated + " are allocated.");
        }
        seats = newSeats;
    }

    public void bill(Billing newBilling) {
        billing = newBilling;
    }

    /** Ends the subscription; its licences must have been released by the caller in the same transaction. */
    public void cancel() {
        status = Status.CANCELED;
    }

    /** @throws Conflict when no seat is free or the subscription has ended */
    public void checkSeatFree(long allocated) {
        if (status != Status.ACTIVE) {
            throw new Conflict("The subscription is canceled.");
        }
        if (allocated >= seats) {
            throw new Conflict("Every seat of the subscription is allocated.");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public Offer offer() {
        return offer;
    }

    public Billing billing() {
        return billing;
    }

    public int seats() {
        return seats;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
