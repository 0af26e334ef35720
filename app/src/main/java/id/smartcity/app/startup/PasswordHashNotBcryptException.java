package id.smartcity.app.startup;

/** A configured password hash that is not bcrypt: every sign-in of its user would fail with 401. */
public final class PasswordHashNotBcryptException extends RuntimeException {
    private final String user;

    public PasswordHashNotBcryptException(String user) {
        super(PasswordHashNotBcryptException.setting(user) + " is not a bcrypt hash", null, false, false);
        this.user = user;
    }

    public String user() {
        return user;
    }

    /** The environment variable application.yml reads the user's hash from. */
    public static String setting(String user) {
        return "LEDGER_" + user.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD_HASH";
    }
}
