package org.iris.it;

import static org.iris.it.Api.expect;

import jakarta.json.JsonArray;

import java.time.Duration;

import org.iris.it.Tenants.Person;

/** Two people become contacts as they would: one invites the other by email, the other accepts once it arrived. */
public final class Contacts {

    private Contacts() {
    }

    public static void connect(Api api, Person from, Person to) {
        expect(api.postJson(api.api("invitations"), "{\"email\": \"" + to.email() + "\"}", from.token()), 202);
        // an invitation by email is decided after its answer: polled until it reached the invitee
        String invitation = Api.array(api.eventually(() -> api.get(api.api("invitations?direction=received"), to.token()),
                received -> received.statusCode() == 200 && !Api.array(received).isEmpty(), Duration.ofSeconds(20)))
                .getJsonObject(0).getString("id");
        expect(api.postJson(api.api("invitations/" + invitation + "/accept"), "", to.token()), 200);
    }
}
