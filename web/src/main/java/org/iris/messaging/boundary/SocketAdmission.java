package org.iris.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.control.AccessToken;
import org.iris.identity.control.Throttles;
import org.iris.identity.entity.Backoff;
import org.iris.platform.boundary.ContainerErrors;
import org.iris.platform.boundary.SourceAddresses;
import org.iris.platform.control.TooManyAttempts;

/**
 * Handshakes of {@code /ws} that offer no token, counted per source address before the upgrade, with
 * the throttle counters every node shares: at most {@code iris.ws.address.max-handshakes-per-minute}
 * a minute (60). Such a socket must authenticate within {@value Sockets#AUTH_SECONDS} seconds, so one
 * address holds at most a sixth of that many at once on all nodes together; beyond, the handshake is
 * answered 429 with {@code Retry-After} and no socket. A handshake whose token was verified before (an
 * invalid one answers 401) counts toward its account or guest instead, {@code
 * iris.ws.max-handshakes-per-user-per-minute} (60): a socket closed for not reading is not reopened
 * for free; any other, whatever its headers offer, counts toward its address.
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class SocketAdmission extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    Throttles throttles;

    @Inject
    SourceAddresses addresses;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.ws.address.max-handshakes-per-minute")
    int maxPerMinute;

    @Inject
    @ConfigProperty(name = "iris.ws.max-handshakes-per-user-per-minute")
    int maxPerAccount;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            // authenticated already (an invalid token was answered 401): whatever else the headers offer
            Throttles.Limit limit = request.getUserPrincipal() instanceof AccessToken token
                    ? new Throttles.Limit("ws-account:" + token.getSubject(), perMinute(maxPerAccount))
                    : new Throttles.Limit("ws-address:" + Throttles.network(addresses.of(request)), perMinute(maxPerMinute));
            try {
                throttles.take(clock.instant(), "Too many sockets were opened from here; try again later.", limit);
            } catch (TooManyAttempts refused) {
                response.setHeader("Retry-After", String.valueOf(refused.retryAfter().orElse(MINUTE).toSeconds()));
                request.setAttribute(ContainerErrors.DETAIL, refused.getMessage());
                response.sendError(429);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Backoff perMinute(int max) {
        return new Backoff(max - 1, MINUTE, MINUTE, MINUTE);
    }
}
