package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iris.company.entity.Offer;
import org.iris.company.entity.Subscription;
import org.iris.platform.boundary.Callers;
import org.iris.platform.entity.Roles;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A company's subscriptions to the offers (SPEC §1's subscription table). */
@Path("companies/{companyId}/subscriptions")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    public record SubscriptionView(UUID id, String offer, List<String> features, String billing, int seats,
                                   long allocated, String status, OffsetDateTime createdAt) {
        static SubscriptionView of(Subscriptions.Seats seats) {
            Subscription s = seats.subscription();
            return new SubscriptionView(s.id(), lower(s.offer()),
                    s.offer().features().stream().map(SubscriptionView::lower).sorted().toList(), lower(s.billing()),
                    s.seats(), seats.allocated(), lower(s.status()), s.createdAt());
        }

        private static String lower(Enum<?> value) {
            return value.name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    Callers callers;

    /** {@code {"offer": "business", "billing": "monthly", "seats": 10}} */
    @POST
    public Response create(@PathParam("companyId") UUID companyId, @NotNull JsonValue body, @Context UriInfo uri) {
        MergePatch fields = new MergePatch(body, Set.of("offer", "billing", "seats"));
        var offer = fields.choice("offer", Offer.class);
        var billing = fields.choice("billing", Subscription.Billing.class);
        var seats = fields.integer("seats");
        fields.check("A subscription names an offer (" + MergePatch.choices(Offer.class) + "), a billing ("
                + MergePatch.choices(Subscription.Billing.class) + ") and a number of seats.");
        if (offer.isEmpty() || billing.isEmpty() || seats.isEmpty()) {
            throw new InvalidRequest("offer, billing and seats are required.",
                    List.of(new FieldError("offer", "required"), new FieldError("billing", "required"),
                            new FieldError("seats", "required")));
        }
        var created = subscriptions.create(callers.current(), companyId, offer.get(), billing.get(), seats.get());
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build())
                .entity(SubscriptionView.of(created)).build();
    }

    @GET
    public List<SubscriptionView> list(@PathParam("companyId") UUID companyId) {
        return subscriptions.list(callers.current(), companyId).stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("{id}")
    public SubscriptionView get(@PathParam("companyId") UUID companyId, @PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.get(callers.current(), companyId, id));
    }

    /** A merge patch of {@code seats}, {@code billing}, and {@code status: "canceled"} (which releases every licence). */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public SubscriptionView update(@PathParam("companyId") UUID companyId, @PathParam("id") UUID id,
                                   @NotNull JsonValue body) {
        MergePatch patch = new MergePatch(body, Set.of("seats", "billing", "status"));
        var status = patch.choice("status", Subscription.Status.class);
        if (status.filter(Subscription.Status.ACTIVE::equals).isPresent()) {
            patch.refuse("status", "only \"canceled\" can be set; a canceled subscription is not resumed");
        }
        var change = new Subscriptions.Change(patch.integer("seats"), patch.choice("billing", Subscription.Billing.class),
                status.isPresent());
        patch.check("Only seats, billing and status (canceled) can be changed.");
        return SubscriptionView.of(subscriptions.update(callers.current(), companyId, id, change));
    }
}
