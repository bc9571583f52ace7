package org.iris.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** An integration test whose people register, log in and read their mail. */
public abstract class WithPeople extends IrisIT {

    protected People people;

    @BeforeAll
    static void mailServer() {
        Mailbox.start();
    }

    @BeforeEach
    void people() {
        people = new People(api);
    }
}
