package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** An extension number of a PBX, linked to one member of the PBX's company. */
@Entity
@Table(name = "pbx_extension")
@IdClass(PbxExtension.Key.class)
public class PbxExtension {

    /** Dial-able digits, optionally with a leading +, 1 to 32 of them. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,31}");

    /** The primary key; a class with settable fields, as JPA wants an id class (a record's fields are final). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID systemId;
        private String number;

        public Key() {
            // for JPA
        }

        public Key(UUID systemId, String number) {
            this.systemId = systemId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(systemId, key.systemId) && Objects.equals(number, key.number);
        }

        @Override
        public int hashCode() {
            return Objects.hash(systemId, number);
        }
    }

    @Id
    @Column(name = "system_id")
    private UUID systemId;

    @Id
    @Column(name = "number")
    private String number;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    protected PbxExtension() {
        // for JPA
    }

    public static String checkedNumber(String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new InvalidRequest("An extension is 1 to 31 digits, optionally after a +.",
                    List.of(new FieldError("number", "1 to 31 digits")));
        }
        return number;
    }

    public static PbxExtension link(UUID systemId, String number, UUID accountId) {
        PbxExtension extension = new PbxExtension();
        extension.systemId = systemId;
        extension.number = checkedNumber(number);
        extension.accountId = accountId;
        return extension;
    }

    public void relink(UUID newAccountId) {
        accountId = newAccountId;
    }

    public UUID systemId() {
        return systemId;
    }

    public String number() {
        return number;
    }

    public UUID accountId() {
        return accountId;
    }
}
