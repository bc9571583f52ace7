/**
 * Messaging's web side: conversations and files over REST, and the one WebSocket endpoint with the
 * sockets this node holds.
 * <ul>
 * <li>Pushes come up one way: the domain fires {@link org.iris.messaging.control.Push} events in the
 *     transaction that stored what they tell; {@link org.iris.messaging.boundary.SocketPushes} observes
 *     them once committed, renders them ({@link org.iris.messaging.boundary.Frames}, the wire format of
 *     {@code asyncapi.yaml}) and hands them to {@link org.iris.messaging.boundary.Fanout}, which gives them
 *     to this node's sockets and, sealed and numbered against replay, to the other nodes'.</li>
 * <li>{@link org.iris.messaging.boundary.Sockets} is the registry (whose sockets, at most
 *     {@code iris.ws.max-sockets-per-user} each); {@link org.iris.messaging.boundary.SocketDelivery} the
 *     one way a frame reaches a socket, answers included, through a queue of that socket's own
 *     ({@link org.iris.messaging.boundary.Outbound}) bounded in bytes per socket and per node;
 *     {@link org.iris.messaging.boundary.SocketChecks} closes those whose token ended or that went idle;
 *     {@link org.iris.messaging.boundary.SocketAdmission} bounds handshakes without a token per source
 *     address.</li>
 * </ul>
 */
package org.iris.messaging;
