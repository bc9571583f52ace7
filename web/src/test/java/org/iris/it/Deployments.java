package org.iris.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The archive under test is the real self-contained WAR that the build produced, not a rebuilt one, at the root context. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive iris() {
        File war = new File(System.getProperty("it.war", "target/iris.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests through 'mvn verify'");
        }
        // ROOT.war: at the root context, as scripts/run.sh and the EAR deploy it, where Payara puts its
        // /openapi servlet inside Iris's own web module
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
