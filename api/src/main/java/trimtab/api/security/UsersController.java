package trimtab.api.security;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import trimtab.api.book.StrictJson;

import java.net.URI;
import java.util.List;

/** Users, for administrators: create, change roles, disable, set a password. Passwords never come back. */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.Names.ADMIN)
@Tag(name = "Users")
final class UsersController {
    private final UserAdministration administration;
    private final StrictJson json;

    UsersController(UserAdministration administration, StrictJson json) {
        this.administration = administration;
        this.json = json;
    }

    @Get
    @Operation(summary = "Every user, enabled or not, with roles and advisor id")
    List<UserViews.UserView> list() {
        return administration.list();
    }

    @Get("/{username}")
    @Operation(summary = "One user")
    UserViews.UserView get(@PathVariable String username) {
        return administration.get(username);
    }

    @Post
    @Operation(summary = "Create a user; a SERVICE user without a password gets a generated client secret, answered once")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserViews.NewUser.class)))
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "409", description = "the username exists (usernames are never reused)")
    @ApiResponse(responseCode = "422", description = "a bad username, role set, advisor id or password, named by JSON path")
    HttpResponse<UserViews.CreatedUser> create(@Parameter(hidden = true) @Body byte[] body, Authentication authentication) {
        UserViews.CreatedUser created = administration.create(json.read(body, Argument.of(UserViews.NewUser.class)),
                Caller.of(authentication).actor());
        return HttpResponse.created(created, URI.create("/api/v1/users/" + created.user().username()));
    }

    @Put("/{username}")
    @Operation(summary = "Change a user's display name, roles, advisor id or enabled flag; tokens issued before a change "
            + "of rights stop working")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserViews.UserChange.class)))
    UserViews.UserView change(@PathVariable String username, @Parameter(hidden = true) @Body byte[] body,
                              Authentication authentication) {
        return administration.change(username, json.read(body, Argument.of(UserViews.UserChange.class)), Caller.of(authentication).actor());
    }

    @Put("/{username}/password")
    @Operation(summary = "Set a user's password (also lifts a lock-out); their older tokens stop working")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserViews.PasswordReset.class)))
    UserViews.UserView resetPassword(@PathVariable String username, @Parameter(hidden = true) @Body byte[] body,
                                     Authentication authentication) {
        return administration.resetPassword(username, json.read(body, Argument.of(UserViews.PasswordReset.class)),
                Caller.of(authentication).actor());
    }
}
