/**
 * Messaging (SPEC §4, §6, §10): conversations, their messages and files, encrypted at rest and
 * scanned before they are kept, and the pushes of the real-time API; above bubble, which it may use
 * (a bubble's participants are its conversation's), and none below uses it: it hears from them by
 * CDI events ({@link org.iris.bubble.entity.BubbleEvent}, {@link org.iris.network.entity.PresenceChanged}).
 * <ul>
 * <li>A one-to-one conversation lives in the region of the lower of its two account ids, so that
 *     both find it; a bubble's has the bubble's id and lives beside it, created and deleted with it
 *     ({@link org.iris.messaging.control.Pushes}). Who reaches a conversation is asked in one place
 *     ({@link org.iris.messaging.control.ConversationAccess}): a bubble's, of bubble
 *     ({@code BubbleStore.takingPart}), whose tables messaging never reads; writing in a one-to-one
 *     one (a message, a file, typing, a read mark), of visibility ({@code Reach}, every time).
 *     Messages are numbered under a lock of the conversation's row
 *     ({@link org.iris.messaging.control.Messages}); a client's id makes a resend harmless.</li>
 * <li>Envelope encryption with the JDK's AES-256-GCM: a data key per conversation
 *     ({@link org.iris.messaging.control.DataKeys}) wrapped by the region's key-encryption key
 *     ({@link org.iris.messaging.control.MessageKeys}); short values sealed with random nonces
 *     ({@link org.iris.messaging.control.Seal}), files in 64 KiB segments under a key of their own
 *     ({@link org.iris.messaging.control.StreamSeal}). No column or blob holds content in clear.</li>
 * <li>A file streams once through clamd ({@link org.iris.messaging.control.Clamd}, INSTREAM, fail
 *     closed) and, sealed, into the region's incoming folder ({@link org.iris.messaging.control.BlobStore});
 *     only a clean verdict keeps it ({@link org.iris.messaging.control.FileStore}).</li>
 * <li>What is sent, deleted, shared, read, typed or signalled is fired as a
 *     {@link org.iris.messaging.control.Push} event in the transaction that stored it; the web module
 *     observes it after the commit and delivers it to its sockets and the other nodes'. No callback
 *     runs from web into this module. {@link org.iris.messaging.boundary.Conversations} serves REST,
 *     {@link org.iris.messaging.boundary.Realtime} the WebSocket endpoint of the web module.</li>
 * <li>A conversation mailed to one's own address ({@link org.iris.messaging.control.Transcripts}) is a
 *     deferred outbox mail: the outbox holds ids, the messages are opened when it is sent.</li>
 * </ul>
 */
package org.iris.messaging;
