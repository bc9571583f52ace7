package org.iris.residency.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.iris.platform.entity.Region;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The databases of this deployment: {@code global} and one per served region.
 *
 * <p>Each boundary is a datasource whose class, URL, user and password come from MicroProfile Config
 * ({@code iris.db.<boundary>.datasource|url|user|password}); Payara resolves them from system
 * properties, environment variables ({@code IRIS_DB_DE_URL}) and password aliases. The default is an
 * embedded H2 file under {@code ./iris-data}, so that Iris runs with nothing installed; H2 is told
 * not to close itself at JVM exit, which would pull the databases from under Payara's pools.
 *
 * <p>Each pool survives its database's restart or failover: a connection is validated before it is
 * handed out (at most every {@code iris.db.<boundary>.validate-seconds}), and one that fails
 * validation closes them all, so that the pool fills again with live ones. A request waits at most
 * {@code iris.db.<boundary>.max-wait-millis} for a connection and a statement runs at most
 * {@code iris.db.<boundary>.statement-timeout-seconds}, a login to the database at most
 * {@code iris.db.<boundary>.login-timeout-seconds}: while a database is down, whatever needs it fails
 * fast (a 503), and nothing else waits for it. Pool sizes are fixed here (Payara reads them only as
 * numbers): {@code global}, which most requests touch, 4 to 48 connections; each region 2 to 32.
 *
 * <p>At start-up the schema of every served boundary is brought up to date from the versioned SQL
 * of the {@code iris-ddl} module, before any request is served.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "global",
            className = "${MPCONFIG=iris.db.global.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.global.url:jdbc:h2:./iris-data/global;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.global.user:iris}",
            password = "${MPCONFIG=iris.db.global.password:iris}",
            minPoolSize = 4, maxPoolSize = 48,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.global.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.global.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.global.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.global.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "emea",
            className = "${MPCONFIG=iris.db.emea.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.emea.url:jdbc:h2:./iris-data/emea;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.emea.user:iris}",
            password = "${MPCONFIG=iris.db.emea.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.emea.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.emea.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.emea.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.emea.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "de",
            className = "${MPCONFIG=iris.db.de.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.de.url:jdbc:h2:./iris-data/de;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.de.user:iris}",
            password = "${MPCONFIG=iris.db.de.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.de.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.de.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.de.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.de.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "na",
            className = "${MPCONFIG=iris.db.na.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.na.url:jdbc:h2:./iris-data/na;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.na.user:iris}",
            password = "${MPCONFIG=iris.db.na.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.na.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.na.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.na.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.na.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "cala",
            className = "${MPCONFIG=iris.db.cala.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.cala.url:jdbc:h2:./iris-data/cala;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.cala.user:iris}",
            password = "${MPCONFIG=iris.db.cala.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.cala.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.cala.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.cala.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.cala.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "apac",
            className = "${MPCONFIG=iris.db.apac.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.apac.url:jdbc:h2:./iris-data/apac;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.apac.user:iris}",
            password = "${MPCONFIG=iris.db.apac.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.apac.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.apac.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.apac.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.apac.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "anz",
            className = "${MPCONFIG=iris.db.anz.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.anz.url:jdbc:h2:./iris-data/anz;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.anz.user:iris}",
            password = "${MPCONFIG=iris.db.anz.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.anz.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.anz.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.anz.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.anz.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "cn",
            className = "${MPCONFIG=iris.db.cn.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.cn.url:jdbc:h2:./iris-data/cn;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.cn.user:iris}",
            password = "${MPCONFIG=iris.db.cn.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.cn.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.cn.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.cn.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.cn.login-timeout-seconds:5}"}),
    @DataSourceDefinition(name = Boundaries.JNDI_PREFIX + "hds",
            className = "${MPCONFIG=iris.db.hds.datasource:org.h2.jdbcx.JdbcDataSource}",
            url = "${MPCONFIG=iris.db.hds.url:jdbc:h2:./iris-data/hds;DB_CLOSE_ON_EXIT=FALSE}",
            user = "${MPCONFIG=iris.db.hds.user:iris}",
            password = "${MPCONFIG=iris.db.hds.password:iris}",
            minPoolSize = 2, maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=${MPCONFIG=iris.db.hds.validate-seconds:2}",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=iris.db.hds.max-wait-millis:2000}",
                "fish.payara.statement-timeout-in-seconds=${MPCONFIG=iris.db.hds.statement-timeout-seconds:10}",
                "loginTimeout=${MPCONFIG=iris.db.hds.login-timeout-seconds:5}"})
})
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Boundaries {

    static final String JNDI_PREFIX = "java:app/jdbc/iris/";
    public static final String GLOBAL = "global";

    private static final Logger LOG = Logger.getLogger(Boundaries.class.getName());

    @Resource(lookup = JNDI_PREFIX + "global")
    DataSource global;

    @Inject
    @ConfigProperty(name = "iris.regions")
    String regionList;

    private Set<Region> served;

    /** The datasource of each served region, looked up by the name its definition above gives it. */
    private final Map<Region, DataSource> regional = new EnumMap<>(Region.class);

    /** Whether every served boundary is an embedded H2 database (the no-setup run). */
    private boolean embedded;

    /** Served boundaries in a stable order, {@code global} first. */
    private Map<String, DataSource> databases;

    @PostConstruct
    void start() {
        served = Collections.unmodifiableSet(servedRegions(regionList));
        Map<String, DataSource> all = new LinkedHashMap<>();
        all.put(GLOBAL, global);
        for (Region region : served) {
            regional.put(region, lookup(region));
            all.put(region.key(), regional.get(region));
        }
        databases = Collections.unmodifiableMap(all);
        databases.forEach(this::migrate);
        embedded = databases.values().stream().allMatch(Boundaries::isH2);
        LOG.info(() -> "Iris serves the boundaries " + databases.keySet());
    }

    static Set<Region> servedRegions(String list) {
        Set<Region> regions = EnumSet.copyOf(Region.parseList(list));
        if (!regions.contains(Region.DEFAULT)) {
            throw new IllegalStateException("iris.regions must include " + Region.DEFAULT
                    + ": the Default company and standalone users live there");
        }
        return regions;
    }

    private void migrate(String boundary, DataSource dataSource) {
        List<String> locations = new ArrayList<>();
        if (GLOBAL.equals(boundary)) {
            locations.add("classpath:db/global");
        } else {
            locations.add("classpath:db/region");
            if (isPostgreSql(dataSource)) {
                // indexes that only PostgreSQL can build (prefix search); H2 keeps the portable ones
                locations.add("classpath:db/postgresql/region");
            }
            if (Region.EMEA.key().equals(boundary)) {
                locations.add("classpath:db/emea");
            }
        }
        // a connection of its own, outside the pool: the pool's statement time-out would cancel a long
        // migration (an index built over a million rows) and Iris would not start
        var config = ConfigProvider.getConfig();
        String key = "iris.db." + boundary + ".";
        var result = Flyway.configure(Boundaries.class.getClassLoader())
                .dataSource(config.getOptionalValue(key + "url", String.class).orElse(embeddedUrl(boundary)),
                        config.getOptionalValue(key + "user", String.class).orElse("iris"),
                        config.getOptionalValue(key + "password", String.class).orElse("iris"))
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Boundary " + boundary + ": schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The default of {@code iris.db.<boundary>.url}, as the datasource definitions above spell it. */
    static String embeddedUrl(String boundary) {
        return "jdbc:h2:./iris-data/" + boundary + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public Set<Region> served() {
        return served;
    }

    /** Whether this is the embedded run: every served boundary on H2, nothing installed. */
    public boolean embedded() {
        return embedded;
    }

    private static boolean isH2(DataSource dataSource) {
        return "H2".equals(product(dataSource));
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        return "PostgreSQL".equals(product(dataSource));
    }

    private static String product(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("A boundary's database does not answer", e);
        }
    }

    /** The {@code global} database, for the read-only queries that must not go through JPA (directory search). */
    public DataSource globalDataSource() {
        return global;
    }

    /** The region's database, for the read-only queries that must not go through JPA (directory search). */
    public DataSource dataSource(Region region) {
        if (!serves(region)) {
            throw new IllegalArgumentException("Region " + region + " is not served here");
        }
        return regional.get(region);
    }

    public boolean serves(Region region) {
        return served.contains(region);
    }

    /** Whether each served boundary's database answers now, {@code global} first. */
    public Map<String, Boolean> probe() {
        Map<String, Boolean> states = new LinkedHashMap<>();
        databases.forEach((name, dataSource) -> states.put(name, answers(name, dataSource)));
        return states;
    }

    private static boolean answers(String name, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Boundary " + name + " does not answer", e);
            return false;
        }
    }

    private static DataSource lookup(Region region) {
        try {
            return (DataSource) new InitialContext().lookup(JNDI_PREFIX + region.key());
        } catch (NamingException e) {
            throw new IllegalStateException("No datasource is defined for region " + region, e);
        }
    }
}
