package org.iris.company.entity;

import org.iris.platform.entity.VisibilityMode;
import java.util.Optional;

/**
 * What an administrator changes of a company's information and settings; an empty field stays as
 * it is. An empty description removes it.
 */
public record CompanyChange(Optional<String> name, Optional<String> description, Optional<VisibilityMode> visibility,
                            Optional<Boolean> fileSharingForbidden, Optional<Boolean> nameEditForbidden) {
}
