package org.iris.messaging.boundary;

import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The WebSocket handshake of {@code /ws}: the client offers the subprotocol {@value #PROTOCOL}, and
 * may offer its token beside it as {@code bearer.<token>}, which {@code BearerAuthentication}
 * verifies before the upgrade (an invalid one answers 401). Only {@value #PROTOCOL} is echoed back,
 * never the token.
 */
public class SocketHandshake extends ServerEndpointConfig.Configurator {

    public static final String PROTOCOL = "iris.v1";

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return requested.contains(PROTOCOL) ? PROTOCOL : "";
    }
}
