package org.celltrial.common.review;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.celltrial.common.review.LockViews.Lock;
import org.celltrial.common.review.LockViews.LockView;
import org.celltrial.common.review.LockViews.Unlock;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/** Database locks of this service's data at a cut-off (docs/data-review.md, Lock). */
@Path("/locks")
public class DataLockResource {

    @Inject
    DataLockService locks;

    @POST
    @RolesAllowed(Roles.DATA_MANAGER)
    @Operation(summary = "Lock the study (or one site) at a cut-off once no query is unresolved; freezes the reports "
            + "at that cut-off")
    public Uni<LockView> lock(@NotNull @Valid Lock request) {
        return locks.lock(request);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR, Roles.SPONSOR})
    @Operation(summary = "Every lock, in force or lifted, with what it froze (names, sizes, SHA-256)")
    public Uni<List<LockView>> history() {
        return locks.history();
    }

    @POST
    @Path("/{lockId}/unlock")
    @RolesAllowed(Roles.DATA_MANAGER)
    @Operation(summary = "Lift a lock, with a reason")
    public Uni<LockView> unlock(@PathParam("lockId") UUID lockId, @NotNull @Valid Unlock request) {
        return locks.unlock(lockId, request.reason());
    }
}
