package org.iris.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

/**
 * Verifies the tokens of this node's sockets again every {@code iris.token.revocation-refresh-seconds}
 * ({@link Sockets#check}): a timer of this node only, not persistent, since the sockets are this
 * node's alone and a restart closes them anyway.
 */
@Singleton
@Startup
public class SocketChecks {

    @Resource
    TimerService timers;

    @Inject
    Sockets sockets;

    @PostConstruct
    void schedule() {
        long every = sockets.checkSeconds() * 1000;
        timers.createIntervalTimer(every, every, new TimerConfig("socket-checks", false));
    }

    @Timeout
    void check() {
        sockets.check();
    }
}
