package kr.chamyeo.community.grant;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.community.grant.GrantRequests.GroupRequest;
import kr.chamyeo.community.grant.GrantRequests.MemberInput;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/groups")
@Tag(name = "Resident groups (주민모임·동아리)")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    @Inject
    GrantService grants;

    @Inject
    Caller caller;

    @Schema(description = "A group as the public sees it (no member names)")
    public record GroupSummary(UUID id, String name, ResidentGroup.Kind kind, String district, String dong, long members) {
        static GroupSummary of(ResidentGroup g) {
            return new GroupSummary(g.id, g.name, g.kind, g.district, g.dong, GroupMember.size(g.id));
        }
    }

    @Schema(description = "A member as the leader and officers see them")
    public record MemberView(String participantId, String name, GroupMember.Relation relation, String district) {
        static MemberView of(GroupMember m) {
            return new MemberView(m.participantId, m.name, m.relation, m.district);
        }
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a group (주민모임·동아리 등록)", description = "The calling resident becomes the leader and first member; the group belongs to the resident's district.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = GroupSummary.class)))
    @APIResponse(responseCode = "403", description = "Not a resident with a district")
    @APIResponse(responseCode = "422", description = "Invalid group")
    public Response create(@Valid @NotNull GroupRequest request) {
        String district = caller.district().orElseThrow(() -> ProblemException.forbidden("The token names no district"));
        ResidentGroup group = grants.createGroup(request, caller.subject(), district, caller.dong().orElse(null));
        return Response.status(201).entity(GroupSummary.of(group)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List groups (모임 목록)", description = "Public; filter by district and kind. Member names are not shown.")
    @APIResponse(responseCode = "200", description = "Groups", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = GroupSummary.class)))
    @APIResponse(responseCode = "422", description = "Bad district code")
    public List<GroupSummary> list(@QueryParam("district") @DistrictCode String district, @QueryParam("kind") ResidentGroup.Kind kind) {
        return ResidentGroup.filtered(district, kind).stream().map(GroupSummary::of).toList();
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({Roles.RESIDENT, Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A group's members (모임 구성원)", description = "For the group's leader and members, officers of its district and city administrators.")
    @APIResponse(responseCode = "200", description = "Members", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "No such group")
    public List<MemberView> members(@PathParam("id") UUID id) {
        ResidentGroup group = grants.group(id);
        List<GroupMember> members = GroupMember.of(id);
        boolean insider = members.stream().anyMatch(m -> m.participantId.equals(caller.subject()));
        if (!insider) {
            caller.requireDistrict(group.district, Roles.OFFICER);
        }
        return members.stream().map(MemberView::of).toList();
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member (구성원 추가)", description = "By the group's leader.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "Not the leader")
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "409", description = "Already a member")
    @APIResponse(responseCode = "422", description = "Invalid member")
    public Response addMember(@PathParam("id") UUID id, @Valid @NotNull MemberInput member) {
        ResidentGroup group = grants.group(id);
        if (!group.leader.equals(caller.subject())) {
            throw ProblemException.forbidden("Only the group's leader adds members");
        }
        return Response.status(201).entity(MemberView.of(grants.addMember(group, member))).build();
    }
}
