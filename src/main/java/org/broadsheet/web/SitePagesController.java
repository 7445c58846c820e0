package org.broadsheet.web;

import org.broadsheet.pages.CacheablePage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Fixed pages of the site, such as the community guidelines.
 */
@Controller
@CacheablePage
class SitePagesController {

    static final String GUIDELINES_VIEW = "site/community-guidelines";

    @GetMapping("/community-guidelines")
    String guidelines() {
        return GUIDELINES_VIEW;
    }
}
