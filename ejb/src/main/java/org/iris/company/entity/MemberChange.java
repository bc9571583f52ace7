package org.iris.company.entity;

import org.iris.platform.entity.VisibilityMode;
import java.util.Optional;
import java.util.Set;

/**
 * What an administrator changes of a member; an empty field stays as it is.
 *
 * @param visibility        the member's own mode, when {@code inheritVisibility} is false
 * @param inheritVisibility the member goes back to the company's mode
 */
public record MemberChange(Optional<Set<String>> roles, Optional<VisibilityMode> visibility, boolean inheritVisibility,
                           Optional<Boolean> fileSharingForbidden) {
}
