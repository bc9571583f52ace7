package org.iris.company.control;

import org.iris.company.entity.Company;
import org.iris.company.entity.Offer;
import org.iris.identity.control.Tenancy;
import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §1 (the offer decides the features) and §6 (an admin forbids file sharing, or name edits). */
class MemberTermsTest {

    private static Company company(boolean forbidsFileSharing, boolean forbidsNameEdits) {
        Company company = Company.create("Acme", Region.DE, false, Clock.systemUTC());
        company.forbidFileSharing(forbidsFileSharing);
        company.forbidNameEdit(forbidsNameEdits);
        return company;
    }

    @Test
    void theOfferDecidesTheFeatures() {
        Tenancy.Terms essential = MemberTerms.of(Offer.ESSENTIAL, company(false, false), false);
        assertEquals("essential", essential.offer());
        assertTrue(essential.features().contains("file_sharing"));
        assertFalse(essential.features().contains("conferences"));
        assertTrue(MemberTerms.of(Offer.ENTERPRISE, company(false, false), false).features().contains("telephony"));
    }

    @Test
    void fileSharingNeedsTheOfferTheCompanyAndTheMember() {
        assertTrue(MemberTerms.of(Offer.BUSINESS, company(false, false), false).fileSharingAllowed());
        Tenancy.Terms companyForbids = MemberTerms.of(Offer.BUSINESS, company(true, false), false);
        assertFalse(companyForbids.fileSharingAllowed());
        assertFalse(companyForbids.features().contains("file_sharing"), "a feature one may not use is not listed");
        assertFalse(MemberTerms.of(Offer.BUSINESS, company(false, false), true).fileSharingAllowed());
    }

    @Test
    void nameEditsFollowTheCompany() {
        assertTrue(MemberTerms.of(Offer.ESSENTIAL, company(false, false), false).nameEditAllowed());
        assertFalse(MemberTerms.of(Offer.ESSENTIAL, company(false, true), false).nameEditAllowed());
    }
}
