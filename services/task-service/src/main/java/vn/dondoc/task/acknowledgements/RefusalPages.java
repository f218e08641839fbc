package vn.dondoc.task.acknowledgements;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The friendly page of a refused link, from the controller and from the security filters (a form sent without its
 * CSRF token never reaches the controller). Every refusal is logged with the client's address.
 */
@Component
class RefusalPages implements AccessDeniedHandler {

    static final String VIEW = "ack/refused";
    private static final Logger log = LoggerFactory.getLogger(RefusalPages.class);

    private final ITemplateEngine templates;
    private final ClientAddress addresses;

    RefusalPages(ITemplateEngine templates, ClientAddress addresses) {
        this.templates = templates;
        this.addresses = addresses;
    }

    ModelAndView page(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
        logged(refusal, request);
        if (refusal.status().value() == 429) {
            response.setHeader("Retry-After", "60");
        }
        var page = new ModelAndView(VIEW, model(refusal), refusal.status());
        return page;
    }

    /** A POST without the page's CSRF token (or with a stale one). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var refusal = Refusal.noFormToken(denied.getClass().getSimpleName() + " on " + request.getMethod());
        logged(refusal, request);
        response.setStatus(refusal.status().value());
        response.setContentType("text/html;charset=UTF-8");
        var html = templates.process(VIEW, new Context(Locale.forLanguageTag("vi"), model(refusal)));
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private void logged(Refusal refusal, HttpServletRequest request) {
        String path = request.getRequestURI();
        log.warn("Refused {} {} from {}: {} ({})", request.getMethod(),
                path.length() > 80 ? path.substring(0, 80) + "…(" + path.length() + " chars)" : path,
                addresses.of(request), refusal.status().value(), refusal.getMessage());
    }

    private static Map<String, Object> model(Refusal refusal) {
        return Map.of("heading", refusal.heading(), "explanation", refusal.explanation(),
                "status", refusal.status().value());
    }
}
