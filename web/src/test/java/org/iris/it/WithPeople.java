package org.iris.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** An integration test whose people register, log in and read their mail, in companies it creates. */
public abstract class WithPeople extends IrisIT {

    protected People people;
    protected Tenants tenants;
    protected final String superadmin = Tokens.superadmin();

    @BeforeAll
    static void mailServer() {
        Mailbox.start();
    }

    @BeforeEach
    void people() {
        people = new People(api);
        tenants = new Tenants(api);
    }
}
