package kr.chamyeo.community.space;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.community.space.SpaceRequests.BookingDecision;
import kr.chamyeo.community.space.SpaceRequests.BookingRequest;
import kr.chamyeo.community.space.SpaceRequests.SpaceRequest;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.platform.text.KoreanText;

@Path("/")
@Tag(name = "Community spaces and bookings (공동체 공간·대관)")
@Produces(MediaType.APPLICATION_JSON)
public class SpaceResource {

    @Inject
    SpaceService spaces;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    @Inject
    Occupancy occupancy;

    @Schema(description = "A community space; with a search date, the times already taken that day")
    public record SpaceView(UUID id, String district, String dong, String name, Space.Kind kind, String address, int capacity,
                            List<String> facilities, LocalTime opensAt, LocalTime closesAt, String rules,
                            @Schema(description = "Times taken by approved bookings and programme sessions, without who took them") List<Occupancy.Busy> busy) {
    }

    @Schema(description = "A booking (대관)")
    public record BookingView(UUID id, UUID spaceId, String requester, String purpose, int attendees, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, Booking.Status status, String reason) {
        static BookingView of(Booking b) {
            return new BookingView(b.id, b.spaceId, b.requester, b.purpose, b.attendees, b.startsAt, b.endsAt, b.status, b.reason);
        }
    }

    @POST
    @Path("spaces")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a space (공간정보 등록)", description = "A space manager (district OFFICER or PARTNER operator, e.g. a 사회적협동조합 running a 마을활력소) registers a space in its district and becomes its manager.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = SpaceView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid space")
    public Response register(@Valid @NotNull SpaceRequest request) {
        caller.requireDistrict(request.district(), Roles.OFFICER, Roles.PARTNER);
        return Response.status(201).entity(view(spaces.register(request, caller.subject()), null)).build();
    }

    @GET
    @Path("spaces")
    @PermitAll
    @Operation(summary = "Search spaces (공간 검색)", description = "By district, dong, date and capacity; with a date, spaces open that day with the times already booked. Public.")
    @APIResponse(responseCode = "200", description = "Spaces", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SpaceView.class)))
    @APIResponse(responseCode = "400", description = "Bad date")
    @APIResponse(responseCode = "422", description = "Bad district or capacity")
    public List<SpaceView> search(@QueryParam("district") @DistrictCode String district, @QueryParam("dong") String dong,
                                  @QueryParam("date") LocalDate date, @QueryParam("capacity") @Positive Integer capacity) {
        return Space.search(district, KoreanText.dong(dong), capacity).stream().map(s -> view(s, date)).toList();
    }

    @GET
    @Path("spaces/stock")
    @PermitAll
    @Operation(summary = "Community spaces against the plan (커뮤니티 공간 현황)",
            description = "The 2nd plan's spaces: 367 existing (우리마을공간 122, 마을기업 155, 마을예술창작소 54, 마을활력소 36) and 448 by 2022 "
                    + "(마을활력소 75 new, 신축 동주민센터 6), each beside the spaces of that kind registered here (city-wide, or in a district). Public.")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(schema = @Schema(implementation = SpaceStock.View.class)))
    @APIResponse(responseCode = "422", description = "Bad district")
    public SpaceStock.View stock(@QueryParam("district") @DistrictCode String district) {
        return spaces.stock(district);
    }

    @GET
    @Path("spaces/{id}")
    @PermitAll
    @Operation(summary = "A space (공간 정보)", description = "Public; with ?date= the times already booked that day.")
    @APIResponse(responseCode = "200", description = "Space", content = @Content(schema = @Schema(implementation = SpaceView.class)))
    @APIResponse(responseCode = "404", description = "No such space")
    public SpaceView get(@PathParam("id") UUID id, @QueryParam("date") LocalDate date) {
        return view(spaces.space(id), date);
    }

    @POST
    @Path("spaces/{id}/bookings")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a booking (대관 신청)", description = "Within one day's opening hours (Seoul time), for at most the capacity; the manager approves or rejects.")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "No such space")
    @APIResponse(responseCode = "409", description = "Already booked then")
    @APIResponse(responseCode = "422", description = "Outside hours, over capacity, in the past")
    public Response book(@PathParam("id") UUID id, @Valid @NotNull BookingRequest request) {
        return Response.status(201).entity(BookingView.of(spaces.request(id, request, caller.subject()))).build();
    }

    @GET
    @Path("spaces/{id}/bookings")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Operation(summary = "A space's bookings (대관 현황)", description = "For the space's manager and officers of its district.")
    @APIResponse(responseCode = "200", description = "Bookings", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BookingView.class)))
    @APIResponse(responseCode = "403", description = "Not the manager")
    @APIResponse(responseCode = "404", description = "No such space")
    public List<BookingView> bookings(@PathParam("id") UUID id) {
        Space s = spaces.space(id);
        if (!spaces.manages(caller, s)) {
            throw ProblemException.forbidden("Only the space's manager or an officer of its district");
        }
        return Booking.ofSpace(id).stream().map(BookingView::of).toList();
    }

    @POST
    @Path("bookings/{id}/decision")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a booking (대관 승인·거절)", description = "Two approved bookings of a space never overlap, even when approved at the same moment: the loser gets 409.")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "403", description = "Not the manager")
    @APIResponse(responseCode = "404", description = "No such booking")
    @APIResponse(responseCode = "409", description = "Overlaps an approved booking, or already decided")
    @APIResponse(responseCode = "422", description = "Rejection without reason")
    public BookingView decide(@PathParam("id") UUID id, @Valid @NotNull BookingDecision decision) {
        return BookingView.of(spaces.decide(id, decision.decision() == SpaceRequests.Decision.APPROVED, decision.reason(), caller));
    }

    @POST
    @Path("bookings/{id}/cancellation")
    @RolesAllowed({Roles.RESIDENT, Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Operation(summary = "Cancel a booking (대관 취소)", description = "By the requester or the space's manager.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "No such booking")
    @APIResponse(responseCode = "409", description = "Already rejected or cancelled")
    public BookingView cancel(@PathParam("id") UUID id) {
        return BookingView.of(spaces.cancel(id, caller));
    }

    @GET
    @Path("bookings/mine")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "My bookings (나의 대관)", description = "The calling resident's own bookings.")
    @APIResponse(responseCode = "200", description = "Bookings", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BookingView.class)))
    public List<BookingView> mine() {
        return Booking.of(caller.subject()).stream().map(BookingView::of).toList();
    }

    private SpaceView view(Space s, LocalDate date) {
        List<Occupancy.Busy> busy = null;
        if (date != null) {
            Instant from = date.atStartOfDay(BookingRules.SEOUL).toInstant();
            busy = occupancy.busy(s.id, from, date.plusDays(1).atStartOfDay(BookingRules.SEOUL).toInstant());
        }
        try {
            return new SpaceView(s.id, s.district, s.dong, s.name, s.kind, s.address, s.capacity,
                    mapper.readValue(s.facilities, new TypeReference<List<String>>() { }), s.opensAt, s.closesAt, s.rules, busy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
