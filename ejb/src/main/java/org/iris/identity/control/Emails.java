package org.iris.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.control.Secrets;

/** The keyed hash under which an email is known outside its region. */
@ApplicationScoped
public class Emails {

    @Inject
    Secrets secrets;

    public String hash(EmailAddress email) {
        return secrets.keyedHash("email", email.value());
    }
}
