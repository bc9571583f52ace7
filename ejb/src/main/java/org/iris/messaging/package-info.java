/**
 * Messaging (SPEC §6): messages and files, their encryption at rest and their antivirus scan, above
 * bubble. So far only the scan: {@link org.iris.messaging.control.Clamd} streams a file to clamd
 * (INSTREAM) and takes nothing but a clear OK as clean; the conversations, the WebSocket endpoint,
 * encryption and the file store come with the real-time messaging issue.
 */
package org.iris.messaging;
