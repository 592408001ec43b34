package org.celltrial.enrollment.reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    @Inject
    ReferenceService references;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR, Roles.SPONSOR})
    @Operation(summary = "The patient's reference data for the other services; cacheable, with an ETag "
            + "(If-None-Match answers 304)")
    public Uni<Response> reference(@PathParam("id") UUID patientId, @Context Request request) {
        return references.reference(patientId).map(reference -> {
            EntityTag tag = new EntityTag(digest(reference));
            CacheControl privateCache = new CacheControl();
            privateCache.setPrivate(true);
            privateCache.setNoCache(true);
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            return (notModified != null ? notModified : Response.ok(reference)).tag(tag).cacheControl(privateCache)
                    .build();
        });
    }

    /** The ETag is a digest of the representation itself, so it changes exactly when the content does. */
    private String digest(PatientReference reference) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(reference));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest a reference", e);
        }
    }
}
