package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.entity.Company;
import org.iris.identity.control.Tenancy;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.Home;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.EmailAddress;
import org.iris.residency.control.EntityManagers;

/** What identity asks of companies ({@link Tenancy}), answered from the companies' own tables. */
@ApplicationScoped
public class CompanyTenancy implements Tenancy {

    @Inject
    CompanyLookup companies;

    @Inject
    Licences licences;

    @Inject
    EntityManagers managers;

    @Override
    public Home home(EmailAddress email) {
        return home(companies.forEmailDomain(email.domain()));
    }

    @Override
    public Home standalone() {
        return home(companies.defaultCompany());
    }

    @Override
    public Terms terms(Account account) {
        Company company = companies.find(account.companyId()).orElseThrow(() -> new NotFound("account"));
        return MemberTerms.of(licences.effective(managers.of(account.region()), account.id()), company,
                account.fileSharingForbidden());
    }

    private static Home home(Company company) {
        return new Home(company.id(), company.region());
    }
}
