package org.iris.company.control;

import org.iris.company.entity.Company;
import org.iris.company.entity.Feature;
import org.iris.company.entity.Offer;
import org.iris.identity.control.Tenancy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a member may use and do (SPEC §1, §6): the features their licence's offer opens; file sharing
 * only where the offer opens it and neither the company nor the member's own restriction forbids it;
 * editing their own title and names unless the company forbids it.
 */
public final class MemberTerms {

    private MemberTerms() {
    }

    /** What of a company restricts its members. */
    public record Restrictions(boolean fileSharingForbidden, boolean nameEditForbidden) {

        public static Restrictions of(Company company) {
            return new Restrictions(company.fileSharingForbidden(), company.nameEditForbidden());
        }
    }

    public static Tenancy.Terms of(Offer offer, Company company, boolean memberForbidsFileSharing) {
        return of(offer, Restrictions.of(company), memberForbidsFileSharing);
    }

    public static Tenancy.Terms of(Offer offer, Restrictions company, boolean memberForbidsFileSharing) {
        boolean fileSharing = offer.opens(Feature.FILE_SHARING) && !company.fileSharingForbidden() && !memberForbidsFileSharing;
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        features.addAll(offer.features());
        if (!fileSharing) {
            features.remove(Feature.FILE_SHARING);
        }
        return new Tenancy.Terms(code(offer), features.stream().map(MemberTerms::code).collect(Collectors.toUnmodifiableSet()),
                fileSharing, !company.nameEditForbidden());
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
