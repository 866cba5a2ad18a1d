package pulse.server.security;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.micronaut.core.annotation.Nullable;
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
import java.util.Comparator;
import java.util.List;
import pulse.model.EventCodec;
import pulse.model.AccountRequest;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;

/** The county office manages accounts: create, list, delete. */
@Controller("/api/accounts")
@Secured(Role.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

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
        AccountRequest request = AccountRequest.read(codec.parse(body, "body"));
        String username = request.username();
        if (accounts.find(username).isPresent()) {
            throw new AccountExistsException(username);
        }
        Account account = new Account(username, accounts.hash(request.password()), request.role(), request.unitId(),
                admin.getName(), Instant.now());
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
}
