package pulse.server.security;

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

    AccountController(AccountDirectory accounts, EventCodec codec) {
        this.accounts = accounts;
        this.codec = codec;
    }

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
            errors.add(new FieldError("username", "\"" + username + "\"", "2 to 64 letters, digits, '_', '.' or '-'"));
        }
        if (password != null && (password.length() < MIN_PASSWORD
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD)) {
            errors.add(new FieldError("password", "(" + password.length() + " characters)",
                    MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
        }
        if (role != null && !Role.OF_ACCOUNTS.contains(role)) {
            errors.add(new FieldError("role", "\"" + role + "\"", "one of " + Role.OF_ACCOUNTS));
        }
        if (Role.UNIT.equals(role) && (unitId == null || unitId.isEmpty() || unitId.length() > 100)) {
            errors.add(new FieldError("unitId", unitId == null ? null : "\"" + unitId + "\"",
                    "the unit this account reports for, e.g. \"县住建局\" (1 to 100 characters)"));
        }
        if (role != null && !Role.UNIT.equals(role) && unitId != null) {
            errors.add(new FieldError("unitId", "\"" + unitId + "\"", "no unitId: only a unit account has one"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (accounts.find(username).isPresent()) {
            throw new AccountExistsException(username);
        }
        Account account = new Account(username, accounts.hash(password), role, unitId, admin.getName(), Instant.now());
        accounts.save(account);
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
                    "another account than your own (an admin cannot lock itself out)"));
        }
        if (accounts.find(username).isEmpty()) {
            return HttpResponse.notFound();
        }
        accounts.delete(username);
        return HttpResponse.noContent();
    }

    private static String text(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            errors.add(new FieldError(field, value == null || value.isNull() ? null : value.toString(), "a non-empty string"));
            return null;
        }
        return value.asText().strip();
    }
}
