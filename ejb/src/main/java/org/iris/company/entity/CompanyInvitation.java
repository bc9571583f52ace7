package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An invitation by email to join a company: whoever holds the mailed token creates their account in
 * that company, with that email. Stored in the company's region, the token only as its hash.
 */
@Entity
@Table(name = "company_invitation")
public class CompanyInvitation {

    public static final Duration VALIDITY = Duration.ofDays(7);

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_hash", nullable = false)
    private String emailHash;

    /** Space-separated roles the new member gets besides {@code user}. */
    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private String language;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CompanyInvitation() {
        // for JPA
    }

    public static CompanyInvitation of(String tokenHash, UUID companyId, EmailAddress email, String emailHash,
                                       Set<String> roles, Language language, Instant now) {
        CompanyInvitation invitation = new CompanyInvitation();
        invitation.tokenHash = tokenHash;
        invitation.companyId = companyId;
        invitation.email = email.value();
        invitation.emailHash = emailHash;
        invitation.roles = String.join(" ", new TreeSet<>(roles));
        invitation.language = language.code();
        invitation.createdAt = now.atOffset(ZoneOffset.UTC);
        invitation.expiresAt = now.plus(VALIDITY).atOffset(ZoneOffset.UTC);
        return invitation;
    }

    /**
     * The invitation's public id: the first 128 bits of its token's hash, which name it without
     * letting anyone derive the token.
     */
    public UUID id() {
        return idOf(tokenHash);
    }

    public static UUID idOf(String tokenHash) {
        return new UUID(Long.parseUnsignedLong(tokenHash.substring(0, 16), 16),
                Long.parseUnsignedLong(tokenHash.substring(16, 32), 16));
    }

    /** The beginning of the token hash of the invitation of that id, to find it by. */
    public static String hashPrefix(UUID id) {
        return String.format("%016x%016x", id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }

    public UUID companyId() {
        return companyId;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String emailHash() {
        return emailHash;
    }

    public Set<String> roles() {
        return Arrays.stream(roles.split(" ")).filter(role -> !role.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Language language() {
        return Language.of(language);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
