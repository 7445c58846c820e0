package org.broadsheet.audit.web;

import java.util.Optional;

import org.broadsheet.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log at {@code /admin/audit} (administrators only): who did what and when, newest first, filtered by
 * person and by action. Read-only.
 */
@Controller
class AuditLogController {

    static final String VIEW = "audit/log";
    private static final int MAX_PAGE = 100_000;
    private static final int MAX_FILTER = 64;

    private final AuditLog log;

    AuditLogController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String who = blankToNull(actor);
        String what = blankToNull(action);
        if (page < 1 || page > MAX_PAGE || who != null && who.length() > MAX_FILTER
                || what != null && what.length() > MAX_FILTER) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown filter");
        }
        model.addAttribute("actor", who);
        model.addAttribute("action", what);
        model.addAttribute("audit", log.page(who, what, page));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("actor", Optional.ofNullable(who))
                .queryParamIfPresent("action", Optional.ofNullable(what)).encode().build().toUriString());
        return VIEW;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
