package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.identity.entity.EmailAddress;
import org.iris.platform.control.Secrets;

/** The keyed hashes under which emails and source addresses are known outside their region. */
@ApplicationScoped
public class Emails {

    @Inject
    Secrets secrets;

    public String hash(EmailAddress email) {
        return secrets.keyedHash("email", email.value());
    }

    public String addressHash(String sourceAddress) {
        return secrets.keyedHash("address", sourceAddress == null ? "" : sourceAddress);
    }
}
