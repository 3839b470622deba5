package trimtab.api.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/** Lets the login endpoint check credentials against the users in MariaDB, off the event loop. */
@Singleton
final class DatabaseAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private final Logins logins;

    DatabaseAuthenticationProvider(Logins logins) {
        this.logins = logins;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        return logins.login(credentials.getIdentity(), credentials.getSecret());
    }

    @Override
    public String getExecutorName() {
        return TaskExecutors.BLOCKING;
    }
}
