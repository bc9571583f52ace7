package org.iris.identity.entity;

import java.util.Optional;

/**
 * What a person changes of their own profile; an empty field stays as it is. An empty title
 * string removes the title.
 */
public record ProfileChange(Optional<String> firstName, Optional<String> lastName, Optional<String> title,
                            Optional<String> language) {
}
