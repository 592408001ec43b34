package org.celltrial.common.review;

import java.net.URI;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.review.QueryViews.OpenQuery;
import org.celltrial.common.review.QueryViews.QueryText;
import org.celltrial.common.review.QueryViews.QueryView;
import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/** Data queries on this service's records (docs/data-review.md, Queries). */
@Path("/")
@IfBuildProperty(name = "celltrial.review.records", stringValue = "true")
public class QueryResource {

    @Inject
    QueryService queries;

    @POST
    @Path("patients/{id}/queries")
    @RolesAllowed({Roles.MONITOR, Roles.DATA_MANAGER})
    @Operation(summary = "Open a query on one of the patient's records (optionally one field of it)")
    public Uni<Response> open(@PathParam("id") UUID patientId, @NotNull @Valid OpenQuery request) {
        return queries.open(patientId, request)
                .map(view -> Response.created(URI.create("queries/" + view.id())).entity(view).build());
    }

    @GET
    @Path("patients/{id}/queries")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's queries, each with its status, days open and thread")
    public Uni<List<QueryView>> ofPatient(@PathParam("id") UUID patientId) {
        return queries.ofPatient(patientId);
    }

    @GET
    @Path("queries")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "Queries of the sites asked for (siteCode, repeatable; default every site the caller reads), "
            + "oldest first; status narrows them")
    public Uni<List<QueryView>> list(@QueryParam("siteCode") List<String> siteCodes,
            @QueryParam("status") String status) {
        return queries.list(siteCodes, status == null ? null : Params.enumValue(QueryStatus.class, status, "status"));
    }

    @POST
    @Path("queries/{queryId}/answer")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Answer an open query (after correcting the record, or to explain it)")
    public Uni<QueryView> answer(@PathParam("queryId") UUID queryId, @NotNull @Valid QueryText request) {
        return queries.step(queryId, QueryAction.ANSWER, request.text());
    }

    @POST
    @Path("queries/{queryId}/close")
    @RolesAllowed({Roles.MONITOR, Roles.DATA_MANAGER})
    @Operation(summary = "Close a query")
    public Uni<QueryView> close(@PathParam("queryId") UUID queryId, @NotNull @Valid QueryText request) {
        return queries.step(queryId, QueryAction.CLOSE, request.text());
    }

    @POST
    @Path("queries/{queryId}/reopen")
    @RolesAllowed({Roles.MONITOR, Roles.DATA_MANAGER})
    @Operation(summary = "Re-open an answered or closed query")
    public Uni<QueryView> reopen(@PathParam("queryId") UUID queryId, @NotNull @Valid QueryText request) {
        return queries.step(queryId, QueryAction.REOPEN, request.text());
    }
}
