package org.iris.messaging.entity;

import java.util.List;

import org.iris.platform.control.InvalidRequest;

/** A message's text: 1 to {@value #MAX} characters, text only (no control characters but line breaks and tabs, no lone surrogates). */
public record MessageBody(String text) {

    public static final int MAX = 8000;

    /** @throws InvalidRequest for an empty or too long body, or one with characters no text has */
    public static MessageBody of(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequest("A message needs a body.", List.of(new InvalidRequest.FieldError("body", "required")));
        }
        if (body.length() > MAX) {
            throw new InvalidRequest("A message holds at most " + MAX + " characters.",
                    List.of(new InvalidRequest.FieldError("body", "at most " + MAX + " characters")));
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= body.length() || !Character.isLowSurrogate(body.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (lone || (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
                throw new InvalidRequest("A message is text: no control characters, no lone surrogates.",
                        List.of(new InvalidRequest.FieldError("body", "text only")));
            }
        }
        return new MessageBody(body);
    }
}
