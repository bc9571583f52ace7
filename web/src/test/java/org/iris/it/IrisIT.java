package org.iris.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * An integration test class: the real WAR deployed on Payara Micro (one deployment per class),
 * called from outside over HTTP like any API client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class IrisIT {

    @ArquillianResource
    URL deployment;

    protected Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Tokens.writeKeysFile(); // Iris reads its signing keys when it starts
        return Deployments.iris();
    }

    @BeforeEach
    void connect() {
        api = new Api(deployment);
    }
}
