package org.iris.company.entity;

import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneId.of("Europe/Paris"));

    @Test
    void newCompanyIsPublicInTheAskedRegion() {
        Company company = Company.create("  Acme  ", Region.DE, false, CLOCK);
        assertEquals("Acme", company.name());
        assertEquals(Region.DE, company.region());
        assertEquals(VisibilityMode.PUBLIC, company.visibilityMode());
        assertFalse(company.hds());
        assertFalse(company.isDefault());
    }

    @Test
    void creationTimeComesFromTheClockInUtc() {
        Company company = Company.create("Acme", Region.DE, false, CLOCK);
        assertEquals(Instant.parse("2026-11-22T10:15:30Z"), company.createdAt().toInstant());
        assertEquals(ZoneOffset.UTC, company.createdAt().getOffset());
    }

    @Test
    void companyWithoutRegionGoesToTheDefaultRegion() {
        assertEquals(Region.EMEA, Company.create("Acme", null, false, CLOCK).region());
    }

    @Test
    void healthcareCompanyGoesToHdsWhateverRegionIsAsked() {
        for (Region asked : new Region[] {null, Region.EMEA, Region.NA, Region.CN, Region.HDS}) {
            Company company = Company.create("Clinic", asked, true, CLOCK);
            assertEquals(Region.HDS, company.region(), String.valueOf(asked));
            assertTrue(company.hds());
        }
    }

    @Test
    void onlyHealthcareCompaniesEnterHds() {
        assertThrows(InvalidRequest.class, () -> Company.create("Sneaky", Region.HDS, false, CLOCK));
    }

    @Test
    void nameMustHaveOneToTwoHundredCharacters() {
        assertThrows(InvalidRequest.class, () -> Company.create("   ", Region.DE, false, CLOCK));
        assertThrows(InvalidRequest.class, () -> Company.create(null, Region.DE, false, CLOCK));
        assertThrows(InvalidRequest.class, () -> Company.create("x".repeat(201), Region.DE, false, CLOCK));
        assertEquals(200, Company.create("x".repeat(200), Region.DE, false, CLOCK).name().length());
    }

    @Test
    void everyCompanyGetsItsOwnId() {
        assertNotEquals(Company.create("A", Region.DE, false, CLOCK).id(), Company.create("A", Region.DE, false, CLOCK).id());
    }

    @Test
    void routeSaysWhereTheCompanyLivesAndFollowsItsRecord() {
        Company company = Company.create("Acme", Region.APAC, false, CLOCK);
        CompanyRoute route = CompanyRoute.of(company);
        assertEquals(company.id(), route.companyId());
        assertEquals(Region.APAC, route.region());
        assertTrue(route.agreesWith(company));

        Company other = Company.create("Other", Region.APAC, false, CLOCK);
        assertFalse(route.agreesWith(other));
    }
}
