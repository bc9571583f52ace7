package org.iris.messaging.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iris.bubble.control.Visitor;
import org.iris.platform.entity.Roles;
import org.iris.messaging.control.ConversationAccess;
import org.iris.messaging.control.ConversationAccess.Opened;
import org.iris.messaging.control.ConversationList;
import org.iris.messaging.control.Messages;
import org.iris.messaging.control.Messages.History;
import org.iris.messaging.control.Messages.Sent;
import org.iris.messaging.control.ReadMarks;
import org.iris.messaging.control.FileStore;
import org.iris.messaging.control.Transcripts;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.GuestRole;
import org.iris.platform.entity.Language;

/**
 * Conversations over REST (SPEC §6): start a one-to-one one, list one's own, read the history, send,
 * mark read, delete one's own last message; share, list, download and delete files. What is sent or deleted is pushed, once committed, to
 * every socket of everyone who takes part, on every node. A guest reaches their bubble's conversation
 * only.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN, GuestRole.NAME})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Conversations {

    @Inject
    ConversationAccess access;

    @Inject
    ConversationList conversations;

    @Inject
    Messages messages;

    @Inject
    ReadMarks reads;

    @Inject
    Realtime realtime;

    @Inject
    FileStore files;

    @Inject
    Transcripts transcripts;

    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
    public Opened direct(Caller caller, UUID userId) {
        return access.direct(caller.accountId(), userId);
    }

    public Opened read(Visitor visitor, UUID id) {
        return access.open(visitor, id);
    }

    public long readSeq(Visitor visitor, Opened opened) {
        return reads.readSeq(visitor, opened);
    }

    public ConversationList.Page list(Visitor visitor, Optional<String> after, int limit) {
        return conversations.list(visitor, after, limit);
    }

    public History history(Visitor visitor, UUID id, Optional<Long> before, int limit) {
        return messages.history(visitor, id, before, limit);
    }

    public Sent send(Visitor visitor, UUID id, String clientId, String body) {
        return realtime.send(visitor, id, clientId, body, Optional.empty());
    }

    public void deleteLast(Visitor visitor, UUID id, UUID messageId) {
        realtime.deleteLast(visitor, id, messageId);
    }

    public FileStore.Shared upload(Visitor visitor, UUID id, String name, String mediaType, InputStream content) {
        return files.upload(visitor, id, name, mediaType, content);
    }

    public List<FileStore.Shared> files(Visitor visitor, UUID id) {
        return files.list(visitor, id);
    }

    public FileStore.Download download(Visitor visitor, UUID id, UUID fileId) {
        return files.download(visitor, id, fileId);
    }

    public void deleteFile(Visitor visitor, UUID id, UUID fileId) {
        files.delete(visitor, id, fileId);
    }

    /** The conversation, to the caller's own mailbox; accounts only. */
    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
    public void transcript(Visitor visitor, UUID id, Optional<Language> language) {
        transcripts.request(visitor, id, language);
    }

    public long maxFileBytes() {
        return files.maxBytes();
    }

    public void markRead(Visitor visitor, UUID id, long seq) {
        realtime.markRead(visitor, id, seq);
    }
}
