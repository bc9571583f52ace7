package org.iris.company.entity;

/** How a company's members may be found and invited from other companies (SPEC §3). */
public enum VisibilityMode {
    PUBLIC, PRIVATE, CLOSED, ISOLATED, ORGANIZATION
}
