package org.iris.identity.entity;

import org.iris.platform.entity.Language;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Roles;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.Region;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A user account, stored in its company's region only. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.WITH_ROLES, query = "SELECT a FROM Account a LEFT JOIN FETCH a.roles WHERE a.id = :id")
public class Account {

    /** The account and its roles in one query (an eager collection is otherwise a second one). */
    public static final String WITH_ROLES = "Account.withRoles";


    public enum Status {
        ACTIVE, CLOSED
    }

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_hash", nullable = false)
    private String emailHash;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    private String title;

    @Column(nullable = false)
    private String language;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "reset_required", nullable = false)
    private boolean resetRequired;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "token_generation", nullable = false)
    private int tokenGeneration;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** The member's own mode (SPEC §3's derogations); {@code null}: the company's. */
    @Enumerated(EnumType.STRING)
    @Column(name = "visibility_mode")
    private VisibilityMode visibilityMode;

    @Column(name = "file_sharing_forbidden", nullable = false)
    private boolean fileSharingForbidden;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    private Set<String> roles = new TreeSet<>();

    @Version
    private long version;

    /** Not persisted: the region is the boundary the account was read from or written to. */
    private transient Region region;

    protected Account() {
        // for JPA
    }

    /**
     * A new active account of a company, holding the {@code user} role and the given others.
     *
     * @param passwordHash {@code null} for an account that has no password yet
     */
    public static Account create(Home home, EmailAddress email, String emailHash, PersonName name,
                                 Language language, String passwordHash, Instant now, String... extraRoles) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.companyId = home.companyId();
        account.region = home.region();
        account.email = email.value();
        account.emailHash = emailHash;
        account.firstName = name.first();
        account.lastName = name.last();
        account.language = language.code();
        account.passwordHash = passwordHash;
        account.status = Status.ACTIVE;
        account.createdAt = now.atOffset(ZoneOffset.UTC);
        account.roles.add(Roles.USER);
        account.roles.addAll(Set.of(extraRoles));
        return account;
    }

    /** Says which boundary this account was read from; JPA does not know it. */
    public Account in(Region region) {
        this.region = region;
        return this;
    }

    public boolean canLogIn() {
        return status == Status.ACTIVE && passwordHash != null;
    }

    /** Sets a new password hash and ends every outstanding token of the account. */
    public void changePassword(String newHash) {
        passwordHash = newHash;
        resetRequired = false;
        revokeTokens();
    }

    /** Keeps the password (a stronger hash of the same one) and every token. */
    public void rehash(String strongerHash) {
        passwordHash = strongerHash;
    }

    /** The account must choose a new password (by PIN) before it can log in again; its tokens end now. */
    public void requireReset() {
        resetRequired = true;
        revokeTokens();
    }

    public void close() {
        status = Status.CLOSED;
        revokeTokens();
    }

    private void revokeTokens() {
        tokenGeneration++;
    }

    /**
     * Gives the account exactly these roles, {@code user} always among them. Tokens that carry the old
     * roles end; a refresh gives a token with the new ones.
     */
    public void changeRoles(Set<String> newRoles) {
        roles.clear();
        roles.add(Roles.USER);
        roles.addAll(newRoles);
        revokeTokens();
    }

    /** @param mode the member's own mode, already checked against the company's; {@code null} inherits it */
    public void see(VisibilityMode mode) {
        visibilityMode = mode;
    }

    public void forbidFileSharing(boolean forbidden) {
        fileSharingForbidden = forbidden;
    }

    public void rename(PersonName name) {
        firstName = name.first();
        lastName = name.last();
    }

    /** @param newTitle {@code null} or blank removes the title */
    public void retitle(String newTitle) {
        String stripped = newTitle == null ? "" : newTitle.strip();
        if (stripped.length() > PersonName.MAX) {
            throw new InvalidRequest("A title has at most " + PersonName.MAX + " characters.",
                    List.of(new FieldError("title", "at most " + PersonName.MAX + " characters")));
        }
        title = stripped.isEmpty() ? null : stripped;
    }

    public void speak(Language newLanguage) {
        language = newLanguage.code();
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public Region region() {
        return region;
    }

    public String email() {
        return email;
    }

    public String emailHash() {
        return emailHash;
    }

    public PersonName name() {
        return new PersonName(firstName, lastName);
    }

    public String title() {
        return title;
    }

    public Language language() {
        return Language.of(language);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean resetRequired() {
        return resetRequired;
    }

    public Status status() {
        return status;
    }

    public int tokenGeneration() {
        return tokenGeneration;
    }

    public Optional<VisibilityMode> visibilityMode() {
        return Optional.ofNullable(visibilityMode);
    }

    public boolean fileSharingForbidden() {
        return fileSharingForbidden;
    }

    public Set<String> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
