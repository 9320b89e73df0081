package iobench.http;

/**
 * A request parameter that is missing, malformed or out of range. Every server turns it into a
 * 400 with a JSON body naming the parameter, the value it got and what is allowed.
 */
public final class BadParameterException extends RuntimeException {
    private final String parameter;
    private final String value;
    private final String allowed;

    public BadParameterException(String parameter, String value, String allowed) {
        super("parameter '" + parameter + "' " + (value == null ? "is missing" : "has value '" + value + "'")
                + "; allowed: " + allowed);
        this.parameter = parameter;
        this.value = value;
        this.allowed = allowed;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
