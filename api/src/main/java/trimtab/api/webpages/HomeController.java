package trimtab.api.webpages;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/** The root of the service leads to the web pages; they are open (their data is not). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class HomeController {
    static final URI PAGES = URI.create("/app/");

    @Get
    HttpResponse<?> root() {
        return HttpResponse.seeOther(PAGES);
    }
}
