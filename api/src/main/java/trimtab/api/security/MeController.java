package trimtab.api.security;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.book.StrictJson;

/** The caller's own account: who they are, and changing their password. */
@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Users")
final class MeController {
    private final UserAdministration administration;
    private final StrictJson json;

    MeController(UserAdministration administration, StrictJson json) {
        this.administration = administration;
        this.json = json;
    }

    @Get
    @Operation(summary = "Who the token belongs to: username, name, roles and advisor id")
    UserViews.Me me(Authentication authentication) {
        return administration.me(Caller.of(authentication));
    }

    @Put("/password")
    @Operation(summary = "Change your own password, giving the current one; your older tokens stop working")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserViews.PasswordChange.class)))
    HttpResponse<Void> changePassword(@Parameter(hidden = true) @Body byte[] body, Authentication authentication) {
        administration.changeOwnPassword(Caller.of(authentication), json.read(body, Argument.of(UserViews.PasswordChange.class)));
        return HttpResponse.noContent();
    }
}
