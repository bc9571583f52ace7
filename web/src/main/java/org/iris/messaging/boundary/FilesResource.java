package org.iris.messaging.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.iris.platform.control.BusinessException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.iris.bubble.boundary.Visitors;
import org.iris.messaging.boundary.MessagingViews.FileView;
import org.iris.messaging.control.FileStore;

/**
 * Files of a conversation (SPEC §6): uploaded as the part {@code file} of a multipart body, streamed
 * through clamd and sealed as it comes; listed; downloaded decrypted as it streams, always as an
 * attachment of type {@code application/octet-stream} (the type the uploader gave is only told);
 * deleted by their uploader.
 */
@Path("conversations/{id}/files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

    @Inject
    Conversations conversations;

    @Inject
    Visitors visitors;

    /** 201 with the file once scanned clean, sealed and kept; 422 naming what clamd found; 503 without clamd. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") UUID id, @HeaderParam("Content-Type") String type, InputStream body,
                           @Context UriInfo uri) throws IOException {
        var visitor = visitors.current();
        Multipart.Part part = Multipart.file(type, body);
        FileView view;
        try {
            view = FileView.of(conversations.upload(visitor, id, part.filename(), part.contentType().orElse(null),
                    part.content()));
        } catch (BusinessException refused) {
            // a client still sending hears the answer once the part is read, up to the largest file: no further
            Multipart.skipRest(part.content(), conversations.maxFileBytes());
            throw refused;
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    public List<FileView> list(@PathParam("id") UUID id) {
        return conversations.files(visitors.current(), id).stream().map(FileView::of).toList();
    }

    @GET
    @Path("{fileId}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        FileStore.Download download = conversations.download(visitors.current(), id, fileId);
        StreamingOutput content = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(content, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", disposition(download.file().name()))
                .header("Content-Length", download.file().size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * An attachment named as uploaded (RFC 6266): {@code filename*} in UTF-8, percent-encoded beyond
     * RFC 8187's attribute characters, and a plain ASCII {@code filename} for older clients.
     */
    static String disposition(String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
        String ascii = name.chars().map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** Only its uploader deletes a file; everyone who takes part is told. */
    @DELETE
    @Path("{fileId}")
    public Response delete(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        conversations.deleteFile(visitors.current(), id, fileId);
        return Response.noContent().build();
    }
}
