package org.iris.identity.boundary;

/**
 * The JSON bodies of the identity endpoints. Classes with public fields rather than records, because
 * of Payara's OpenAPI bug with constraints on record components (payara#7649). Their rules are
 * checked by the domain, which names the failing field.
 */
final class Bodies {

    private Bodies() {
    }

    public static class RegistrationRequest {
        public String email;
        /** {@code en} (default) or {@code fr}: the language of the mail. */
        public String lang;
    }

    public static class RegistrationConfirmation {
        public String email;
        public String pin;
        public String password;
        public String firstName;
        public String lastName;
        public String lang;
    }

    public static class PasswordResetRequest {
        public String email;
    }

    public static class PasswordResetConfirmation {
        public String email;
        public String pin;
        public String newPassword;
    }

    public static class Credentials {
        public String email;
        public String password;
    }

    public static class RefreshRequest {
        public String refreshToken;
    }

    public static class PasswordChange {
        public String currentPassword;
        public String newPassword;
    }
}
