package org.iris.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The archive under test is the real self-contained WAR that the build produced, not a rebuilt one. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive iris() {
        File war = new File(System.getProperty("it.war", "target/iris.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests through 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
