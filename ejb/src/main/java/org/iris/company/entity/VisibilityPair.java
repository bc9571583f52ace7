package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Global: "visibility by" (SPEC §3): the members of two companies see each other whatever their
 * modes. One row per pair, in a canonical order, so that a pair cannot be stored twice.
 */
@Entity
@Table(name = "visibility_pair")
@IdClass(VisibilityPair.Key.class)
public class VisibilityPair {

    /** The primary key; a class with settable fields, as JPA wants an id class (a record's fields are final). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID companyId;
        private UUID otherId;

        public Key() {
            // for JPA
        }

        private Key(UUID companyId, UUID otherId) {
            this.companyId = companyId;
            this.otherId = otherId;
        }

        /** The same pair whichever way round it is named: the smaller id as text first. */
        public static Key of(UUID one, UUID two) {
            return one.toString().compareTo(two.toString()) < 0 ? new Key(one, two) : new Key(two, one);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(companyId, key.companyId) && Objects.equals(otherId, key.otherId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(companyId, otherId);
        }
    }

    @Id
    @Column(name = "company_id")
    private UUID companyId;

    @Id
    @Column(name = "other_id")
    private UUID otherId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected VisibilityPair() {
        // for JPA
    }

    public static VisibilityPair of(Key key, Instant now) {
        VisibilityPair pair = new VisibilityPair();
        pair.companyId = key.companyId;
        pair.otherId = key.otherId;
        pair.createdAt = now.atOffset(ZoneOffset.UTC);
        return pair;
    }

    /** The company of the pair that is not the given one. */
    public UUID other(UUID company) {
        return company.equals(companyId) ? otherId : companyId;
    }
}
