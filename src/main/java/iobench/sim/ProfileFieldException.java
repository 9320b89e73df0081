package iobench.sim;

/**
 * A profile value out of its range. It names the field as the scenario file spells it
 * ({@code error-rate}); the query parameter is the same with '_' ({@code error_rate}), so the
 * sim and the bench can each point at what the user wrote.
 */
public final class ProfileFieldException extends IllegalArgumentException {
    private final String field;
    private final String value;
    private final String allowed;

    public ProfileFieldException(String field, Object value, String allowed) {
        super(field + (value == null ? " is missing" : " = " + value + " is not allowed") + "; expected " + allowed);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
        this.allowed = allowed;
    }

    /** The query parameter of the same field: {@code error_rate}. */
    public String queryParameter() {
        return field.replace('-', '_');
    }

    /** The bad value as text; null when the field is missing. */
    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
