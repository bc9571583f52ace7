package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.company.entity.Company;
import org.iris.company.entity.Offer;
import org.iris.identity.control.Tenancy;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.Home;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.EmailAddress;
import org.iris.residency.control.EntityManagers;

import java.util.Optional;

/** What identity asks of companies ({@link Tenancy}), answered from the companies' own tables. */
@ApplicationScoped
public class CompanyTenancy implements Tenancy {

    @Inject
    CompanyLookup companies;

    @Inject
    Licences licences;

    @Inject
    EntityManagers managers;

    @Inject
    TermsCache cache;

    @Override
    public Home home(EmailAddress email) {
        return home(companies.forEmailDomain(email.domain()));
    }

    @Override
    public Home standalone() {
        return home(companies.defaultCompany());
    }

    /** From {@link TermsCache} when this node read them lately; the company lives in its members' region. */
    @Override
    public Terms terms(Account account) {
        EntityManager region = managers.of(account.region());
        MemberTerms.Restrictions company = cache.get("company", account.companyId(), () ->
                Optional.ofNullable(region.find(Company.class, account.companyId())).map(MemberTerms.Restrictions::of).orElse(null));
        if (company == null) {
            throw new NotFound("account");
        }
        Offer offer = cache.get("offer", account.id(), () -> licences.effective(region, account.id()));
        return MemberTerms.of(offer, company, account.fileSharingForbidden());
    }

    private static Home home(Company company) {
        return new Home(company.id(), company.region());
    }
}
