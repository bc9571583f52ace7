package org.iris.residency.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.function.Supplier;

/**
 * One transaction per data boundary. A boundary method that writes to a region and to
 * {@code global} runs without a transaction of its own and hands each write to this bean, region
 * first, so that a crash in between leaves only what the scheduled repair derives again.
 */
@Stateless
public class Transactions {

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T commit(Supplier<T> work) {
        return work.get();
    }

    /** {@link #commit} for work that answers nothing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(Runnable work) {
        work.run();
    }
}
