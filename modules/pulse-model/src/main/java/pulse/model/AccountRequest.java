package pulse.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A new account as the county office asks for it ({@code POST /api/accounts}), read and checked as
 * an event is: every field that is wrong is named, with what was given and what was expected. A
 * password is never shown back, only its length.
 *
 * @param role one of {@link #ROLES}
 * @param unitId the unit a {@code unit} account reports for; null for any other role
 */
public record AccountRequest(String username, String password, String role, String unitId) {

    public static final String ADMIN_ROLE = "admin";
    public static final String UNIT_ROLE = "unit";
    public static final String VIEWER_ROLE = "viewer";
    public static final List<String> ROLES = List.of(ADMIN_ROLE, UNIT_ROLE, VIEWER_ROLE);
    public static final int MIN_PASSWORD = 10;
    /** BCrypt reads at most 72 bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{2,64}");

    /** The request in {@code node}; {@link InvalidInputException} naming every field that is wrong. */
    public static AccountRequest read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(new FieldError("body", node == null ? null : Fields.shown(node),
                    Text.of("event.object")));
        }
        Fields fields = new Fields(node, "", Fields.newErrors());
        String username = fields.text("username", true, 64);
        if (username != null && !USERNAME.matcher(username).matches()) {
            fields.reject("username", fields.raw("username"), Text.of("account.username"));
        }
        String password = password(fields);
        String role = fields.text("role", true, 20);
        if (role != null && !ROLES.contains(role)) {
            fields.reject("role", fields.raw("role"), Text.of("field.oneOf", String.join(", ", ROLES)));
        }
        int errorsBefore = fields.errors().size();
        String unitId = fields.text("unitId", false, 100);
        if (UNIT_ROLE.equals(role) && unitId == null && fields.errors().size() == errorsBefore) {
            fields.reject("unitId", fields.raw("unitId"), Text.of("account.unit"));
        }
        if (role != null && !UNIT_ROLE.equals(role) && unitId != null) {
            fields.reject("unitId", fields.raw("unitId"), Text.of("account.noUnit"));
        }
        if (!fields.errors().isEmpty()) {
            throw new InvalidInputException(fields.errors());
        }
        return new AccountRequest(username, password, role, unitId);
    }

    /** The password as typed (spaces count), between the bounds; shown back only as its length. */
    private static String password(Fields fields) {
        JsonNode value = fields.raw("password");
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            fields.reject("password", value == null || value.isNull() ? null : new TextNode("…"),
                    Text.of("account.password", MIN_PASSWORD, MAX_PASSWORD_BYTES));
            return null;
        }
        String password = value.asText();
        if (password.length() < MIN_PASSWORD || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            fields.reject("password", new TextNode("(" + password.length() + " characters)"),
                    Text.of("account.password", MIN_PASSWORD, MAX_PASSWORD_BYTES));
            return null;
        }
        return password;
    }
}
