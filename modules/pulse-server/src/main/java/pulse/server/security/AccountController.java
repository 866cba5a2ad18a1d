package pulse.server.security;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import pulse.model.EventCodec;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;

/** The county office manages accounts: create, list, delete. */
@Controller("/api/accounts")
@Secured(Role.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{2,64}");
    static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 72;   // BCrypt reads at most 72 bytes

    private final AccountDirectory accounts;
    private final EventCodec codec;
    private final LoginAudit audit;

    AccountController(AccountDirectory accounts, EventCodec codec, LoginAudit audit) {
        this.accounts = accounts;
        this.codec = codec;
        this.audit = audit;
    }

    @RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
                    value = "{\"username\":\"zhujian\",\"password\":\"a-long-password\",\"role\":\"unit\",\"unitId\":\"县住建局\"}")))
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Account.Shown> create(@Nullable @Body byte[] body, Authentication admin) {
        JsonNode node = codec.parse(body, "body");
        List<FieldError> errors = new ArrayList<>();
        String username = text(node, "username", errors);
        String password = text(node, "password", errors);
        password = password == null ? null : node.get("password").asText();   // as typed: spaces count
        String role = text(node, "role", errors);
        String unitId = node.hasNonNull("unitId") ? node.get("unitId").asText().strip() : null;
        if (username != null && !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "\"" + username + "\"", Text.of("account.username")));
        }
        if (password != null && (password.length() < MIN_PASSWORD
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD)) {
            errors.add(new FieldError("password", "(" + password.length() + " characters)",
                    Text.of("account.password", MIN_PASSWORD, MAX_PASSWORD)));
        }
        if (role != null && !Role.OF_ACCOUNTS.contains(role)) {
            errors.add(new FieldError("role", "\"" + role + "\"", Text.of("field.oneOf", String.join(", ", Role.OF_ACCOUNTS))));
        }
        if (Role.UNIT.equals(role) && (unitId == null || unitId.isEmpty() || unitId.length() > 100)) {
            errors.add(new FieldError("unitId", unitId == null ? null : "\"" + unitId + "\"",
                    Text.of("account.unit")));
        }
        if (role != null && !Role.UNIT.equals(role) && unitId != null) {
            errors.add(new FieldError("unitId", "\"" + unitId + "\"", Text.of("account.noUnit")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (accounts.find(username).isPresent()) {
            throw new AccountExistsException(username);
        }
        Account account = new Account(username, accounts.hash(password), role, unitId, admin.getName(), Instant.now());
        accounts.save(account);
        audit.record(LoginAudit.Kind.ACCOUNT_CREATED, username, null, admin.getName());
        return HttpResponse.created(account.shown(), URI.create("/api/accounts/" + username));
    }

    @Get
    List<Account.Shown> list() {
        return accounts.all().stream().sorted(Comparator.comparing(Account::username)).map(Account::shown).toList();
    }

    @Delete("/{username}")
    HttpResponse<Void> delete(String username, Authentication admin) {
        if (username.equals(admin.getName())) {
            throw new InvalidInputException(new FieldError("username", "\"" + username + "\"",
                    Text.of("account.notSelf")));
        }
        if (accounts.find(username).isEmpty()) {
            return HttpResponse.notFound();
        }
        accounts.delete(username);
        audit.record(LoginAudit.Kind.ACCOUNT_DELETED, username, null, admin.getName());
        return HttpResponse.noContent();
    }

    private static String text(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            errors.add(new FieldError(field, value == null || value.isNull() ? null : value.toString(), Text.of("field.string")));
            return null;
        }
        return value.asText().strip();
    }
}
